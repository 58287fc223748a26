// Date fields read their text through the core a moment after the last keystroke.
// A form that is submitted right after typing (Ctrl+Enter) first asks every field on
// screen to settle: read its text now, and say whether it holds a valid value.
const fields = new Set<() => Promise<boolean>>();

export function registerField(settle: () => Promise<boolean>): () => void {
  fields.add(settle);
  return () => fields.delete(settle);
}

/** True when every date field on screen holds what its text says. */
export async function settleFields(): Promise<boolean> {
  const results = await Promise.all([...fields].map((f) => f()));
  return results.every(Boolean);
}
