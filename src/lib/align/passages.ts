/**
 * Phases 6 and 8 of the aligner: whole passages and paragraphs that found no match.
 *
 * Clause by clause a rewritten provision may resemble nothing, while as a whole it is
 * plainly the same text. Two ways to see the whole:
 *
 * - passages (phase 6): a run of clauses carried on by a pronoun ("They …", "It …") reads as
 *   one passage. An unmatched passage pairs with an unmatched passage of the other side when
 *   they are each other's best, with Dice ≥ minPassage 0.3 and ahead of both runners-up by
 *   minMargin 0.1. (A whole passage has more words than a clause, so chance overlap is lower
 *   and 0.3 means more than it does for one clause.)
 * - paragraphs (phase 8, after the leftovers): whole paragraphs without any match, inside the
 *   same gap of the order chain, pair in order (exact DP) when their Dice reaches minPassage,
 *   or minParagraph 0.2 when they also share one rare tag, found on at most
 *   maxParagraphTagShare 5% of clauses: a provision rewritten in place keeps its subject.
 *   Several common tags are no such evidence, hence "rare".
 *
 * Inside a paired couple the best clause pairs link one to one; the first always links (the
 * couple is the evidence), the others need minPassageClause 0.15.
 *
 * Worked example: older paragraph "The sides discussed Ukraine. They stressed dialogue."
 * and newer "On Ukraine, the parties set out their positions. Both called for talks." match
 * nowhere clause by clause (Dice < 0.35), but as paragraphs in the same gap they share the
 * rare topic #ukraine and reach Dice 0.25 ≥ 0.2: the first clauses link, then the second
 * ones if they reach 0.15.
 */
import { inOrderPairs, paragraphs, passages } from './order.ts';
import { addUnit, copyMatching, orderChain, similarity, type Matching, type Problem } from './problem.ts';
import { bestPartners, dice, union, weightOf, type Side } from './terms.ts';
import type { Clause } from '../model/types.ts';

/** Pair whole unmatched passages that are each other's clear best, and link their clauses. */
export function pairPassages(problem: Problem, input: Matching): Matching {
  const matching = copyMatching(input);
  const { tuning: T, weights: w } = problem;
  const olderBlocks = passages(problem.older, (i) => matching.olderUnit[i]! < 0);
  const newerBlocks = passages(problem.newer, (j) => matching.newerUnit[j]! < 0);
  if (olderBlocks.length === 0 || newerBlocks.length === 0) return matching;
  const best = bestPartners(blockSide(olderBlocks, problem.olderSide, w), blockSide(newerBlocks, problem.newerSide, w), w);
  for (let a = 0; a < olderBlocks.length; a++) {
    const b = best.bestA[a]!;
    if (b < 0 || best.bestB[b] !== a || best.bestAV[a]! < T.minPassage) continue;
    if (best.bestAV[a]! - Math.max(best.secondA[a]!, best.secondB[b]!) < T.minMargin) continue;
    linkInside(problem, matching, olderBlocks[a]!, newerBlocks[b]!);
  }
  return matching;
}

/** Pair whole unmatched paragraphs in the same gap of the order chain, in order, and link their clauses. */
export function pairParagraphs(problem: Problem, input: Matching): Matching {
  const matching = copyMatching(input);
  const { tuning: T, weights: w } = problem;
  const { byOlder, inOrder } = orderChain(matching, problem.newer.length);
  const chain = byOlder.filter((id) => inOrder[id]);
  const olderGap = gapOf(chain.map((id) => matching.units[id]!.olds[0]!), problem.older.length);
  const newerGap = gapOf(chain.map((id) => matching.units[id]!.news[0]!), problem.newer.length);
  // weight = ln(1 + clauses / df), so a tag on at most this share of clauses weighs at least:
  const minTagWeight = Math.log(1 + 1 / T.maxParagraphTagShare);
  const newerFree = freeByGap(problem.newer, matching.newerUnit, newerGap);
  for (const [gap, olds] of freeByGap(problem.older, matching.olderUnit, olderGap)) {
    const news = newerFree.get(gap);
    if (!news || olds.length * news.length > T.maxGapCells) continue;
    const olderTerms = olds.map((p) => termsOf(p, problem.olderSide));
    const newerTerms = news.map((p) => termsOf(p, problem.newerSide));
    const score = (r: number, c: number): number => {
      const a = olderTerms[r]!;
      const b = newerTerms[c]!;
      const d = dice(a, weightOf(a, w), b, weightOf(b, w), w);
      return d >= T.minPassage || rarestSharedTag(problem.tagWeights, a, b) >= minTagWeight ? d : 0;
    };
    for (const [r, c] of inOrderPairs(olds.length, news.length, score, T.minParagraph)) linkInside(problem, matching, olds[r]!, news[c]!);
  }
  return matching;
}

/** Inside two paired passages or paragraphs: best clause pairs first, one to one; the first always links. */
function linkInside(problem: Problem, matching: Matching, olds: number[], news: number[]): void {
  const cells: [number, number, number][] = [];
  for (const i of olds) for (const j of news) cells.push([i, j, similarity(problem, i, j)]);
  cells.sort((x, y) => y[2] - x[2]);
  let linked = false;
  for (const [i, j, v] of cells) {
    if (matching.olderUnit[i]! >= 0 || matching.newerUnit[j]! >= 0 || (linked && v < problem.tuning.minPassageClause)) continue;
    addUnit(matching, [i], [j], v);
    linked = true;
  }
}

// Each block's clauses as one term set.
function blockSide(blocks: number[][], side: Side, w: Float64Array): Side {
  const terms = blocks.map((block) => termsOf(block, side));
  return { terms, weight: Float64Array.from(terms, (t) => weightOf(t, w)), keys: [] };
}

function termsOf(clauses: number[], side: Side): Int32Array {
  return clauses.map((k) => side.terms[k]!).reduce(union);
}

// The gap of the chain each clause falls in: how many chain units start at or before it.
function gapOf(starts: number[], length: number): Int32Array {
  starts.sort((a, b) => a - b);
  const gap = new Int32Array(length);
  for (let k = 0, q = 0; k < length; k++) {
    while (q < starts.length && starts[q]! <= k) q++;
    gap[k] = q;
  }
  return gap;
}

// Paragraphs of which no clause is matched and all lie in one gap, by gap.
function freeByGap(clauses: Clause[], unitOf: Int32Array, gap: Int32Array): Map<number, number[][]> {
  const byGap = new Map<number, number[][]>();
  for (const paragraph of paragraphs(clauses)) {
    const g = gap[paragraph[0]!]!;
    if (paragraph.some((k) => unitOf[k]! >= 0 || gap[k] !== g)) continue;
    const list = byGap.get(g);
    if (list) list.push(paragraph);
    else byGap.set(g, [paragraph]);
  }
  return byGap;
}

// Weight of the rarest tag two term lists share (0 when none).
function rarestSharedTag(tagWeights: Float64Array, a: Int32Array, b: Int32Array): number {
  let best = 0;
  for (const t of a) if (tagWeights[t]! > best && b.includes(t)) best = tagWeights[t]!;
  return best;
}
