/**
 * Headings compared like clauses: a pass of its own, after the clause aligner.
 *
 * Section headings are not clauses of the statement (their ids, the graph and the evidence
 * are the clauses'), but a full text's headings are text that changes: a numbered heading
 * gains three words, a bold line becomes a `###` heading. This pass pairs them.
 *
 * 1. Heading with heading, in order: an exact dynamic programme over the two heading lists
 *    (at most maxHeadingCells cells; beyond, only equal texts unique on both sides pair) keeps
 *    the heaviest in-order set of pairs. Two headings may pair when their words are alike
 *    (Dice ≥ minHeadingText) or their sections hold the same provisions (the clause pairs
 *    link ≥ minHeadingContent of the two sections' clauses, counted as a Dice of clause
 *    counts) with some words in common, or the sections' content alone is decisive
 *    (≥ minHeadingContentAlone). A pair weighs 0.5 plus the better of the two figures, so
 *    the programme keeps as many pairs as it can and the figures decide between equals.
 * 1b. Headings out of order: leftovers that are each other's best at Dice ≥ minHeadingMoved
 *    pair as `moved` (a part that moved elsewhere).
 * 2. Text and heading: a heading left over pairs with a body line the clause aligner left
 *    unpaired on the other side (a dropped older clause for a newer heading, an added newer
 *    clause for an older heading) when they are each other's best and alike
 *    (Dice ≥ minHeadingLine). "**Termination**" on a line of its own that became
 *    `### Termination` is then one row, not a drop and a new heading.
 *
 * Kinds: `same` (equal text, equal level), `moved` (out of order; or equal text, but another
 * level, or text that became a heading or the reverse), `reworded` (other words), `added`, `dropped`.
 *
 * Worked example:
 *
 *   older  ## 1. Fees            ## 2. Your content              **Termination**   (a body line)
 *   newer  ## 1. Fees and taxes  ## 2. Content you give us       ### Termination
 *
 *   "1. Fees" ~ "1. Fees and taxes" share their words: reworded. "2. Your content" and
 *   "2. Content you give us" share "content" and their sections hold the same clauses:
 *   reworded. "Termination" is left over; the clause aligner dropped the older line
 *   "Termination", equal in text: moved (text became a heading).
 */
import type { Clause } from '../model/types.ts';
import { problemOf, similarity, type Problem } from './problem.ts';

/** A section heading as this pass reads it. */
export type HeadingInput = {
  /** The section key. */
  key: string;
  /** The heading as written, its number included. */
  text: string;
  /** 2 for `##`, 3 for `###` … */
  level: number;
  /** Ids of the section's own clauses. */
  clauses: readonly string[];
};

/** A body clause the clause aligner left without a counterpart (a candidate to have become a heading, or to have been one). */
export type LineInput = { id: string; text: string };

/** One side of a heading pair: a section heading, or a body clause. */
export type HeadingSide = { role: 'heading' | 'text'; id: string };

/** A heading paired, added or dropped. */
export type HeadingPair = {
  kind: 'same' | 'reworded' | 'moved' | 'added' | 'dropped';
  older?: HeadingSide;
  newer?: HeadingSide;
  /** Dice of the two texts (1 when equal), 0 for added and dropped. */
  score: number;
  /** For `moved`: out of order, at another level, or text on one side and a heading on the other. */
  why?: 'order' | 'level' | 'role';
};

/** What the pass reads: each side's headings and unpaired lines, and the clause pairs (older ids → newer ids). */
export type HeadingProblem = {
  older: { headings: readonly HeadingInput[]; lines: readonly LineInput[] };
  newer: { headings: readonly HeadingInput[]; lines: readonly LineInput[] };
  clausePairs: ReadonlyArray<{ from: readonly string[]; to: readonly string[] }>;
  lang?: string;
};

/** Thresholds of the heading pass. */
export const HEADING_TUNING = {
  /** Words alike enough for two headings to pair on their own. */
  minHeadingText: 0.45,
  /** Sections that hold this share of the same clauses pair when their headings share some words ... */
  minHeadingContent: 0.3,
  /** ... this much. */
  minHeadingTextWithContent: 0.1,
  /** Sections that hold this share of the same clauses pair whatever their headings say (a renamed part). */
  minHeadingContentAlone: 0.6,
  /** Two headings out of order pair (a part that moved) when each is the other's best at this Dice. */
  minHeadingMoved: 0.6,
  /** A body line and a heading pair at this Dice (a bold line that became a heading). */
  minHeadingLine: 0.5,
  /** Largest dynamic programme (older × newer headings); beyond, only equal unique texts pair. */
  maxHeadingCells: 250_000,
} as const;

/**
 * Pair the headings of two statements.
 *
 * @returns pairs in newer heading order (a newer heading that pairs with an older line
 * included), then the older headings left over, in older order.
 */
