// The first question to the core, answered before the app's code runs: the shell
// puts the status at launch in the page (`window.__NAAST_STATUS__`, see
// src-tauri/src/lib.rs), which saves the webview's slow first IPC round trip. A
// reload asks the core instead, since the vault may have been opened since launch;
// so does a page without it. main.ts imports this module first, so that question,
// when it is asked, travels while the screens load.
import { api } from "./api";
import type { AppStatus } from "../bindings/AppStatus";

declare global {
  interface Window {
    __NAAST_STATUS__?: AppStatus;
  }
}

function atLaunch(): Promise<AppStatus> {
  const given = window.__NAAST_STATUS__;
  const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  if (given && nav?.type === "navigate") return Promise.resolve(given);
  return api.appStatus();
}

let first: Promise<AppStatus> | null = atLaunch();
// A failure is seen by whoever takes it, not as an unhandled rejection before then.
first.catch(() => {});

/** The status at launch the first time, a fresh one after that. */
export function appStatus(): Promise<AppStatus> {
  const p = first ?? api.appStatus();
  first = null;
  return p;
}
