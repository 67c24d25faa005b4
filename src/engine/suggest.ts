/** "Did you mean" suggestions for mistyped rule ids, options and values. */

/** Levenshtein distance, with an early exit once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * The candidates closest to `input`, best first: those within a third of the input's length in
 * edits, comparing whole ids and their last segments (`no-privileged` of `k8s/no-privileged`).
 */
export function closest(input: string, candidates: Iterable<string>, max = 3): string[] {
  const wanted = input.toLowerCase();
  const tail = wanted.split('/').pop() ?? wanted;
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  const scored: { candidate: string; score: number; whole: number }[] = [];
  for (const candidate of new Set(candidates)) {
    const lower = candidate.toLowerCase();
    const candidateTail = lower.split('/').pop() ?? lower;
    const whole = editDistance(wanted, lower, limit);
    let score = Math.min(whole, editDistance(tail, candidateTail, limit));
    if (candidateTail === tail) score = Math.min(score, 1);
    else if (tail.length >= 4 && candidateTail.includes(tail)) score = Math.min(score, limit);
    if (score <= limit) scored.push({ candidate, score, whole });
  }
  // Equal on the last segment: the closer whole id first (`k8s/no-privilegd` -> `k8s/no-privileged`).
  scored.sort((a, b) => a.score - b.score || a.whole - b.whole || (a.candidate < b.candidate ? -1 : 1));
  return scored.slice(0, max).map((s) => s.candidate);
}

/** ` (did you mean a, b?)`, or nothing. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const found = closest(input, candidates);
  return found.length > 0 ? ` (did you mean ${found.join(', ')}?)` : '';
}
