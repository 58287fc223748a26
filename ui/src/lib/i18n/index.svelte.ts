// The UI language. Dutch by default; English is complete because `en` must have
// the type of `nl` (a missing or extra key fails the type check).
import type { Lang } from "../../bindings/Lang";
import { en } from "./en";
import { nl, type Dict } from "./nl";

export const i18n = $state<{ lang: Lang }>({ lang: "nl" });

export const L = {
  get t(): Dict {
    return i18n.lang === "en" ? en : nl;
  },
};

export function setLang(lang: Lang) {
  i18n.lang = lang;
  document.documentElement.lang = lang;
}
