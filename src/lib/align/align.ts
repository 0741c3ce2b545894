/**
 * Clause aligner: pairs the clauses of an older and a newer statement using only their text
 * and order (clause ids are opaque labels).
 *
 * Each clause becomes a set of stemmed tokens (equivalent wordings merged, normalize.ts) plus
 * one token per text-derived tag (topic `#id`, formula `§id`), all weighted by IDF over both
 * sides (terms.ts), so a rare shared word or topic is strong evidence. Two clauses are as alike
 * as the weighted Dice of their tokens. Then the phases, each near-linear so that 8,000 × 8,000
 * clauses stays well under two seconds (no all-pairs matrix), each a module of its own:
 *
 *  1. anchors (anchors.ts): equal texts unique on both sides; their heaviest in-order chain is
 *     the backbone that says which later pairs keep the order;
 *  2. pairs (pairs.ts): candidates from an inverted index and the backbone window, taken one to
 *     one, best first, with a lower bar for pairs that keep the order than for moves, and moves
 *     only when no rival comes close (near-duplicates wait);
 *  3. splits and merges (splits.ts): a pair grows over free neighbours it contains; then
 *     pairs round two (pairsLeft): the same among the clauses still free, where a rival that
 *     paired in its place no longer blocks the copy that moved, and splits and merges again;
 *  4. blocks (splits.ts, extendDiagonals): each pair extends along its diagonal, since clauses
 *     often move in blocks;
 *  5. gaps (gaps.ts): small gaps between in-order pairs get an exact in-order pairing;
 *  6. passages (passages.ts): whole unmatched passages (runs joined by pronouns) that are each
 *     other's clear best pair, then their best clauses link;
 *  7. leftovers (leftovers.ts): unmatched clauses, each other's best, that share a rare tag;
 *  8. paragraphs (passages.ts, pairParagraphs): whole unmatched paragraphs in the same gap of
 *     the order pair in order;
 *  9. far splits and merges (splits.ts, joinFar): a leftover mostly contained in the clause of
 *     a pair elsewhere joins it;
 *  9b. sandwiched leftovers (sandwich.ts): one short older line and one short newer line left
 *     between the same two in-order neighbours, in the same paragraph slot, are the same line
 *     reworded whatever their overlap (an address line, a date line, a list item);
 * 10. kinds and display order (kinds.ts, display-order.ts): the heaviest in-order chain over
 *     all pairs; on it same or reworded, off it moved; rows in newer order, dropped clauses
 *     after the row holding the older clause before them.
 *
 * Worked example (older a b c d e, newer A' c d b f, where A' rewords a):
 *
 *   1. b, c, d are equal and unique: anchors at (1,3) (2,1) (3,2); the backbone is c, d, the
 *      heaviest in-order chain, so b moved.
 *   2. a~A' has Dice about 0.5 and A' lies in a's window (before c's partner): paired.
 *   3–9. e and f share nothing: e stays dropped, f added.
 *   10. the chain a, c, d keeps the order: rows A' reworded, c same, d same, then e dropped
 *      (the older clause before e is d), b moved, f added.
 */
import type { AlignedPair, Clause, Formula } from '../model/types.ts';
import { anchors } from './anchors.ts';
import { fillGaps } from './gaps.ts';
import { alignedPairs } from './kinds.ts';
import { leftovers } from './leftovers.ts';
import { pairs, pairsLeft } from './pairs.ts';
import { pairParagraphs, pairPassages } from './passages.ts';
import { problemOf, runSimilarity } from './problem.ts';
import { sandwiched } from './sandwich.ts';
import { extendDiagonals, joinFar, splitsAndMerges } from './splits.ts';
import type { AlignTuning } from './tuning.ts';

export { ALIGN_TUNING, type AlignTuning } from './tuning.ts';

/** Options of align(). */
export type AlignOptions = {
  /** Formula lexicon: a formula match counts as one token. */
  formulas?: Formula[];
  /** Overrides of ALIGN_TUNING (for evaluation sweeps). */
  tuning?: Partial<AlignTuning>;
  /** BCP 47 tag of the texts: the stemmer of a Latin-script language other than English (fr, de, es …). */
  lang?: string;
};

/** Align two clause lists; pairs come in display order (newer order, dropped clauses where they used to be). */
export function align(older: Clause[], newer: Clause[], options: AlignOptions = {}): AlignedPair[] {
  const problem = problemOf(older, newer, options.formulas, options.tuning, options.lang);
  const anchored = anchors(problem);
  let matching = pairs(problem, anchored.matching, anchored.window, anchored.repeated);
  matching = splitsAndMerges(problem, matching);
  matching = pairsLeft(problem, matching, anchored.window);
  matching = splitsAndMerges(problem, matching);
  matching = extendDiagonals(problem, matching);
  matching = fillGaps(problem, matching);
  matching = pairPassages(problem, matching);
  matching = leftovers(problem, matching);
  matching = pairParagraphs(problem, matching);
  matching = joinFar(problem, matching);
  matching = sandwiched(problem, matching);
  return alignedPairs(problem, matching);
}

/**
 * How alike some older clauses and some newer clauses are, as the aligner weighs it (terms
 * weighted by IDF over both clause lists): the score of a pair the editors forced, so that
 * readers see one measure whoever made the pair.
 *
 * @param olds indices into `older`; @param news indices into `newer`.
 */
export function pairSimilarity(older: Clause[], newer: Clause[], olds: readonly number[], news: readonly number[], options: AlignOptions = {}): number {
  if (olds.length === 0 || news.length === 0) return 0;
  const score = runSimilarity(problemOf(older, newer, options.formulas, options.tuning, options.lang), olds, news);
  return Math.max(0, Math.min(1, score));
}
