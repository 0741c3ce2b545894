/**
 * Order and structure helpers of the clause aligner's phases: the heaviest
 * chain that keeps the order on both sides, an exact in-order matching of a
 * small grid, and the passages and paragraphs a clause list falls into.
 */
import type { Clause } from '../model/types.ts';

/**
 * Heaviest chain strictly increasing in both coordinates; items must come
 * sorted by x. Returns a flag per item. O(k log n) with a Fenwick tree of maxima.
 */
export function heaviestIncreasing(xs: readonly number[], ys: readonly number[], ws: readonly number[], n: number): boolean[] {
  const k = xs.length;
  const treeVal = new Float64Array(n + 1);
  const treeIdx = new Int32Array(n + 1).fill(-1);
  const prev = new Int32Array(k).fill(-1);
  const total = new Float64Array(k);
  let bestEnd = -1;
  let bestVal = 0;
  // Items with equal x must not chain; process each run of equal x in two passes.
  let start = 0;
  while (start < k) {
    let end = start;
    while (end < k && xs[end] === xs[start]) end++;
    for (let it = start; it < end; it++) {
      let v = 0;
      let p = -1;
      for (let q = ys[it]!; q > 0; q -= q & -q) {
        if (treeVal[q]! > v) {
          v = treeVal[q]!;
          p = treeIdx[q]!;
        }
      }
      total[it] = v + ws[it]!;
      prev[it] = p;
      if (total[it]! > bestVal) {
        bestVal = total[it]!;
        bestEnd = it;
      }
    }
    for (let it = start; it < end; it++) {
      for (let q = ys[it]! + 1; q <= n; q += q & -q) {
        if (total[it]! > treeVal[q]!) {
          treeVal[q] = total[it]!;
          treeIdx[q] = it;
        }
      }
    }
    start = end;
  }
  const chosen = new Array<boolean>(k).fill(false);
  for (let it = bestEnd; it >= 0; it = prev[it]!) chosen[it] = true;
  return chosen;
}

// A clause opening with one of these carries on the previous clause's subject.
const CONTINUATION = /^[\s"“‘'(]*(they|it|its|their|this|these|such|both|he|she|the latter)\b/i;

/** Maximal runs of consecutive clauses, all `free`, each after the first opening with a pronoun. */
export function passages(clauses: Clause[], free: (k: number) => boolean): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  let allFree = true;
  const close = (): void => {
    if (current.length && allFree) out.push(current);
    current = [];
    allFree = true;
  };
  clauses.forEach((c, k) => {
    if (!CONTINUATION.test(c.text)) close();
    current.push(k);
    if (!free(k)) allFree = false;
  });
  close();
  return out;
}

/** Paragraphs as runs of clause indices: a clause at position 0 of its paragraph, or not one past the previous clause's position, starts a new one. */
export function paragraphs(clauses: Clause[]): number[][] {
  const out: number[][] = [];
  clauses.forEach((c, k) => {
    const prev = clauses[k - 1];
    if (!prev || c.index === 0 || c.index !== prev.index + 1) out.push([k]);
    else out[out.length - 1]!.push(k);
  });
  return out;
}

/**
 * Exact in-order matching of an R × C grid: the increasing set of cells, each scoring at least
 * `floor`, with the largest total score (dynamic programming). Returns [row, column, score] triples.
 */
export function inOrderPairs(R: number, C: number, score: (r: number, c: number) => number, floor: number): [number, number, number][] {
  const s = new Float64Array(R * C);
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) s[r * C + c] = score(r, c);
  const W = C + 1;
  const dp = new Float64Array((R + 1) * W);
  for (let r = 1; r <= R; r++) {
    for (let c = 1; c <= C; c++) {
      const v = s[(r - 1) * C + (c - 1)]!;
      let best = Math.max(dp[(r - 1) * W + c]!, dp[r * W + c - 1]!);
      if (v >= floor) best = Math.max(best, dp[(r - 1) * W + c - 1]! + v);
      dp[r * W + c] = best;
    }
  }
  const out: [number, number, number][] = [];
  for (let r = R, c = C; r > 0 && c > 0; ) {
    const v = s[(r - 1) * C + (c - 1)]!;
    if (v >= floor && dp[r * W + c] === dp[(r - 1) * W + c - 1]! + v) {
      out.push([r - 1, c - 1, v]);
      r--;
      c--;
    } else if (dp[r * W + c] === dp[(r - 1) * W + c]) r--;
    else c--;
  }
  return out;
}
