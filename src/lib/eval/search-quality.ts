/** Scores of a ranked result list against the results expected for a query. */

/**
 * Precision at k: the share of the first k results that are expected, out of
 * as many as can be (min(k, expected.length)), so a query with one right
 * answer scores 1 when that answer is in the first k.
 */
export function precisionAt(k: number, ranked: readonly string[], expected: readonly string[]): number {
  const want = new Set(expected);
  const best = Math.min(k, want.size);
  if (best === 0) return 0;
  return new Set(ranked.slice(0, k).filter((key) => want.has(key))).size / best;
}

/** Reciprocal rank: 1 / the rank of the first expected result, 0 when none is found. */
export function reciprocalRank(ranked: readonly string[], expected: readonly string[]): number {
  const at = ranked.findIndex((key) => expected.includes(key));
  return at < 0 ? 0 : 1 / (at + 1);
}
