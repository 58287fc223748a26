// A line of the logbook as a sentence ("Kluis geopend", "Persoon aangemaakt: QK32"),
// from the core's words for the action and the thing it acted on.
import { L } from "./i18n/index.svelte";
import { cap } from "./format";
import type { LogEntry } from "../bindings/LogEntry";

/** Actions whose words already name what they act on ("kluis geopend"). */
const WHOLE = new Set(["unlock", "lock", "backup", "restore", "key", "prune"]);

export function logSentence(e: LogEntry, withCode = true): string {
  const object = L.t.logObjects[e.object as keyof typeof L.t.logObjects] ?? e.object;
  const what = e.action === "search" ? L.t.logSearched : WHOLE.has(e.action) ? L.t.logActions[e.action] : `${object} ${L.t.logActions[e.action]}`;
  const refused = e.refused ? ` (${L.t.logRefused})` : "";
  return `${cap(what)}${refused}${withCode && e.person_code ? `: ${e.person_code}` : ""}`;
}