export function alignHeadings(input: HeadingProblem): HeadingPair[] {
  const T = HEADING_TUNING;
  const { older, newer } = input;
  const nH = older.headings.length;
  const mH = newer.headings.length;
  // One weighting of words over headings and lines of both sides.
  const problem = problemOf(
    [...older.headings.map((h) => asClause(h.key, h.text, 'o')), ...older.lines.map((l) => asClause(l.id, l.text, 'o'))],
    [...newer.headings.map((h) => asClause(h.key, h.text, 'n')), ...newer.lines.map((l) => asClause(l.id, l.text, 'n'))]
  );
  const content = contentLinks(input);
  const allowed = (i: number, j: number): number => {
    const text = similarity(problem, i, j);
    const link = content(i, j);
    const ok = text >= T.minHeadingText || (link >= T.minHeadingContent && text >= T.minHeadingTextWithContent) || link >= T.minHeadingContentAlone;
    return ok ? 0.5 + Math.max(text, link) : -1;
  };
  const partner = nH * mH <= T.maxHeadingCells ? inOrderPairs(nH, mH, allowed) : equalUnique(problem, nH, mH);

  // Headings out of order (a part moved): leftovers that are each other's best at minHeadingMoved.
  const moved = new Set<number>();
  const inOrder = new Set(partner.keys());
  const newerInOrder = new Set(partner.values());
  const leftOlder = [...Array(nH).keys()].filter((i) => !inOrder.has(i));
  const leftNewer = [...Array(mH).keys()].filter((j) => !newerInOrder.has(j));
  if (leftOlder.length * leftNewer.length <= T.maxHeadingCells) {
    const best = (from: number[], to: number[], score: (a: number, b: number) => number) => new Map(from.map((a) => {
      let top = -1;
      let value: number = T.minHeadingMoved;
      for (const b of to) if (score(a, b) >= value) [top, value] = [b, score(a, b)];
      return [a, top] as const;
    }));
    const olderBest = best(leftOlder, leftNewer, (i, j) => similarity(problem, i, j));
    const newerBest = best(leftNewer, leftOlder, (j, i) => similarity(problem, i, j));
    for (const [i, j] of olderBest) {
      if (j < 0 || newerBest.get(j) !== i) continue;
      partner.set(i, j);
      moved.add(i);
    }
  }
  const olderTaken = new Set<number>(partner.keys());
  const newerOf = new Map<number, number>([...partner].map(([i, j]) => [j, i]));
  // Text and heading: leftover headings against the other side's unpaired lines.
  const promoted = linesFor(problem, [...Array(mH).keys()].filter((j) => !newerOf.has(j)), older.lines.length, nH, 'newer');
  const demoted = linesFor(problem, [...Array(nH).keys()].filter((i) => !olderTaken.has(i)), newer.lines.length, mH, 'older');

  const pairs: HeadingPair[] = [];
  const kindOf = (i: number, j: number, sameLevel: boolean, role: boolean): HeadingPair['kind'] => {
    const equal = problem.olderSide.keys[i] === problem.newerSide.keys[j];
    if (!equal) return 'reworded';
    return sameLevel && !role ? 'same' : 'moved';
  };
  for (let j = 0; j < mH; j++) {
    const heading = newer.headings[j]!;
    const i = newerOf.get(j);
    const line = promoted.get(j);
    if (i !== undefined) {
      const sameLevel = older.headings[i]!.level === heading.level;
      const kind = moved.has(i) ? 'moved' : kindOf(i, j, sameLevel, false);
      pairs.push({ kind, older: { role: 'heading', id: older.headings[i]!.key }, newer: { role: 'heading', id: heading.key }, score: similarity(problem, i, j), ...(kind === 'moved' ? { why: moved.has(i) ? 'order' : 'level' } : {}) });
    } else if (line !== undefined) {
      const kind = kindOf(nH + line, j, true, true);
      pairs.push({ kind, older: { role: 'text', id: older.lines[line]!.id }, newer: { role: 'heading', id: heading.key }, score: similarity(problem, nH + line, j), ...(kind === 'moved' ? { why: 'role' as const } : {}) });
    } else {
      pairs.push({ kind: 'added', newer: { role: 'heading', id: heading.key }, score: 0 });
    }
  }
  for (let i = 0; i < nH; i++) {
    if (olderTaken.has(i)) continue;
    const heading = older.headings[i]!;
    const line = demoted.get(i);
    if (line !== undefined) {
      const kind = kindOf(i, mH + line, true, true);
      pairs.push({ kind, older: { role: 'heading', id: heading.key }, newer: { role: 'text', id: newer.lines[line]!.id }, score: similarity(problem, i, mH + line), ...(kind === 'moved' ? { why: 'role' as const } : {}) });
    } else {
      pairs.push({ kind: 'dropped', older: { role: 'heading', id: heading.key }, score: 0 });
    }
  }
  return pairs;
}

// A heading or line as a clause, so that the aligner's weighting and similarity apply unchanged.
function asClause(id: string, text: string, statementId: string): Clause {
  return { id, statementId, sectionKey: '', paragraphKey: id, index: 0, text, html: '', footnotes: [], topics: [], formulas: [], quotes: [], position: { file: '', line: 1, column: 1 }, role: 'heading' };
}

