/**
 * A copy of a string that keeps nothing else in memory. V8 keeps a string built by concatenation
 * as a tree of its pieces, and a slice of 13 characters or more as a view into the whole string
 * it was cut from (a view of 32 bytes, which keeps the whole string alive); a string kept for the
 * whole scan (a loaded value, a finding's message or fingerprint) is smaller as one flat string
 * of its own.
 */
export function ownCopy(text: string): string {
  // Shorter strings are always flat in V8 (it copies them rather than make a view or a tree).
  if (text.length < 13) return text;
  // Joining two pieces copies the characters into one new flat string (a slice, and a string
  // joined with an empty one, would be a view of the same string again).
  return [text.slice(0, 1), text.slice(1)].join('');
}
