import { describe, expect, it } from 'vitest';
import { align } from '../../src/lib/align/align.ts';
import { anchors, inWindow } from '../../src/lib/align/anchors.ts';
import { displayOrder } from '../../src/lib/align/display-order.ts';
import { addUnit, emptyMatching, problemOf, similarity } from '../../src/lib/align/problem.ts';
import { candidateEdges, freeEdges, pairs } from '../../src/lib/align/pairs.ts';
import { grow, joinFar } from '../../src/lib/align/splits.ts';
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
const G = 'Scholarships will double for students of engineering and medicine.';
const X = 'The sides will build a railway bridge across the border river by 2030.';
// X reworded: weighted Dice 0.67 with X, so in its place it ranks 0.67 + 0.15 = 0.82, below a copy of X elsewhere (1).
const X2 = 'The parties will build a road bridge across the border river by 2032.';

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

  it('pairs wait on a move among near-duplicates: the copy that stays in place pairs there, the one left over moved', () => {
    // Older X at 1 was reworded in place (newer 1); older X at 6 moved to newer 3. B … G are unique anchors in order.
    // Older 1 ~ newer 3 (Dice 1) outranks older 1 ~ newer 1 (0.82), but newer 3 has a rival as good (older 6):
    // round one pairs older 1 in its place, round two finds older 6 ~ newer 3 alone among the free clauses.
    const pairs = align(clauses('o', [B, X, C, D, E, F, X, G]), clauses('n', [B, X2, C, X, D, E, F, G]));
    expect(pairs.map((p) => `${p.kind} ${p.from.join()}>${p.to.join()}`)).toEqual([
      'same o0>n0', 'reworded o1>n1', 'same o2>n2', 'moved o6>n3', 'same o3>n4', 'same o4>n5', 'same o5>n6', 'same o7>n7',
    ]);
  });

  it("pairs() takes a moved clause's split pieces for no rivals of each other: the move is clear, and grows into a split", () => {
    // Older S moved to the front and was cut in two. Each piece resembles it, 0.71 and 0.67: within 0.1 of each
    // other, so were the second piece a rival the move would wait, and round two would see the same tie.
    const S = 'The sides will expand trade in grain and timber and deepen energy cooperation in the Arctic.';
    const S1 = 'The sides will expand trade in grain and timber.';
    const S2 = 'The sides will deepen energy cooperation in the Arctic.';
    const problem = problemOf(clauses('o', [B, C, S]), clauses('n', [S1, S2, B, C]));
    const anchored = anchors(problem);
    const matching = pairs(problem, anchored.matching, anchored.window, anchored.repeated);
    // Anchors B (0→2) and C (1→3), then S with its better piece.
    expect(matching.units.map((u) => [u.olds, u.news])).toEqual([[[0], [2]], [[1], [3]], [[2], [0]]]);
    expect(align(clauses('o', [B, C, S]), clauses('n', [S1, S2, B, C])).map((p) => `${p.kind} ${p.from.join()}>${p.to.join()}`)).toEqual([
      'split o2>n0,n1', 'same o0>n2', 'same o1>n3',
    ]);
  });

  it("candidateEdges() given the window adds every free newer clause in an older clause's narrow window, alike or not", () => {
    // Anchors B (0→0) and D (2→2): older C (1) has the window (0, 2), which holds newer E (1). C and E share no word.
    const problem = problemOf(clauses('o', [B, C, D]), clauses('n', [B, E, D]));
    const anchored = anchors(problem);
    const pairsOf = (edges: { olds: number[]; news: number[] }) => edges.olds.map((i, e) => [i, edges.news[e]]);
    expect(pairsOf(candidateEdges(problem, anchored.matching, anchored.repeated, anchored.window))).toEqual([[1, 1]]);
    // Without the window only the index finds candidates, and it finds none for words not shared.
    expect(pairsOf(candidateEdges(problem, anchored.matching, anchored.repeated))).toEqual([]);
  });

  it('freeEdges() finds candidates among the free clauses only', () => {
    // Older 1 and newer 1 (both A) are paired by hand; older 0 (A) and newer 0 (A2, alike) are free.
    // The taken newer A would be older 0's best partner, but only the free pair is a candidate.
    const problem = problemOf(clauses('o', [A, A]), clauses('n', [A2, A]));
    const matching = emptyMatching(problem);
    addUnit(matching, [1], [1], 1);
    const edges = freeEdges(problem, matching);
    expect(edges.olds.map((i, e) => [i, edges.news[e]])).toEqual([[0, 0]]);
  });

  it('joinFar() joins a piece of the sentence to a pair elsewhere, not a second copy of the clause already in it', () => {
    const problem = problemOf(
      clauses('o', [
        'The sides will expand trade in grain.',
        // A copy of older 0 with one more word of the newer clause: it would "gain", but it is no piece.
        'The sides will expand trade in grain and energy.',
        'They will deepen energy cooperation in the Arctic.',
      ]),
      clauses('n', ['The sides will expand trade in grain and deepen energy cooperation in the Arctic.']),
    );
    const matching = emptyMatching(problem);
    addUnit(matching, [0], [0], similarity(problem, 0, 0));
    const joined = joinFar(problem, matching);
    expect(joined.units[0]!.olds).toEqual([0, 2]);
    expect(Array.from(joined.olderUnit)).toEqual([0, -1, 0]);
  });

  it('displayOrder() puts an older-only row after the row holding the older clause before it, and leads with those before any', () => {
    // Older positions 0–5; rows B, A, D hold older 2, 1 and 4; 0, 3 and 5 are older-only (3 twice).
    const rows = ['B', 'A', 'D'];
    const rowOfOlder = [-1, 1, 0, -1, 2, -1];
    const olderOnly = [{ older: 0, item: 'x0' }, { older: 3, item: 'c' }, { older: 5, item: 'e' }, { older: 3, item: 'c2' }];
    expect(displayOrder(rows, rowOfOlder, olderOnly)).toEqual(['x0', 'B', 'c', 'c2', 'A', 'D', 'e']);
  });
});
