/**
 * The data every phase of the aligner reads and writes.
 *
 * A `Problem` is read-only: the two clause lists as weighted term sets (terms.ts) and the
 * tuning. A `Matching` is what the phases build up: units (one older run paired with one
 * newer run, with a score) and, for each clause, the unit that holds it. Each phase takes a
 * matching and returns a new one, so a test can run a phase on a matching it wrote by hand.
 */
import type { Clause, Formula } from '../model/types.ts';
import { heaviestIncreasing } from './order.ts';
import { dice, prepare, union, weightOf, type Side } from './terms.ts';
import { ALIGN_TUNING, type AlignTuning } from './tuning.ts';

/** The two clause lists of one alignment, as the phases read them. */
export type Problem = {
  older: Clause[];
  newer: Clause[];
  /** Term sets of the older clauses. */
  olderSide: Side;
  /** Term sets of the newer clauses. */
  newerSide: Side;
  /** IDF weight per term id: ln(1 + clauses / clauses carrying the term), over both sides. */
  weights: Float64Array;
  /** The weights of tag terms (topics, formulas), zero for words. */
  tagWeights: Float64Array;
  tuning: AlignTuning;
};

/** One older run of clauses paired with one newer run (indices into the clause lists). */
export type Unit = { olds: number[]; news: number[]; score: number };

/** The units found so far; `olderUnit[i]` / `newerUnit[j]` is the unit holding a clause, or -1. */
export type Matching = { units: Unit[]; olderUnit: Int32Array; newerUnit: Int32Array };

/**
 * Weigh the terms of both clause lists.
 *
 * @param formulas the formula lexicon: a formula match counts as one token.
 * @param tuning overrides of ALIGN_TUNING.
 */
export function problemOf(older: Clause[], newer: Clause[], formulas: Formula[] = [], tuning: Partial<AlignTuning> = {}, lang = 'en'): Problem {
  const full: AlignTuning = { ...ALIGN_TUNING, ...tuning };
  const prepared = prepare(older, newer, formulas, full.tagWeight, lang);
  return { older, newer, olderSide: prepared.o, newerSide: prepared.n, weights: prepared.w, tagWeights: prepared.tagW, tuning: full };
}

/**
 * How alike older clause i and newer clause j are: 1 when their normalised texts are equal,
 * else the IDF-weighted Dice of their terms (2 × shared weight / both weights).
 */
export function similarity(problem: Problem, i: number, j: number): number {
  const { olderSide: o, newerSide: n } = problem;
  if (o.keys[i] === n.keys[j] && o.keys[i] !== '') return 1;
  return dice(o.terms[i]!, o.weight[i]!, n.terms[j]!, n.weight[j]!, problem.weights);
}

/** A matching with no unit yet. */
export function emptyMatching(problem: Problem): Matching {
  return { units: [], olderUnit: new Int32Array(problem.older.length).fill(-1), newerUnit: new Int32Array(problem.newer.length).fill(-1) };
}

/** A copy a phase may change without touching its input. */
export function copyMatching(matching: Matching): Matching {
  return {
    units: matching.units.map((unit) => ({ olds: [...unit.olds], news: [...unit.news], score: unit.score })),
    olderUnit: matching.olderUnit.slice(),
    newerUnit: matching.newerUnit.slice(),
  };
}

/** Add a unit to the matching (in place) and return its id. */
export function addUnit(matching: Matching, olds: number[], news: number[], score: number): number {
  const id = matching.units.length;
  matching.units.push({ olds, news, score });
  for (const i of olds) matching.olderUnit[i] = id;
  for (const j of news) matching.newerUnit[j] = id;
  return id;
}

/** Indices of the clauses no unit holds, ascending. */
export function unmatched(unitOf: Int32Array): number[] {
  const free: number[] = [];
  for (let k = 0; k < unitOf.length; k++) if (unitOf[k]! < 0) free.push(k);
  return free;
}

/**
 * Which units keep the order: the heaviest chain of units increasing on both sides (by first
 * clause). Each unit weighs 0.5 + its score, so the chain keeps as many units as it can (a
 * unit is worth at least 0.5) and the score only decides between chains of equal length
 * (a score is at most 1, so two weak units outweigh one strong one).
 *
 * @returns the unit ids by older position, and a flag per unit id.
 */
export function orderChain(matching: Matching, newerCount: number): { byOlder: number[]; inOrder: boolean[] } {
  const { units } = matching;
  const byOlder = units.map((_, id) => id);
  byOlder.sort((a, b) => units[a]!.olds[0]! - units[b]!.olds[0]!);
  const flags = heaviestIncreasing(
    byOlder.map((id) => units[id]!.olds[0]!),
    byOlder.map((id) => units[id]!.news[0]!),
    byOlder.map((id) => 0.5 + units[id]!.score),
    newerCount,
  );
  const inOrder = new Array<boolean>(units.length).fill(false);
  byOlder.forEach((id, q) => (inOrder[id] = flags[q]!));
  return { byOlder, inOrder };
}

/**
 * How alike an older run of clauses and a newer run are, by the same measure as every pair
 * the aligner makes: `similarity` for one clause a side, else the weighted Dice of the runs'
 * joined terms (as a split or merge is scored).
 */
export function runSimilarity(problem: Problem, olds: readonly number[], news: readonly number[]): number {
  if (olds.length === 1 && news.length === 1) return similarity(problem, olds[0]!, news[0]!);
  const a = olds.map((i) => problem.olderSide.terms[i]!).reduce(union);
  const b = news.map((j) => problem.newerSide.terms[j]!).reduce(union);
  return dice(a, weightOf(a, problem.weights), b, weightOf(b, problem.weights), problem.weights);
}
