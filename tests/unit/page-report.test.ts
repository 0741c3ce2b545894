/**
 * pageReport(): the summary a compare page shows, made once for the build's pages and the
 * browser's. Between full texts it counts the page's rows; otherwise the report's own counts
 * (by the evidence of each pair) stand. Statements, pairs, evidence and rows are written by
 * hand, and so is every expected figure.
 */
import { describe, expect, it } from 'vitest';
import { pageReport } from '../../src/lib/analyse/page-report.ts';
import type { RowEvidence } from '../../src/lib/analyse/evidence.ts';
import type { AlignedPair, Statement } from '../../src/lib/model/types.ts';
import { statement } from './statements.ts';

const full = (s: Statement): Statement => ({ ...s, edition: 'full', complete: true });
const older = statement('2023-a', '2023-01-01', [['trade', ['Trade grows.']], ['energy', ['Gas flows.']]]);
const newer = statement('2024-b', '2024-01-01', [['trade', ['Trade grows fast.']], ['space', ['Rockets fly.']]]);
const pairs: AlignedPair[] = [
  { kind: 'reworded', from: ['trade.1'], to: ['trade.1'], score: 0.7 },
  { kind: 'dropped', from: ['energy.1'], to: [], score: 0 },
  { kind: 'added', from: [], to: ['space.1'], score: 0 }
];
const evidence = (cls: RowEvidence['class']): RowEvidence => ({ class: cls, basis: 'complete', marks: 'all', moved: false });
// The evidence the report counts: one changed, one dropped, one added.
const byPair = [evidence('changed'), evidence('dropped'), evidence('added')];
// The page's rows: a heading row of its own (a renamed part) beside the three pairs, and where a moved clause stood.
const rows = [{ kind: 'changed' as const }, { kind: 'changed' as const }, { kind: 'dropped' as const }, { kind: 'added' as const }, { kind: 'moved-away' as const }];
const input = { pairs, evidence: byPair, sections: [{ rows }], formulas: [], topics: [], companions: [] };

describe('pageReport', () => {
  it('between two full texts, counts the rows the page shows (a heading row too, never where a clause stood)', () => {
    const report = pageReport({ ...input, older: full(older), newer: full(newer), history: [full(older)] });
    expect(report.counts).toEqual({ kept: 0, changed: 2, dropped: 1, added: 1, 'moved-to': 0, undocumented: 0 });
  });

  it('when either side is a digest, keeps the counts of the evidence, pair by pair', () => {
    for (const [a, b] of [[older, full(newer)], [full(older), newer], [older, newer]] as const) {
      const report = pageReport({ ...input, older: a, newer: b, history: [a] });
      expect(report.counts).toEqual({ kept: 0, changed: 1, dropped: 1, added: 1, 'moved-to': 0, undocumented: 0 });
    }
  });

  it('is the report of the pair it is given', () => {
    const report = pageReport({ ...input, older: full(older), newer: full(newer), history: [full(older)] });
    expect([report.older, report.newer]).toEqual(['2023-a', '2024-b']);
    expect(report.alignerCounts.reworded).toBe(1);
  });
});