// How much of two sections' clauses the clause pairs link: 2 × linked older clauses / (clauses of both).
function contentLinks(input: HeadingProblem): (i: number, j: number) => number {
  const olderSection = new Map<string, number>();
  input.older.headings.forEach((heading, i) => heading.clauses.forEach((id) => olderSection.set(id, i)));
  const newerSection = new Map<string, number>();
  input.newer.headings.forEach((heading, j) => heading.clauses.forEach((id) => newerSection.set(id, j)));
  const m = input.newer.headings.length;
  const links = new Map<number, number>();
  for (const pair of input.clausePairs) {
    const sections = new Set(pair.to.map((id) => newerSection.get(id)).filter((j) => j !== undefined));
    for (const id of pair.from) {
      const i = olderSection.get(id);
      if (i === undefined) continue;
      for (const j of sections) links.set(i * m + j, (links.get(i * m + j) ?? 0) + 1);
    }
  }
  return (i, j) => {
    const count = links.get(i * m + j) ?? 0;
    const total = input.older.headings[i]!.clauses.length + input.newer.headings[j]!.clauses.length;
    return total === 0 ? 0 : Math.min(1, (2 * count) / total);
  };
}

// The heaviest in-order pairing (dynamic programme over n × m cells); weight < 0 forbids a pair.
function inOrderPairs(n: number, m: number, weight: (i: number, j: number) => number): Map<number, number> {
  const best = new Float64Array((n + 1) * (m + 1));
  const w = new Float64Array(n * m);
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const pair = weight(i - 1, j - 1);
      w[(i - 1) * m + (j - 1)] = pair;
      best[at(i, j)] = Math.max(best[at(i - 1, j)]!, best[at(i, j - 1)]!, pair >= 0 ? best[at(i - 1, j - 1)]! + pair : -Infinity);
    }
  }
  const partner = new Map<number, number>();
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const pair = w[(i - 1) * m + (j - 1)]!;
    if (pair >= 0 && best[at(i, j)] === best[at(i - 1, j - 1)]! + pair) {
      partner.set(i - 1, j - 1);
      i--;
      j--;
    } else if (best[at(i, j)] === best[at(i - 1, j)]) i--;
    else j--;
  }
  return partner;
}

// Beyond the programme's size: headings with an equal text, unique on both sides, in order.
function equalUnique(problem: Problem, n: number, m: number): Map<number, number> {
  const count = (keys: string[], k: number) => keys.slice(0, k).reduce((map, key) => map.set(key, (map.get(key) ?? 0) + 1), new Map<string, number>());
  const olderCount = count(problem.olderSide.keys, n);
  const newerCount = count(problem.newerSide.keys, m);
  const newerAt = new Map(problem.newerSide.keys.slice(0, m).map((key, j) => [key, j]));
  const partner = new Map<number, number>();
  let last = -1;
  for (let i = 0; i < n; i++) {
    const key = problem.olderSide.keys[i]!;
    const j = newerAt.get(key);
    if (key === '' || j === undefined || j <= last || olderCount.get(key) !== 1 || newerCount.get(key) !== 1) continue;
    partner.set(i, j);
    last = j;
  }
  return partner;
}

/**
 * Leftover headings of one side against the unpaired lines of the other: mutual best pairs at
 * minHeadingLine or more. `side` says which side the headings are on.
 *
 * @returns for each heading index, the index of its line among the other side's lines.
 */
function linesFor(problem: Problem, headings: number[], lineCount: number, headingCountOther: number, side: 'older' | 'newer'): Map<number, number> {
  const found = new Map<number, number>();
  if (headings.length === 0 || lineCount === 0) return found;
  const score = (h: number, l: number) => (side === 'newer' ? similarity(problem, headingCountOther + l, h) : similarity(problem, h, headingCountOther + l));
  if (headings.length * lineCount > HEADING_TUNING.maxHeadingCells) {
    // Too many to weigh each against each: equal texts only.
    const keysOf = (k: number, isHeading: boolean) => ((side === 'newer') === isHeading ? problem.newerSide.keys[k] : problem.olderSide.keys[k]);
    const lineAt = new Map<string, number>();
    for (let l = 0; l < lineCount; l++) lineAt.set(keysOf(headingCountOther + l, false) ?? '', l);
    const used = new Set<number>();
    for (const h of headings) {
      const l = lineAt.get(keysOf(h, true) ?? '');
      if (l === undefined || keysOf(h, true) === '' || used.has(l)) continue;
      found.set(h, l);
      used.add(l);
    }
    return found;
  }
  const bestLine = new Map<number, { line: number; value: number }>();
  const bestHeading = new Map<number, { heading: number; value: number }>();
  for (const h of headings) {
    for (let l = 0; l < lineCount; l++) {
      const value = score(h, l);
      if (value < HEADING_TUNING.minHeadingLine) continue;
      if (value > (bestLine.get(h)?.value ?? -1)) bestLine.set(h, { line: l, value });
      if (value > (bestHeading.get(l)?.value ?? -1)) bestHeading.set(l, { heading: h, value });
    }
  }
  for (const [h, { line }] of bestLine) if (bestHeading.get(line)?.heading === h) found.set(h, line);
  return found;
}
