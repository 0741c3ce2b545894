/**
 * Phases 3, 4 and 9 of the aligner: splits and merges.
 *
 * A one-to-one pair grows over free neighbours of one side (a split: one older sentence
 * became several newer ones; a merge: the reverse). A neighbour joins when two things hold:
 *
 * - containment ≥ minContainment 0.5: at least half of the neighbour's weight is in the clause
 *   of the other side. A new clause that merely sits next door shares little of it;
 * - gain ≥ minGain 0.04: the union scores better than the pair did by at least 0.04, so a
 *   neighbour adding only a word or two of overlap does not tip the pair into a split.
 *
 * Worked example (weights simplified to 1 per word):
 *
 *   older  "the sides will expand trade and deepen energy cooperation"
 *   newer  "the sides will expand trade"  +  "they will deepen energy cooperation"
 *
 *   Without stop words the older clause has 6 words. The first newer clause (sides, expand,
 *   trade) pairs on its own: Dice 2 × 3 / (6 + 3) = 0.67. Its neighbour (deepen, energy,
 *   cooperation) has all its words in the older clause (containment 1 ≥ 0.5) and the union's
 *   Dice is 2 × 6 / (6 + 6) = 1 (gain 0.33 ≥ 0.04): the pair becomes a split over both.
 *
 * Phase 9 (`joinFar`) makes the same test without adjacency: a clause still unmatched whose
 * words are mostly inside the clause of a one-to-one pair elsewhere joins that pair. One more
 * test there: the clause must not be a copy of its own side's clause in the pair, that is,
 * less than minContainment 0.5 of its weight may be in that clause (the containment bar
 * again: half its weight or more already in the pair makes it more copy than piece). A piece
 * of a split carries another part of the sentence; a second copy of the same part (in a text
 * that repeats itself, a dropped near-duplicate) may still "gain" a word or two of the other
 * side, but it is no piece. With weights simplified to 1 per word, stop words left out:
 *
 *   pair   older "the sides will expand trade in grain"  ~  newer "the sides will expand trade in
 *          grain and deepen energy cooperation in the Arctic"
 *   free   older "the sides will expand trade in grain and energy": 4 of its 5 words (0.8) are in
 *          the pair's older clause: a copy, not joined, though "energy" would raise the Dice;
 *   free   older "they will deepen energy cooperation in the Arctic": none of its words are
 *          there (0): a piece, joins the pair.
 */
import { addUnit, copyMatching, similarity, unmatched, type Matching, type Problem, type Unit } from './problem.ts';
import { candidates, dice, shared, union, weightOf, type Side } from './terms.ts';

/** Grow every one-to-one unit over free neighbours into a split or a merge. */
export function splitsAndMerges(problem: Problem, input: Matching): Matching {
  const matching = copyMatching(input);
  for (let id = 0; id < matching.units.length; id++) grow(problem, matching, id);
  return matching;
}

/**
 * Grow one unit in place, when it is one to one: the newer run around its newer clause (a
 * split) or the older run around its older clause (a merge), whichever scores better.
 */
export function grow(problem: Problem, matching: Matching, id: number): void {
  const unit = matching.units[id]!;
  if (unit.olds.length !== 1 || unit.news.length !== 1) return;
  const i = unit.olds[0]!;
  const j = unit.news[0]!;
  const { olderSide: o, newerSide: n } = problem;
  const split = run(problem, unit.score, o.terms[i]!, o.weight[i]!, j, n, matching.newerUnit);
  const merge = run(problem, unit.score, n.terms[j]!, n.weight[j]!, i, o, matching.olderUnit);
  if (split.members.length > 1 && (merge.members.length === 1 || split.score >= merge.score)) {
    unit.news = split.members;
    unit.score = split.score;
    for (const k of split.members) matching.newerUnit[k] = id;
  } else if (merge.members.length > 1) {
    unit.olds = merge.members;
    unit.score = merge.score;
    for (const k of merge.members) matching.olderUnit[k] = id;
  }
}

/**
 * The run of free clauses of `side` around `start` that the fixed clause contains: first
 * forwards, then backwards, each step kept only while containment and gain hold.
 */
