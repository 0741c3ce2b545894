/**
 * Phase 7 of the aligner: leftovers that are each other's best.
 *
 * A clause still unmatched and its best unmatched counterpart pair at a low bar when all of
 * this holds, because a reworded provision keeps its subject even when its words change:
 *
 * - Dice ≥ minLeftover 0.2;
 * - each is the other's best among what is left, ahead of both runners-up by
 *   minLeftoverMargin 0.02 (a tie means the evidence does not say which);
 * - they share tags (topics, formulas) weighing minLeftoverTag 4 or more. A tag weighs
 *   ln(1 + clauses / clauses carrying it): 4 is one tag on about 1 clause in 54, or two on
 *   about 1 in 6, so a tag that nearly every clause carries does not count.
 *
 * It runs leftoverRounds 2 times, since a pair taken in round one may leave its runner-up the
 * clear best of another clause in round two.
 *
 * Worked example, in a corpus of 150 clauses: older "Both sides oppose unilateral sanctions."
 * and newer "The parties reject unilateral coercive measures." share one word (Dice 0.22, below
 * every other bar) and the topic #sanctions, which two clauses carry: its weight is
 * ln(1 + 150 / 2) = 4.3 ≥ 4. If each is the other's clear best, they pair as reworded.
 */
import { addUnit, copyMatching, unmatched, type Matching, type Problem } from './problem.ts';
import { bestPartners, shared, type Side } from './terms.ts';

/** Pair mutual-best leftovers that share rare tags, in rounds. */
export function leftovers(problem: Problem, input: Matching): Matching {
  const matching = copyMatching(input);
  const { tuning: T } = problem;
  for (let round = 0; round < T.leftoverRounds; round++) {
    const olds = unmatched(matching.olderUnit);
    const news = unmatched(matching.newerUnit);
    if (olds.length === 0 || news.length === 0) break;
    const best = bestPartners(subset(olds, problem.olderSide), subset(news, problem.newerSide), problem.weights);
    let added = 0;
    for (let x = 0; x < olds.length; x++) {
      const y = best.bestA[x]!;
      if (y < 0 || best.bestB[y] !== x) continue;
      const v = best.bestAV[x]!;
      if (v < T.minLeftover) continue;
      if (v - Math.max(best.secondA[x]!, best.secondB[y]!) < T.minLeftoverMargin) continue;
      const i = olds[x]!;
      const j = news[y]!;
      if (shared(problem.olderSide.terms[i]!, problem.newerSide.terms[j]!, problem.tagWeights) < T.minLeftoverTag) continue;
      addUnit(matching, [i], [j], v);
      added++;
    }
    if (added === 0) break;
  }
  return matching;
}

// The terms of some clauses of a side, as a side of their own.
function subset(indices: number[], side: Side): Side {
  return { terms: indices.map((k) => side.terms[k]!), weight: Float64Array.from(indices, (k) => side.weight[k]!), keys: [] };
}
