import { describe, expect, it } from 'vitest';
import { align } from '../../src/lib/align/align.ts';
import { anchors, inWindow } from '../../src/lib/align/anchors.ts';
import { displayOrder } from '../../src/lib/align/display-order.ts';
import { addUnit, emptyMatching, problemOf } from '../../src/lib/align/problem.ts';
import { grow } from '../../src/lib/align/splits.ts';
import { clause } from './statements.ts';

const clauses = (statementId: string, texts: string[]) =>
  texts.map((text, k) => clause({ id: `${statementId}${k}`, statementId, text, sectionKey: 'main', paragraphKey: `q${k}` }));

const A = 'The leaders agreed to expand trade in grain and energy between the two countries.';
const A2 = 'The leaders agreed to expand trade in grain, oil and gas with new payment systems.';
const B = 'Both sides oppose unilateral sanctions without a basis in international law.';
const C = 'The parties will strengthen cooperation on lunar exploration and satellite navigation.';
const D = 'The next summit will be held in Beijing at a mutually convenient time.';
const E = 'Museums will lend paintings for a joint exhibition of classical art.';
const F = 'Football clubs plan friendly matches among youth academies.';

describe('aligner phases', () => {
  it("align() does what align.ts's worked example says (older a b c d e, newer A' c d b f)", () => {
    const pairs = align(clauses('o', [A, B, C, D, E]), clauses('n', [A2, C, D, B, F]));
    expect(pairs.map((p) => `${p.kind} ${p.from.join()}>${p.to.join()}`)).toEqual([
      'reworded o0>n0', 'same o2>n1', 'same o3>n2', 'dropped o4>', 'moved o1>n3', 'added >n4',
    ]);
  });

  it('anchors() pairs unique equal texts and gives each older clause the window between backbone anchors', () => {
    const problem = problemOf(clauses('o', [A, B, C, D, E]), clauses('n', [A2, C, D, B, F]));
    const { matching, window } = anchors(problem);
    expect(matching.units.map((u) => [u.olds, u.news, u.score])).toEqual([[[1], [3], 1], [[2], [1], 1], [[3], [2], 1]]);
    // Backbone c (2→1), d (3→2); b (1→3) crosses it. Older a (0) lies before c: newer window (-1, 1).
    expect([window.after[0], window.before[0]]).toEqual([-1, 1]);
    expect(inWindow(window, 0, 0)).toBe(true);
    expect(inWindow(window, 0, 4)).toBe(false);
    // Older e (4) lies after d, whose partner is newer 2: window (2, 5).
    expect([window.after[4], window.before[4]]).toEqual([2, 5]);
  });

  it('anchors() leaves texts repeated on a side to the candidates, up to 8 × 8 copies, and never anchors empty texts', () => {
    const twice = 'The Parties reaffirm the principles above.';
    const often = 'Noted.';
    const problem = problemOf(
      clauses('o', [twice, B, twice, '—', ...Array.from({ length: 9 }, () => often)]),
      clauses('n', [B, twice, twice, '—', ...Array.from({ length: 9 }, () => often)]),
    );
    const { matching, repeated } = anchors(problem);
    // B is the only anchor; '—' normalises to nothing, so it anchors nothing.
    expect(matching.units.map((u) => [u.olds, u.news])).toEqual([[[1], [0]]]);
    // The 2 × 2 repeated text is a candidate block; 9 × 9 = 81 copies of "Noted." exceed 64 cells.
    expect(repeated).toEqual([[[0, 2], [1, 2]]]);
  });

  it("inWindow() is open at both ends: the anchors' own partners are outside", () => {
    const problem = problemOf(clauses('o', [A, B, C, D, E]), clauses('n', [A2, C, D, B, F]));
    const { window } = anchors(problem);
    // Older b (1) lies before the first backbone anchor, c (older 2, newer 1): window (-1, 1).
    expect([window.after[1], window.before[1]]).toEqual([-1, 1]);
    expect(inWindow(window, 1, 0)).toBe(true);
    expect(inWindow(window, 1, 1)).toBe(false);
    expect(inWindow(window, 4, 2)).toBe(false);
    expect(inWindow(window, 4, 3)).toBe(true);
  });

  it('grow() turns a one-to-one pair into a split over the neighbour its older clause contains', () => {
    const problem = problemOf(
      clauses('o', ['The sides will expand trade and deepen energy cooperation.']),
      clauses('n', ['The sides will expand trade.', 'They will deepen energy cooperation.', 'Museums will lend paintings.']),
    );
    const matching = emptyMatching(problem);
    addUnit(matching, [0], [0], 0.6);
    grow(problem, matching, 0);
    expect(matching.units[0]!.news).toEqual([0, 1]);
    expect(matching.units[0]!.score).toBeCloseTo(1);
    expect(Array.from(matching.newerUnit)).toEqual([0, 0, -1]);
  });

  it('displayOrder() puts an older-only row after the row holding the older clause before it, and leads with those before any', () => {
    // Older positions 0–5; rows B, A, D hold older 2, 1 and 4; 0, 3 and 5 are older-only (3 twice).
    const rows = ['B', 'A', 'D'];
    const rowOfOlder = [-1, 1, 0, -1, 2, -1];
    const olderOnly = [{ older: 0, item: 'x0' }, { older: 3, item: 'c' }, { older: 5, item: 'e' }, { older: 3, item: 'c2' }];
    expect(displayOrder(rows, rowOfOlder, olderOnly)).toEqual(['x0', 'B', 'c', 'c2', 'A', 'D', 'e']);
  });
});
