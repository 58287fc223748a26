// The Tauri commands, typed end to end: names, arguments and results are generated
// from Rust (src/bindings/commands.ts and the ts-rs types beside it). Here only the
// wrapper that turns a failure into an IpcError.
import { invoke } from "@tauri-apps/api/core";
import { makeCommands } from "../bindings/commands";
import type { AppError } from "../bindings/AppError";
import type { Filter } from "../bindings/Filter";

/** An error from the core: react to `kind`, show `message` (already translated). */
export class IpcError extends Error {
  readonly kind: string;
  /** The form field the refusal is about, when it is about one. */
  readonly field: string | null;
  constructor(e: AppError) {
    super(e.message);
    this.kind = e.kind;
    this.field = e.field ?? null;
  }
}

function isAppError(e: unknown): e is AppError {
  return typeof e === "object" && e !== null && "kind" in e && "message" in e;
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw isAppError(e) ? new IpcError(e) : new IpcError({ kind: "ipc", message: String(e) });
  }
}

export const emptyFilter = (): Filter => ({
  from: null, to: null, person: null, support: null, mode: null, for_consult: null, signal: null,
});

/** Every command, typed from Rust (see src/bindings/commands.ts). */
export const api = makeCommands(call);
