/**
 * Lookup tables keyed by text that comes from the scanned files (program names, flags, kinds).
 * A plain object literal inherits `toString`, `constructor` and `__proto__`, so a command named
 * `toString` would find a function; a table made here has no prototype, so such a name finds
 * nothing, as any other unknown name does.
 */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  const table: Record<string, T> = Object.create(null);
  for (const key of Object.keys(entries)) table[key] = entries[key] as T;
  return Object.freeze(table);
}
