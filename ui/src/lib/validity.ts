// The browser's own checks (required, minlength, min, max) speak the app's words,
// in the app's language: WebKit's bubble follows the system's locale, so a Dutch
// screen on an English system said "Use at least 8 characters". Every form of the
// app keeps its `required` and `minlength`; only the words are ours.
import { L } from "./i18n/index.svelte";

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function words(el: Field): string {
  const v = el.validity;
  const n = (s: string, x: string | number) => s.replace("{n}", String(x));
  if (v.valueMissing) return L.t.valid.missing;
  if (v.tooShort && "minLength" in el) return n(L.t.valid.short, el.minLength);
  if (v.rangeUnderflow && "min" in el) return n(L.t.valid.low, el.min);
  if (v.rangeOverflow && "max" in el) return n(L.t.valid.high, el.max);
  return L.t.valid.bad;
}

/** Installs the app's words once for the whole page. */
export function ownWordsForChecks() {
  // An `invalid` event comes before the bubble is shown: its text is set then.
  document.addEventListener("invalid", (e) => {
    const el = e.target as Field;
    if (!el.setCustomValidity) return;
    el.setCustomValidity("");
    if (!el.validity.valid) el.setCustomValidity(words(el));
  }, true);
  // Typing takes the message away again, so the field is judged anew.
  document.addEventListener("input", (e) => {
    const el = e.target as Field;
    if (el.setCustomValidity && el.validity.customError) el.setCustomValidity("");
  }, true);
}
