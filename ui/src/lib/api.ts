// Typed wrappers over the Tauri commands. Every type here is generated from Rust
// (src/bindings, by ts-rs); nothing that crosses IPC is typed twice by hand.
import { invoke } from "@tauri-apps/api/core";
import type { AppError } from "../bindings/AppError";
import type { AppStatus } from "../bindings/AppStatus";
import type { BridgeNote } from "../bindings/BridgeNote";
import type { CircleMember } from "../bindings/CircleMember";
import type { Consent } from "../bindings/Consent";
import type { Contact } from "../bindings/Contact";
import type { Cursor } from "../bindings/Cursor";
import type { Detail } from "../bindings/Detail";
import type { Draft } from "../bindings/Draft";
import type { Filter } from "../bindings/Filter";
import type { FollowUp } from "../bindings/FollowUp";
import type { Hit } from "../bindings/Hit";
import type { Lang } from "../bindings/Lang";
import type { Mode } from "../bindings/Mode";
import type { NewBridgeNote } from "../bindings/NewBridgeNote";
import type { NewContact } from "../bindings/NewContact";
import type { NewPerson } from "../bindings/NewPerson";
import type { Options } from "../bindings/Options";
import type { Person } from "../bindings/Person";
import type { Settings } from "../bindings/Settings";
import type { Stagnant } from "../bindings/Stagnant";
import type { SummaryFacts } from "../bindings/SummaryFacts";

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

export const api = {
  status: () => call<AppStatus>("app_status"),
  setLang: (lang: Lang) => call<void>("set_lang", { lang }),
  create: (passphrase: string | null) => call<string>("vault_create", { passphrase }),
  unlock: (passphrase: string | null) => call<void>("vault_unlock", { passphrase }),
  recover: (code: string, passphrase: string | null) => call<void>("vault_recover", { code, passphrase }),
  lock: () => call<void>("vault_lock"),
  settings: () => call<Settings>("settings_get"),
  saveSettings: (settings: Settings) => call<void>("settings_set", { settings }),
  people: () => call<Person[]>("person_list"),
  addPerson: (person: NewPerson) => call<Person>("person_add", { person }),
  person: (id: number) => call<Detail>("person_detail", { id }),
  ownWords: (id: number, wishes: string, strengths: string) => call<void>("person_own_words", { id, wishes, strengths }),
  closePerson: (id: number) => call<void>("person_close", { id }),
  erasePerson: (id: number) => call<number>("person_erase", { id }),
  addMember: (person: number, name: string, role: string, formal: boolean) =>
    call<CircleMember>("circle_add", { person, name, role, formal }),
  addConsent: (member: number, scope: string, discussedOn: string, until: string) =>
    call<Consent>("consent_add", { member, scope, discussedOn, until }),
  addContact: (contact: NewContact) => call<number>("contact_add", { contact }),
  updateContact: (id: number, contact: NewContact) => call<void>("contact_update", { id, contact }),
  contact: (id: number) => call<Contact>("contact_get", { id }),
  deleteContact: (id: number) => call<Contact>("contact_delete", { id }),
  contacts: (filter: Filter, after: Cursor | null, limit: number) => call<Contact[]>("contact_page", { filter, after, limit }),
  countContacts: (filter: Filter) => call<number>("contact_count", { filter }),
  lastMode: () => call<Mode | null>("contact_last_mode"),
  search: (query: string, filter: Filter) => call<Hit[]>("search_notes", { query, filter }),
  hints: (text: string) => call<string[]>("language_hints", { text }),
  saveDraft: (contact: number | null, body: string, persons: number[]) => call<void>("draft_save", { contact, body, persons }),
  loadDraft: (contact: number | null) => call<Draft | null>("draft_load", { contact }),
  bridges: (person: number | null) => call<BridgeNote[]>("bridge_list", { person }),
  addBridge: (note: NewBridgeNote) => call<BridgeNote>("bridge_add", { note }),
  shareBridge: (id: number) => call<BridgeNote>("bridge_share", { id }),
  answerBridge: (id: number, answer: string) => call<BridgeNote>("bridge_answer", { id, answer }),
  closeBridge: (id: number) => call<BridgeNote>("bridge_close", { id }),
  bridgeText: (id: number) => call<string>("bridge_text", { id }),
  checkins: () => call<FollowUp[]>("checkins_open"),
  addCheckin: (person: number, due: string, why: string) => call<FollowUp>("checkin_add", { person, due, why }),
  checkinDone: (id: number) => call<FollowUp>("checkin_done", { id }),
  checkinMove: (id: number, due: string) => call<FollowUp>("checkin_move", { id, due }),
  stagnation: () => call<Stagnant[]>("stagnation"),
  colleaguePlan: (person: number, incident: string) => call<FollowUp[]>("colleague_plan", { person, incident }),
  today: () => call<string>("today"),
  summaryPreview: (options: Options) => call<SummaryFacts>("summary_preview", { options }),
  summaryPrint: () => call<boolean>("summary_print"),
  summarySave: () => call<boolean>("summary_save"),
};
