// Date fields read their text through the core a moment after the last keystroke.
// A form that is submitted right after typing (Ctrl+Enter, Enter) first asks its own
// date fields to settle: read their text now, and say whether they hold a valid value.
type Field = { settle: () => Promise<boolean>; el: () => Element | undefined };
const fields = new Set<Field>();

export function registerField(settle: () => Promise<boolean>, el: () => Element | undefined): () => void {
  const f = { settle, el };
  fields.add(f);
  return () => fields.delete(f);
}

/** True when every date field inside `within` (a form; everywhere when not given)
 *  holds what its text says. Fields of other forms on the same screen do not count. */
export async function settleFields(within?: Element | null): Promise<boolean> {
  const mine = [...fields].filter((f) => {
    const el = f.el();
    return !within || (el !== undefined && within.contains(el));
  });
  const results = await Promise.all(mine.map((f) => f.settle()));
  return results.every(Boolean);
}
