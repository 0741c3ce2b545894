/**
 * Phase 10 of the aligner: the kind and score of each unit, and the rows in display order.
 *
 * The heaviest in-order chain over all units (problem.ts, orderChain) decides what moved:
 * a one-to-one unit off the chain is `moved`; on it, `same` when the normalised texts are
 * equal, else `reworded`. A unit with several newer clauses is a `split`, with several older
 * ones `merged`, wherever it sits. Clauses in no unit are `dropped` or `added`.
 */
import type { AlignedPair } from '../model/types.ts';
import { displayOrder, type OlderOnly } from './display-order.ts';
import { orderChain, type Matching, type Problem } from './problem.ts';

/** The aligned pairs of a finished matching, in display order. */
export function alignedPairs(problem: Problem, matching: Matching): AlignedPair[] {
  const { older, newer, olderSide, newerSide } = problem;
  const { units, olderUnit, newerUnit } = matching;
  const { inOrder } = orderChain(matching, newer.length);
  const pairOf = (id: number): AlignedPair => {
    const unit = units[id]!;
    const from = unit.olds.map((i) => older[i]!.id);
    const to = unit.news.map((j) => newer[j]!.id);
    const score = Math.max(0, Math.min(1, unit.score));
    if (unit.news.length > 1) return { kind: 'split', from, to, score };
    if (unit.olds.length > 1) return { kind: 'merged', from, to, score };
    const exact = olderSide.keys[unit.olds[0]!] === newerSide.keys[unit.news[0]!];
    if (!inOrder[id]) return { kind: 'moved', from, to, score: exact ? 1 : score };
    return exact ? { kind: 'same', from, to, score: 1 } : { kind: 'reworded', from, to, score };
  };
  // Rows in newer order: a unit at its first newer clause, an added clause at its own.
  const rows: AlignedPair[] = [];
  const rowOfUnit = new Int32Array(units.length).fill(-1);
  for (let j = 0; j < newer.length; j++) {
    const id = newerUnit[j]!;
    if (id < 0) rows.push({ kind: 'added', from: [], to: [newer[j]!.id], score: 0 });
    else if (units[id]!.news[0] === j) {
      rowOfUnit[id] = rows.length;
      rows.push(pairOf(id));
    }
  }
  const rowOfOlder = Int32Array.from(olderUnit, (id) => (id < 0 ? -1 : rowOfUnit[id]!));
  const dropped: OlderOnly<AlignedPair>[] = [];
  for (let i = 0; i < older.length; i++) {
    if (olderUnit[i]! < 0) dropped.push({ older: i, item: { kind: 'dropped', from: [older[i]!.id], to: [], score: 0 } });
  }
  return displayOrder(rows, rowOfOlder, dropped);
}
