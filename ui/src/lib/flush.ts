// What must be written before the vault closes. A form registers its draft flush
// here; locking (button, Ctrl+L, idle timer) awaits every one before it closes the
// vault, so the last keystrokes are in the vault, not lost with the screen.
const flushers = new Set<() => Promise<void>>();

export function beforeLock(f: () => Promise<void>): () => void {
  flushers.add(f);
  return () => flushers.delete(f);
}

export async function flushAll(): Promise<void> {
  await Promise.allSettled([...flushers].map((f) => f()));
}
