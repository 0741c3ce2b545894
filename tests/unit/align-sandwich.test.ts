/** Structure-aware pairing of short lines (issue 15): the sandwiched-leftovers phase. */
import { describe, expect, it } from 'vitest';
import { align } from '../../src/lib/align/align.ts';
import { addUnit, emptyMatching, problemOf } from '../../src/lib/align/problem.ts';
import { sandwiched } from '../../src/lib/align/sandwich.ts';
import { clause } from './statements.ts';

// Each entry is one clause; [paragraph, text] so that a test can put two clauses in one paragraph.
const side = (statementId: string, entries: Array<[string, string]>) => {
  const seen = new Map<string, number>();
  return entries.map(([paragraph, text]) => {
    const index = seen.get(paragraph) ?? 0;
    seen.set(paragraph, index + 1);
    return clause({ id: `${paragraph}.${index + 1}`, statementId, text, paragraphKey: paragraph, index });
  });
};
const rows = (pairs: ReturnType<typeof align>) => pairs.map((pair) => `${pair.kind} ${pair.from.join('+')}>${pair.to.join('+')}`);

const intro = 'You can reach our legal team by post at the address below.';
const language = 'Write to us in English or in French, and give your account number.';
const outro = 'These terms replace every earlier version of the agreement.';

describe('sandwiched leftovers', () => {
  it('pairs an address line and a date line whose neighbours pair, however few words they share', () => {
    const older = side('o', [['a', intro], ['b', 'Acme Ltd, 1 Main Street, Springfield.'], ['c', language], ['d', 'Last updated 1 May 2024.']]);
    const newer = side('n', [['a', intro], ['b', 'Northwind Group plc, 9 High Road, Riverton.'], ['c', language], ['d', 'Effective 3 June 2025.']]);
    expect(rows(align(older, newer))).toEqual(['same a.1>a.1', 'reworded b.1>b.1', 'same c.1>c.1', 'reworded d.1>d.1']);
  });

  it('pairs a list item in the middle of a list by its place', () => {
    const list = (statementId: string, item: string) => side(statementId, [['p', intro], ['list', 'Your name and postal address.'], ['list', item], ['list', 'The date of your last payment.'], ['q', outro]]);
    expect(rows(align(list('o', 'A copy of a photo card.'), list('n', 'Any official document showing who you are.')))).toContain('reworded list.2>list.2');
  });

  it('does not guess between two changed lines in one slot, nor pair long sentences by place', () => {
    const two = align(
      side('o', [['a', intro], ['b', 'Acme Ltd.'], ['c', '1 Main Street.'], ['d', language]]),
      side('n', [['a', intro], ['b', 'Northwind Group plc.'], ['c', '9 High Road.'], ['d', language]])
    );
    expect(rows(two).filter((row) => row.startsWith('reworded'))).toEqual([]);
    const long = align(
      side('o', [['a', intro], ['b', 'We may suspend an account that breaks these terms, after a warning sent by email to its owner.'], ['c', language]]),
      side('n', [['a', intro], ['b', 'Refunds are paid within thirty days to the card used, unless the law of your country says otherwise.'], ['c', language]])
    );
    expect(rows(long)).toEqual(['same a.1>a.1', 'dropped b.1>', 'added >b.1', 'same c.1>c.1']);
  });

  it('pairs two lines a side in order when each shares a word with its partner (a date line stated twice)', () => {
    const twice = (statementId: string, date: string) => side(statementId, [['a', intro], ['b', `Effective: ${date}`], ['c', `Effective: ${date}`], ['d', language]]);
    expect(rows(align(twice('o', '3 March 2025'), twice('n', '9 June 2026')))).toEqual(['same a.1>a.1', 'reworded b.1>b.1', 'reworded c.1>c.1', 'same d.1>d.1']);
    // Four lines a side are past the longest run it pairs.
    const four = (statementId: string, date: string) => side(statementId, [['a', intro], ['b', `Effective: ${date}`], ['c', `Effective: ${date}`], ['e', `Effective: ${date}`], ['f', `Effective: ${date}`], ['d', language]]);
    expect(rows(align(four('o', '3 March 2025'), four('n', '9 June 2026'))).filter((row) => row.startsWith('reworded'))).toEqual([]);
  });

  it('pairs only clauses in the same paragraph slot', () => {
    // Older: the line continues the intro's paragraph; newer: it is a paragraph of its own.
    const older = side('o', [['a', intro], ['a', 'Acme Ltd.'], ['c', language]]);
    const newer = side('n', [['a', intro], ['b', 'Northwind Group plc.'], ['c', language]]);
    expect(rows(align(older, newer))).not.toContain('reworded a.2>b.1');
  });

  it('gives the line in its own place the newer line a weak move took from far away, and drops the moved one', () => {
    const published = 'These terms were published on 8 June with an effective date of 8 July.';
    const older = side('o', [['p', published], ['a', intro], ['c', language], ['d', 'Effective 28 August'], ['e', outro]]);
    const newer = side('n', [['a', intro], ['c', language], ['d', 'Effective 8 July'], ['e', outro]]);
    const problem = problemOf(older, newer);
    const matching = emptyMatching(problem);
    addUnit(matching, [1], [0], 1);
    addUnit(matching, [2], [1], 1);
    // An earlier phase's weak move: the published line (older 0) took the new date line (newer 2).
    addUnit(matching, [0], [2], 0.4);
    addUnit(matching, [4], [3], 1);
    const result = sandwiched(problem, matching);
    expect(result.units[2]!.olds).toEqual([3]);
    expect(result.units[2]!.score).toBeGreaterThan(0);
    expect(result.olderUnit[0]).toBe(-1);
    // A sure move (0.5 or more) keeps its line.
    const sure = emptyMatching(problem);
    addUnit(sure, [1], [0], 1);
    addUnit(sure, [2], [1], 1);
    addUnit(sure, [0], [2], 0.6);
    addUnit(sure, [4], [3], 1);
    expect(sandwiched(problem, sure).units[2]!.olds).toEqual([0]);
  });

  it('runs on a matching written by hand, keeping the real similarity as the score', () => {
    const older = side('o', [['a', intro], ['b', 'Acme Ltd.'], ['c', language]]);
    const newer = side('n', [['a', intro], ['b', 'Northwind Group plc.'], ['c', language]]);
    const problem = problemOf(older, newer);
    const matching = emptyMatching(problem);
    addUnit(matching, [0], [0], 1);
    addUnit(matching, [2], [2], 1);
    const result = sandwiched(problem, matching);
    expect(result.units.map((unit) => [unit.olds, unit.news, unit.score])).toEqual([[[0], [0], 1], [[2], [2], 1], [[1], [1], 0]]);
    // Its input is left as it was.
    expect(matching.units).toHaveLength(2);
  });

  it('trusts only neighbours sure of their place (score 0.5 or more)', () => {
    const older = side('o', [['a', intro], ['b', 'Acme Ltd.'], ['c', language]]);
    const newer = side('n', [['a', intro], ['b', 'Northwind Group plc.'], ['c', language]]);
    const problem = problemOf(older, newer);
    const weak = emptyMatching(problem);
    addUnit(weak, [0], [0], 0.24);
    addUnit(weak, [2], [2], 1);
    expect(sandwiched(problem, weak).units).toHaveLength(2);
  });

  it('pairs a repeated sentence with its first free copy after the in-order pair before it', () => {
    // A list item (portability) moved up and took the two sentences of the item above it: the
    // earlier phases paired the old sentences with the later copies (a real privacy policy), so
    // the page showed the access item's own sentences as new.
    const exportLine = 'You can export your data from your account at any time.';
    const help = 'See our help page for the steps.';
    const older = side('o', [['access', 'Access. You may ask for a copy of your data.'], ['access', exportLine], ['access', help], ['deletion', 'Deletion. You may ask us to delete your data.']]);
    const newer = side('n', [['access', 'Access. You may ask for a copy of your data.'], ['access', exportLine], ['access', help], ['port', 'Portability. You may take the data you gave us to another service.'], ['port', exportLine], ['port', help], ['deletion', 'Deletion. You may ask us to delete your data.']]);
    const problem = problemOf(older, newer);
    const matching = emptyMatching(problem);
    addUnit(matching, [0], [0], 1);
    addUnit(matching, [1], [4], 1);
    addUnit(matching, [2], [5], 1);
    addUnit(matching, [3], [6], 1);
    const result = sandwiched(problem, matching);
    expect(result.units.map((unit) => `${unit.olds}>${unit.news}`)).toEqual(['0>0', '1>1', '2>2', '3>6']);
    expect([...result.newerUnit]).toEqual([0, 1, 2, -1, -1, -1, 3]);
  });
});
