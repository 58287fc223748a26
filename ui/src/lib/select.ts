// A field whose whole value is usually replaced (a time, a date, the minutes) selects
// its text when it gets focus, by Tab or by click, so typing replaces it. A click
// would otherwise put the caret where the mouse was released and drop the selection.
let fresh: EventTarget | null = null;

export function selectAll(e: FocusEvent) {
  const el = e.currentTarget as HTMLInputElement;
  el.select();
  fresh = el;
}

export function keepSelection(e: MouseEvent) {
  if (fresh === e.currentTarget) e.preventDefault();
  fresh = null;
}