function run(problem: Problem, score: number, fixedTerms: Int32Array, fixedWeight: number, start: number, side: Side, unitOf: Int32Array): { members: number[]; score: number } {
  const { weights: w, tuning: T } = problem;
  let members = [start];
  let terms = side.terms[start]!;
  let best = score;
  for (const step of [1, -1]) {
    for (let k = start + step; k >= 0 && k < unitOf.length && unitOf[k]! < 0; k += step) {
      const weight = side.weight[k]!;
      if (weight === 0 || shared(side.terms[k]!, fixedTerms, w) / weight < T.minContainment) break;
      const joined = union(terms, side.terms[k]!);
      const s = dice(fixedTerms, fixedWeight, joined, weightOf(joined, w), w);
      if (s < best + T.minGain) break;
      terms = joined;
      best = s;
      members = step > 0 ? [...members, k] : [k, ...members];
    }
  }
  return { members, score: best };
}

/**
 * Join each unmatched clause to a one-to-one pair elsewhere whose other-side clause contains
 * it (containment and gain as for neighbours): newer clauses first, then older ones.
 */
export function joinFar(problem: Problem, input: Matching): Matching {
  const matching = copyMatching(input);
  joinSide(problem, matching, true);
  joinSide(problem, matching, false);
  return matching;
}

// Join the unmatched clauses of one side (newer when isNewer) to pairs found through the inverted index.
function joinSide(problem: Problem, matching: Matching, isNewer: boolean): void {
  const side = isNewer ? problem.newerSide : problem.olderSide;
  const other = isNewer ? problem.olderSide : problem.newerSide;
  const ownUnit = isNewer ? matching.newerUnit : matching.olderUnit;
  const otherUnit = isNewer ? matching.olderUnit : matching.newerUnit;
  const { weights: w, tuning: T } = problem;
  const free = unmatched(ownUnit);
  if (free.length === 0) return;
  const sub: Side = { terms: free.map((k) => side.terms[k]!), weight: Float64Array.from(free, (k) => side.weight[k]!), keys: [] };
  candidates(sub, other, w, () => false, (x, partner) => {
    const k = free[x]!;
    if (ownUnit[k]! >= 0) return;
    const id = otherUnit[partner]!;
    const unit: Unit | undefined = id >= 0 ? matching.units[id] : undefined;
    if (!unit || unit.olds.length !== 1 || unit.news.length !== 1) return;
    const weight = side.weight[k]!;
    const fixed = other.terms[partner]!;
    if (weight === 0 || shared(side.terms[k]!, fixed, w) / weight < T.minContainment) return;
    const mate = isNewer ? unit.news[0]! : unit.olds[0]!;
    if (shared(side.terms[k]!, side.terms[mate]!, w) / weight >= T.minContainment) return;
    const joined = union(side.terms[mate]!, side.terms[k]!);
    const score = dice(fixed, other.weight[partner]!, joined, weightOf(joined, w), w);
    if (score < unit.score + T.minGain) return;
    if (isNewer) unit.news = [...unit.news, k].sort((a, b) => a - b);
    else unit.olds = [...unit.olds, k].sort((a, b) => a - b);
    ownUnit[k] = id;
    unit.score = score;
  });
}

/**
 * A block of clauses often moves together: extend each unit found so far along its diagonal,
 * pair by pair, while the next clauses on both sides are free and resemble at minDiagonal 0.25
 * or more (lower than minInOrder, since the neighbour's match is evidence already).
 */
export function extendDiagonals(problem: Problem, input: Matching): Matching {
  const matching = copyMatching(input);
  const { olderUnit, newerUnit } = matching;
  const m = problem.older.length;
  const n = problem.newer.length;
  const step = (i: number, j: number): boolean => {
    if (olderUnit[i]! >= 0 || newerUnit[j]! >= 0) return false;
    const v = similarity(problem, i, j);
    if (v < problem.tuning.minDiagonal) return false;
    addUnit(matching, [i], [j], v);
    return true;
  };
  for (let id = 0, count = matching.units.length; id < count; id++) {
    const unit = matching.units[id]!;
    for (let i = Math.max(...unit.olds) + 1, j = Math.max(...unit.news) + 1; i < m && j < n && step(i, j); i++, j++);
    for (let i = Math.min(...unit.olds) - 1, j = Math.min(...unit.news) - 1; i >= 0 && j >= 0 && step(i, j); i--, j--);
  }
  return matching;
}
