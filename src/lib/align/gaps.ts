/**
 * Phase 5 of the aligner: small gaps between in-order units, solved exactly.
 *
 * Between two consecutive units of the order chain lie free clauses on both sides. When the gap
 * is small (at most maxGapCells 2,500 older × newer cells, so the dynamic programming stays
 * cheap) the in-order pairing with the largest total Dice is taken, each pair at least:
 *
 * - minGap 0.25 when neither side has more than two free clauses: with one or two candidates
 *   each, the place itself is strong evidence;
 * - minWideGap 0.35 otherwise, where chance resemblances are likelier.
 *
 * Each new pair may then grow into a split or merge (phase 3, splits.ts).
 *
 * Worked example: chain units (2,2) and (5,6); the gap holds older 3, 4 and newer 3, 4, 5.
 * With Dice 3~3 0.5, 4~5 0.4 and everything else below 0.35, the exact in-order pairing is
 * 3~3 and 4~5 (total 0.9); newer 4 stays added.
 */
import { inOrderPairs } from './order.ts';
import { addUnit, copyMatching, orderChain, similarity, type Matching, type Problem } from './problem.ts';
import { grow } from './splits.ts';

/** Pair the free clauses of each small gap of the order chain in order, exactly. */
export function fillGaps(problem: Problem, input: Matching): Matching {
  const matching = copyMatching(input);
  const { units, olderUnit, newerUnit } = matching;
  const { tuning: T } = problem;
  const { byOlder, inOrder } = orderChain(matching, problem.newer.length);
  const chain = byOlder.filter((id) => inOrder[id]);
  const created: number[] = [];
  for (let q = 0; q <= chain.length; q++) {
    const previous = q > 0 ? units[chain[q - 1]!]! : undefined;
    const next = q < chain.length ? units[chain[q]!]! : undefined;
    const olderFrom = previous ? Math.max(...previous.olds) + 1 : 0;
    const olderTo = next ? next.olds[0]! : problem.older.length;
    const newerFrom = previous ? Math.max(...previous.news) + 1 : 0;
    const newerTo = next ? next.news[0]! : problem.newer.length;
    if (olderTo <= olderFrom || newerTo <= newerFrom) continue;
    const olds: number[] = [];
    const news: number[] = [];
    for (let i = olderFrom; i < olderTo; i++) if (olderUnit[i]! < 0) olds.push(i);
    for (let j = newerFrom; j < newerTo; j++) if (newerUnit[j]! < 0) news.push(j);
    if (olds.length === 0 || news.length === 0 || olds.length * news.length > T.maxGapCells) continue;
    const floor = Math.max(olds.length, news.length) <= 2 ? T.minGap : T.minWideGap;
    for (const [r, c, v] of inOrderPairs(olds.length, news.length, (r, c) => similarity(problem, olds[r]!, news[c]!), floor)) {
      created.push(addUnit(matching, [olds[r]!], [news[c]!], v));
    }
  }
  for (const id of created) grow(problem, matching, id);
  return matching;
}
