/**
 * Phase 2 of the aligner: one-to-one pairs, best first.
 *
 * Candidates come from an inverted index probed with each free clause's rarest terms (terms.ts),
 * plus every pairing of a repeated text. The index keeps it near-linear: topK 5 partners per
 * clause both ways (a true partner shares the most rare weight, so it is almost always among
 * the first few; more only add chance resemblances), terms in over maxPostings 600 clauses are
 * not probed (as common as stop words), and probeBudget 3,000 postings bounds the work per
 * clause. Each candidate is scored by weighted Dice and must clear a bar that depends on the order:
 *
 * - in order (inside its backbone window): minInOrder 0.35. Keeping the order is itself
 *   evidence, so a rewording that keeps a third of the weighted words in its place pairs;
 * - out of order (a move): minMoved 0.5. A move is a strong claim (the site draws it as an
 *   arrow across the page), so it needs half the weight shared;
 * - a move between minSupported 0.3 and 0.5 still pairs when it is the clear mutual best
 *   (ahead of both runners-up by minMargin 0.1), or when a diagonal neighbour pair also
 *   resembles at 0.3 or more: blocks of clauses move together.
 *
 * The survivors are taken best first by a rank: the Dice, plus orderBonus 0.15 in order, plus
 * contextBonus 0.15 × the neighbours' Dice. Ties go to the pair whose relative positions are
 * closest. A clause already taken is skipped.
 *
 * Worked example (minInOrder 0.35, minMoved 0.5):
 *
 *   older 4 ~ newer 4, Dice 0.40, in order      → rank 0.40 + 0.15 = 0.55, pairs first
 *   older 4 ~ newer 9, Dice 0.45, out of order  → below 0.5, no neighbour support: never pairs
 *   older 7 ~ newer 2, Dice 0.60, out of order  → rank 0.60, pairs (a move)
 */
import { inWindow, type Repeated, type Window } from './anchors.ts';
import { addUnit, copyMatching, similarity, type Matching, type Problem } from './problem.ts';
import { candidates } from './terms.ts';

/** Candidate pairs as parallel lists of older and newer indices, each pair once. */
export type Edges = { olds: number[]; news: number[] };

/**
 * Candidate pairs of free clauses: each free newer clause's top partners among the free older
 * ones, the same the other way, and every pairing of a repeated text.
 */
export function candidateEdges(problem: Problem, matching: Matching, repeated: Repeated): Edges {
  const { olderUnit, newerUnit } = matching;
  const newerCount = problem.newer.length;
  const edges: Edges = { olds: [], news: [] };
  const seen = new Set<number>();
  const add = (i: number, j: number): void => {
    const key = i * newerCount + j;
    if (seen.has(key)) return;
    seen.add(key);
    edges.olds.push(i);
    edges.news.push(j);
  };
  const { olderSide, newerSide, weights } = problem;
  candidates(newerSide, olderSide, weights, (j) => newerUnit[j]! >= 0, (j, i) => {
    if (olderUnit[i]! < 0) add(i, j);
  });
  candidates(olderSide, newerSide, weights, (i) => olderUnit[i]! >= 0, (i, j) => {
    if (newerUnit[j]! < 0) add(i, j);
  });
  for (const [is, js] of repeated) for (const i of is) for (const j of js) add(i, j);
  return edges;
}

/** Pair candidates one to one, best rank first (see the module comment for the bars). */
export function bestFirst(problem: Problem, input: Matching, window: Window, edges: Edges): Matching {
  const matching = copyMatching(input);
  const { tuning: T } = problem;
  const count = edges.olds.length;
  const scores = new Float64Array(count);
  for (let e = 0; e < count; e++) scores[e] = similarity(problem, edges.olds[e]!, edges.news[e]!);
  const olderBest = topTwo(problem.older.length, edges.olds, scores);
  const newerBest = topTwo(problem.newer.length, edges.news, scores);
  const rank = new Float64Array(count);
  const distance = new Float64Array(count);
  const kept: number[] = [];
  for (let e = 0; e < count; e++) {
    const i = edges.olds[e]!;
    const j = edges.news[e]!;
    const s = scores[e]!;
    const ordered = inWindow(window, i, j);
    let ok = s >= (ordered ? T.minInOrder : T.minMoved);
    if (!ok && !ordered && s >= T.minSupported) {
      const mutual = s >= olderBest.first[i]! && s >= newerBest.first[j]! && s - Math.max(olderBest.second[i]!, newerBest.second[j]!) >= T.minMargin;
      ok = mutual || neighbours(problem, i, j) >= T.minSupported;
    }
    if (!ok) continue;
    const context = neighbours(problem, i, j);
    rank[e] = s + (ordered ? T.orderBonus : 0) + (context >= T.minSupported ? T.contextBonus * context : 0);
    distance[e] = Math.abs(i / Math.max(1, problem.older.length) - j / Math.max(1, problem.newer.length));
    kept.push(e);
  }
  kept.sort((a, b) => rank[b]! - rank[a]! || distance[a]! - distance[b]!);
  for (const e of kept) {
    const i = edges.olds[e]!;
    const j = edges.news[e]!;
    if (matching.olderUnit[i]! >= 0 || matching.newerUnit[j]! >= 0) continue;
    addUnit(matching, [i], [j], scores[e]!);
  }
  return matching;
}

/** The better of the two diagonal neighbour pairs' similarity (i-1, j-1) and (i+1, j+1). */
export function neighbours(problem: Problem, i: number, j: number): number {
  const before = i > 0 && j > 0 ? similarity(problem, i - 1, j - 1) : 0;
  const after = i + 1 < problem.older.length && j + 1 < problem.newer.length ? similarity(problem, i + 1, j + 1) : 0;
  return Math.max(before, after);
}

// Best and runner-up score per clause of one side over the candidate pairs.
function topTwo(size: number, at: number[], scores: Float64Array): { first: Float64Array; second: Float64Array } {
  const first = new Float64Array(size);
  const second = new Float64Array(size);
  for (let e = 0; e < at.length; e++) {
    const k = at[e]!;
    const v = scores[e]!;
    if (v > first[k]!) {
      second[k] = first[k]!;
      first[k] = v;
    } else if (v > second[k]!) second[k] = v;
  }
  return { first, second };
}
