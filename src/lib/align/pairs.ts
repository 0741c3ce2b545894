/**
 * Phase 2 of the aligner: one-to-one pairs, best first, in two rounds (round two after the
 * first splits and merges, phase 3).
 *
 * Candidates come from an inverted index probed with each free clause's rarest terms (terms.ts),
 * plus every pairing of a repeated text, plus every free newer clause in a free older clause's
 * backbone window when that window is narrow. The index keeps it near-linear: topK 5 partners
 * per clause both ways (a true partner shares the most rare weight, so it is almost always among
 * the first few; more only add chance resemblances), terms in over maxPostings 600 clauses are
 * not probed (as common as stop words), and probeBudget 3,000 postings bounds the work per
 * clause. The window's candidates cost at most localWindow 32 comparisons per clause (a few
 * paragraphs; the backbone leaves most windows far narrower, 12 clauses on average in the
 * bench's 16,000-clause text), and a clause that finds its equal text there skips the index
 * search, the costly part: no pair the index finds could outrank that one. What the window
 * buys is mostly that time: on the bench's real-like text, windows of 0 to 128 clauses give
 * the same F1 within 0.001, since the other side's search finds most partners in place. Each
 * candidate is scored by weighted Dice and must clear a bar that depends on the order:
 *
 * - in order (inside its backbone window): minInOrder 0.35. Keeping the order is itself
 *   evidence, so a rewording that keeps a third of the weighted words in its place pairs;
 * - out of order (a move): minMoved 0.5. A move is a strong claim (the site draws it as an
 *   arrow across the page), so it needs half the weight shared;
 * - a move between minSupported 0.3 and 0.5 still pairs when it is the clear mutual best
 *   (ahead of both runners-up by minMargin 0.1), or when a diagonal neighbour pair also
 *   resembles at 0.3 or more: blocks of clauses move together;
 * - every move must be clear: ahead of every rival candidate of both its clauses by minMargin
 *   0.1. Among near-duplicates (boilerplate, a long text that repeats itself) a move with a
 *   rival is a guess at which copy went where, and taken early it steals the copy that another
 *   clause keeps in its place. The clauses next to the partner are no rivals: they are the
 *   other pieces of a split or merge. (Measured on the bench's real-like text at 16,000
 *   clauses, a margin of 0.05 or 0.02 gives F1 0.931 and 0.928 against 0.933 at 0.1.)
 *
 * The survivors are taken best first by a rank: the Dice, plus orderBonus 0.15 in order, plus
 * contextBonus 0.15 × the neighbours' Dice. Ties go to the pair whose relative positions are
 * closest. A clause already taken is skipped.
 *
 * Round two (`pairsLeft`) looks again among the clauses still free only, with fresh candidates
 * from the index, by the same bars: a rival that has paired in its place is a rival no more,
 * so the copy left over is the one that moved. A move still unclear then stays unpaired (a
 * dropped and an added clause): a wrong guess would show a reader a move that never happened.
 *
 * Worked example (minInOrder 0.35, minMoved 0.5):
 *
 *   older 4 ~ newer 4, Dice 0.40, in order      → rank 0.40 + 0.15 = 0.55, pairs first
 *   older 4 ~ newer 9, Dice 0.45, out of order  → below 0.5, no neighbour support: never pairs
 *   older 7 ~ newer 2, Dice 0.60, out of order  → rank 0.60, a clear move: pairs
 *
 * Near-duplicates: older 3 and 8 read "X", newer 3 reads "X reworded" (Dice 0.8, in older 3's
 * window) and newer 8 reads "X" (in older 8's window). Older 3 ~ newer 8 (Dice 1, a move) has a
 * rival, older 8 ~ newer 8 at 1, so it waits: older 8 ~ newer 8 and older 3 ~ newer 3 pair in
 * order. Had older 8 been dropped, round two would pair older 3 ~ newer 8 (no rival left) as a
 * move, and newer 3 would stay added.
 */
import { inWindow, type Repeated, type Window } from './anchors.ts';
import { addUnit, copyMatching, similarity, unmatched, type Matching, type Problem } from './problem.ts';
import { candidates, type Side } from './terms.ts';

/** Candidate pairs as parallel lists of older and newer indices, each pair once. */
export type Edges = { olds: number[]; news: number[] };

/**
 * Candidate pairs of free clauses: each free newer clause's top partners among the free older
 * ones, the same the other way, every pairing of a repeated text, and (given the backbone
 * window) every free newer clause in a narrow window of a free older clause.
 */
