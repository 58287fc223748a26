// Generated from naast::ground::vocab::words by src-tauri/src/ipc.rs. Do not edit.
import type { BridgeKind } from "./BridgeKind";
import type { Context } from "./Context";
import type { Initiative } from "./Initiative";
import type { LogAction } from "./LogAction";
import type { Mode } from "./Mode";
import type { Rhythm } from "./Rhythm";
import type { Status } from "./Status";
import type { Support } from "./Support";

export type Words = {
  supports: Record<Support, string>;
  modes: Record<Mode, string>;
  initiatives: Record<Initiative, string>;
  contexts: Record<Context, string>;
  bridge_kinds: Record<BridgeKind, string>;
  bridge_statuses: Record<Status, string>;
  log_actions: Record<LogAction, string>;
  rhythms: Record<Rhythm, string>;
};

export const words: { nl: Words; en: Words } = {
  "en": {
    "bridge_kinds": {
      "experience": "experience of care",
      "question": "question",
      "signal": "signal",
      "stagnation": "stagnation"
    },
    "bridge_statuses": {
      "answered": "answered",
      "closed": "closed",
      "draft": "draft",
      "shared": "shared"
    },
    "contexts": {
      "client": "client",
      "colleague": "colleague",
      "group-member": "group member",
      "youth": "young person"
    },
    "initiatives": {
      "me": "me",
      "other": "someone else",
      "person": "the person"
    },
    "log_actions": {
      "backup": "backup made",
      "change": "changed",
      "copy": "copied as text",
      "create": "created",
      "delete": "deleted",
      "erase": "erased",
      "export": "exported",
      "key": "key changed",
      "lock": "vault locked",
      "print": "printed",
      "prune": "old lines pruned",
      "restore": "backup restored",
      "save": "saved as a file",
      "search": "searched",
      "share": "shared",
      "unlock": "vault opened",
      "view": "viewed"
    },
    "modes": {
      "chat": "chat",
      "face-to-face": "face-to-face",
      "group": "group",
      "home-visit": "home visit",
      "phone": "phone",
      "video": "video",
      "walk": "walk"
    },
    "rhythms": {
      "first": "first contact after the incident, within 72 hours",
      "second": "second contact, around two weeks after the incident"
    },
    "supports": {
      "emotional": "emotional",
      "informational": "informational",
      "navigation": "navigation",
      "practical": "practical"
    }
  },
  "nl": {
    "bridge_kinds": {
      "experience": "ervaring met zorg",
      "question": "vraag",
      "signal": "signaal",
      "stagnation": "stagnatie"
    },
    "bridge_statuses": {
      "answered": "beantwoord",
      "closed": "gesloten",
      "draft": "concept",
      "shared": "gedeeld"
    },
    "contexts": {
      "client": "cliënt",
      "colleague": "collega",
      "group-member": "groepslid",
      "youth": "jongere"
    },
    "initiatives": {
      "me": "ik",
      "other": "iemand anders",
      "person": "de persoon"
    },
    "log_actions": {
      "backup": "back-up gemaakt",
      "change": "gewijzigd",
      "copy": "gekopieerd als tekst",
      "create": "aangemaakt",
      "delete": "verwijderd",
      "erase": "gewist",
      "export": "geëxporteerd",
      "key": "sleutel gewijzigd",
      "lock": "kluis vergrendeld",
      "print": "afgedrukt",
      "prune": "oude regels opgeruimd",
      "restore": "back-up teruggezet",
      "save": "opgeslagen als bestand",
      "search": "gezocht",
      "share": "gedeeld",
      "unlock": "kluis geopend",
      "view": "ingezien"
    },
    "modes": {
      "chat": "chat",
      "face-to-face": "face-to-face",
      "group": "groep",
      "home-visit": "huisbezoek",
      "phone": "telefoon",
      "video": "beeldbellen",
      "walk": "wandeling"
    },
    "rhythms": {
      "first": "eerste contact na het incident, binnen 72 uur",
      "second": "tweede contact, rond twee weken na het incident"
    },
    "supports": {
      "emotional": "emotioneel",
      "informational": "informatief",
      "navigation": "navigatie",
      "practical": "praktisch"
    }
  }
};
