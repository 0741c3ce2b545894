/**
 * Phase 1 of the aligner: anchors and the order backbone.
 *
 * An anchor is a clause whose normalised text is unique on both sides and equal: there is no
 * doubt where it went. The heaviest chain of anchors that keeps the order on both sides is
 * the backbone; an anchor off the chain moved. Between two backbone anchors lies a gap, and a
 * later pair whose clauses sit in the same gap keeps the order (phase 2 trusts it more).
 *
 * Worked example (older 0–3, newer 0–3, letters are normalised texts):
 *
 *   older  A B C D        A, C and D are unique on both sides: anchors (0,1) (2,0) (3,3).
 *   newer  C A X D        Backbone: (0,1) (3,3), the heaviest increasing chain; (2,0) moved.
 *
 *   Older B (index 1) lies after backbone anchor 0 and before anchor 3, whose partners are
 *   newer 1 and 3: its window is (1, 3), so a pair B–X (newer 2) keeps the order.
 */
import { heaviestIncreasing } from './order.ts';
import { addUnit, emptyMatching, type Matching, type Problem } from './problem.ts';

/**
 * For each older clause, the open window of newer positions an in-order partner must fall in:
 * after the partner of the nearest backbone anchor before it, before the partner of the
 * nearest one after it.
 */
export type Window = { after: Int32Array; before: Int32Array };

/** Older and newer clauses that share a normalised text repeated on one side (so no anchor). */
export type Repeated = Array<[olds: number[], news: number[]]>;

/**
 * A text repeated on both sides pairs every copy with every copy as candidates; past this many
 * cells (8 × 8) the text is boilerplate that says nothing about where a clause went.
 */
const MAX_REPEATED_CELLS = 64;

/**
 * Find the anchors, make each a unit of score 1, and the backbone windows.
 *
 * @returns the matching of the anchors, the window of each older clause, and the repeated texts.
 */
export function anchors(problem: Problem): { matching: Matching; window: Window; repeated: Repeated } {
  const olderByText = byText(problem.olderSide.keys);
  const newerByText = byText(problem.newerSide.keys);
  const olds: number[] = [];
  const news: number[] = [];
  const repeated: Repeated = [];
  for (const [text, is] of olderByText) {
    const js = newerByText.get(text);
    if (!js) continue;
    if (is.length === 1 && js.length === 1) {
      olds.push(is[0]!);
      news.push(js[0]!);
    } else if (is.length * js.length <= MAX_REPEATED_CELLS) repeated.push([is, js]);
  }
  const order = olds.map((_, q) => q).sort((a, b) => olds[a]! - olds[b]!);
  const ax = order.map((q) => olds[q]!);
  const ay = order.map((q) => news[q]!);
  const backbone = heaviestIncreasing(ax, ay, ax.map(() => 1), problem.newer.length);
  const matching = emptyMatching(problem);
  for (let q = 0; q < ax.length; q++) addUnit(matching, [ax[q]!], [ay[q]!], 1);
  return { matching, window: windows(ax, ay, backbone, problem.older.length, problem.newer.length), repeated };
}

/** True when newer clause j lies in older clause i's backbone window (the pair keeps the order). */
export function inWindow(window: Window, i: number, j: number): boolean {
  return j > window.after[i]! && j < window.before[i]!;
}

/** Clause indices by normalised text, empty texts left out (they match anything). */
export function byText(keys: readonly string[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  keys.forEach((key, k) => {
    if (key === '') return;
    const list = map.get(key);
    if (list) list.push(k);
    else map.set(key, [k]);
  });
  return map;
}

// The window of every older clause, from the anchors (sorted by older index) and the backbone flags.
function windows(ax: number[], ay: number[], backbone: boolean[], olderCount: number, newerCount: number): Window {
  const after = new Int32Array(olderCount);
  const before = new Int32Array(olderCount);
  let last = -1;
  for (let i = 0, q = 0; i < olderCount; i++) {
    for (; q < ax.length && ax[q]! < i; q++) if (backbone[q]) last = ay[q]!;
    after[i] = last;
  }
  let next = newerCount;
  for (let i = olderCount - 1, q = ax.length - 1; i >= 0; i--) {
    for (; q >= 0 && ax[q]! > i; q--) if (backbone[q]) next = ay[q]!;
    before[i] = next;
  }
  return { after, before };
}
