/**
 * Paragraph group rows (src/lib/analyse/compare-groups.ts) on statements written here: a
 * group's row shows its paragraphs' text in reading order, whatever the order of its pairs,
 * and a paragraph all new is one Added row.
 */
import { describe, expect, it } from 'vitest';
import { paragraphGroupRows, type GroupableRow } from '../../src/lib/analyse/compare-groups.ts';
import type { AlignKind, AlignedPair, Clause, DiffPart, Statement } from '../../src/lib/model/types.ts';
import { statement } from './statements.ts';

const full = (id: string, date: string, paragraphs: Array<[string, string[]]>): Statement => ({ ...statement(id, date, paragraphs), edition: 'full' });
// The page's sides of a row, as plain text (no word marks): enough to read the order of the words.
const sides = (_kind: AlignKind, from: Clause[], to: Clause[]): { older: DiffPart[]; newer: DiffPart[] } => ({
  older: from.length ? [{ op: 'equal', text: from.map((c) => c.text).join(' ') }] : [],
  newer: to.length ? [{ op: 'equal', text: to.map((c) => c.text).join(' ') }] : [],
});
const rowOf = (pair: AlignedPair, older: Statement, newer: Statement, kind: GroupableRow['kind']): GroupableRow => {
  const clause = (s: Statement, id: string) => s.sections[0]!.paragraphs.flatMap((p) => p.clauses).find((c) => c.id === id)!;
  return { kind, shape: pair.kind, evidence: { class: kind === 'moved-away' ? 'kept' : kind, basis: 'full-text', marks: 'all', moved: false }, id: pair.to[0] ?? pair.from[0]!, anchors: [], from: pair.from.map((id) => clause(older, id)), to: pair.to.map((id) => clause(newer, id)), older: [], newer: [], score: pair.score, topics: [], formulas: [] };
};
const gone = {} as GroupableRow;

describe('paragraphGroupRows()', () => {
  it('shows a rewritten paragraph in reading order when its pairs cross', () => {
    const older = full('a', '2025-01-01', [['fees', ['Fees are due monthly.', 'Late fees double.']]]);
    const newer = full('b', '2025-06-01', [['fees', ['Fees are due each quarter.', 'Fees that come late are doubled.']]]);
    // The aligner's pairs, in display order: the second old sentence went into the second new one, the first new one is new.
    const pairs: AlignedPair[] = [
      { kind: 'reworded', from: ['fees.2'], to: ['fees.2'], score: 0.5 },
      { kind: 'dropped', from: ['fees.1'], to: [], score: 0 },
      { kind: 'added', from: [], to: ['fees.1'], score: 0 },
    ];
    const rows = pairs.map((pair) => rowOf(pair, older, newer, pair.kind === 'added' ? 'added' : pair.kind === 'dropped' ? 'dropped' : 'changed'));
    const groups = paragraphGroupRows(older, newer, pairs, rows, sides, gone);
    const row = groups.get(0)!;
    expect(row.group?.kind).toBe('rewritten');
    expect(row.older.map((part) => part.text).join('')).toBe('Fees are due monthly. Late fees double.');
    expect(row.newer.map((part) => part.text).join('')).toBe('Fees are due each quarter. Fees that come late are doubled.');
    expect([groups.get(1), groups.get(2)]).toEqual([gone, gone]);
  });

  it('makes a new paragraph of several sentences one Added row', () => {
    const older = full('a', '2025-01-01', [['fees', ['Fees are due monthly.']]]);
    const newer = full('b', '2025-06-01', [['fees', ['Fees are due monthly.']], ['data', ['We may use mobile data.', 'You pay for it.']]]);
    const pairs: AlignedPair[] = [
      { kind: 'same', from: ['fees.1'], to: ['fees.1'], score: 1 },
      { kind: 'added', from: [], to: ['data.1'], score: 0 },
      { kind: 'added', from: [], to: ['data.2'], score: 0 },
    ];
    const rows = pairs.map((pair) => rowOf(pair, older, newer, pair.kind === 'added' ? 'added' : 'kept'));
    const groups = paragraphGroupRows(older, newer, pairs, rows, sides, gone);
    expect([...groups.keys()]).toEqual([1, 2]);
    expect(groups.get(1)!.kind).toBe('added');
    expect(groups.get(1)!.newer.map((part) => part.text).join('')).toBe('We may use mobile data. You pay for it.');
  });
});