export function candidateEdges(problem: Problem, matching: Matching, repeated: Repeated, window?: Window): Edges {
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
  // A clause with its equal text in its place needs no search: no pair the index finds outranks that one.
  const olderSettled = new Uint8Array(problem.older.length);
  const newerSettled = new Uint8Array(newerCount);
  if (window) {
    for (let i = 0; i < problem.older.length; i++) {
      if (olderUnit[i]! >= 0 || window.before[i]! - window.after[i]! - 1 > problem.tuning.localWindow) continue;
      for (let j = window.after[i]! + 1; j < window.before[i]!; j++) {
        if (newerUnit[j]! >= 0) continue;
        add(i, j);
        if (olderSide.keys[i] !== '' && olderSide.keys[i] === newerSide.keys[j]) olderSettled[i] = newerSettled[j] = 1;
      }
    }
  }
  candidates(newerSide, olderSide, weights, (j) => newerUnit[j]! >= 0 || newerSettled[j] === 1, (j, i) => {
    if (olderUnit[i]! < 0) add(i, j);
  });
  candidates(olderSide, newerSide, weights, (i) => olderUnit[i]! >= 0 || olderSettled[i] === 1, (i, j) => {
    if (newerUnit[j]! < 0) add(i, j);
  });
  for (const [is, js] of repeated) for (const i of is) for (const j of js) add(i, j);
  return edges;
}

/** Round one (see the module comment): candidates from the index, the repeated texts and the narrow windows. */
export function pairs(problem: Problem, input: Matching, window: Window, repeated: Repeated): Matching {
  return bestFirst(problem, input, window, candidateEdges(problem, input, repeated, window));
}

/** Round two (see the module comment): fresh candidates among the clauses still free. */
export function pairsLeft(problem: Problem, input: Matching, window: Window): Matching {
  return bestFirst(problem, input, window, freeEdges(problem, input));
}

/** Candidate pairs among the free clauses only: each one's top partners among the other side's free ones, both ways. */
export function freeEdges(problem: Problem, matching: Matching): Edges {
  const olds = unmatched(matching.olderUnit);
  const news = unmatched(matching.newerUnit);
  const edges: Edges = { olds: [], news: [] };
  if (olds.length === 0 || news.length === 0) return edges;
  const seen = new Set<number>();
  const add = (i: number, j: number): void => {
    const key = i * problem.newer.length + j;
    if (seen.has(key)) return;
    seen.add(key);
    edges.olds.push(i);
    edges.news.push(j);
  };
  const olderFree = subset(olds, problem.olderSide);
  const newerFree = subset(news, problem.newerSide);
  candidates(newerFree, olderFree, problem.weights, () => false, (y, x) => add(olds[x]!, news[y]!));
  candidates(olderFree, newerFree, problem.weights, () => false, (x, y) => add(olds[x]!, news[y]!));
  return edges;
}

// The terms of some clauses of a side, as a side of their own.
function subset(indices: number[], side: Side): Side {
  return { terms: indices.map((k) => side.terms[k]!), weight: Float64Array.from(indices, (k) => side.weight[k]!), keys: [] };
}

/** Pair candidates one to one, best rank first, leaving the unclear moves (see the module comment for the bars). */
export function bestFirst(problem: Problem, input: Matching, window: Window, edges: Edges): Matching {
  const matching = copyMatching(input);
  const { tuning: T } = problem;
  const count = edges.olds.length;
  const scores = new Float64Array(count);
  for (let e = 0; e < count; e++) scores[e] = similarity(problem, edges.olds[e]!, edges.news[e]!);
  const olderBest = topTwo(problem.older.length, edges.olds, scores);
  const newerBest = topTwo(problem.newer.length, edges.news, scores);
  const olderEdges = byClause(problem.older.length, edges.olds);
  const newerEdges = byClause(problem.newer.length, edges.news);
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
    if (!ordered && s - Math.max(rival(olderEdges, edges.news, scores, i, j), rival(newerEdges, edges.olds, scores, j, i)) < T.minMargin) continue;
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

// The candidate edges of each clause of one side, as lists (CSR layout): edges start[k] to start[k + 1] of `items`.
function byClause(size: number, at: number[]): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(size + 1);
  for (const k of at) start[k + 1]!++;
  for (let k = 0; k < size; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, size);
  const items = new Int32Array(at.length);
  at.forEach((k, e) => (items[fill[k]!++] = e));
  return { start, items };
}

/**
 * A rival of the pair (k, p) seen from clause k: the best score among k's other candidates.
 * The partner's neighbours p ± 1 are no rivals: they are the other pieces of a split or merge.
 */
function rival(lists: { start: Int32Array; items: Int32Array }, partners: number[], scores: Float64Array, k: number, p: number): number {
  let best = 0;
  for (let q = lists.start[k]!; q < lists.start[k + 1]!; q++) {
    const e = lists.items[q]!;
    if (Math.abs(partners[e]! - p) > 1 && scores[e]! > best) best = scores[e]!;
  }
  return best;
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
