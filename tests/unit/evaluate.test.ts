import { describe, expect, it } from 'vitest';
import { alignmentErrorRate, evaluationPairs, goldLinks, prf, qualityTable, scoreAgainstKeys } from '../../src/lib/eval/evaluate.ts';
import { statement } from './statements.ts';

const older = statement('2020-a', '2020-01-01', [['kept', ['One.']], ['gone', ['Two.']], ['moved', ['Three.']]]);
const newer = statement('2021-b', '2021-01-01', [['kept', ['One again.']], ['moved', ['Three again.']], ['fresh', ['Four.']]]);

describe('scoring links against shared keys', () => {
  it('goldLinks pairs every key both statements carry', () => {
    expect([...goldLinks(older, newer)].map((link) => link.replace('\u0000', '→')).sort()).toEqual(['kept→kept', 'moved→moved']);
  });
  it('scoreAgainstKeys counts a right link, a wrong link and a missed one', () => {
    const counts = scoreAgainstKeys([{ from: ['kept.1'], to: ['kept.1'] }, { from: ['gone.1'], to: ['fresh.1'] }], older, newer);
    expect(counts).toEqual({ tp: 1, possible: 0, fp: 1, fn: 1 });
    expect(prf(counts)).toEqual({ p: 0.5, r: 0.5, f: 0.5 });
  });
  it('ignores paragraphs whose keys were generated', () => {
    const generated = { ...newer, sections: newer.sections.map((section) => ({ ...section, paragraphs: section.paragraphs.map((paragraph) => (paragraph.key === 'fresh' ? { ...paragraph, explicitKey: false } : paragraph)) })) };
    expect(scoreAgainstKeys([{ from: ['gone.1'], to: ['fresh.1'] }], older, generated)).toEqual({ tp: 0, possible: 0, fp: 0, fn: 2 });
  });
  it('evaluationPairs takes consecutive statements of each series by date', () => {
    const third = statement('2022-c', '2022-01-01', [['kept', ['One.']]]);
    expect(evaluationPairs([third, older, newer]).map(([a, b]) => `${a.id}→${b.id}`)).toEqual(['2020-a→2021-b', '2021-b→2022-c']);
  });
  it('qualityTable scores the program and the corrected pairs of each consecutive pair that shares keys', () => {
    const unrelated = statement('2022-c', '2022-01-01', [['other', ['Five.']]]);
    const comparisons = [
      { older, newer, alignerPairs: [{ from: ['kept.1'], to: ['kept.1'] }], pairs: [{ from: ['kept.1'], to: ['kept.1'] }, { from: ['moved.1'], to: ['moved.1'] }] },
      { older: newer, newer: unrelated, alignerPairs: [], pairs: [] }
    ];
    const table = qualityTable([older, newer, unrelated], comparisons);
    // 2021-b → 2022-c shares no key: not scored.
    expect(table.rows.map((row) => `${row.older.id}→${row.newer.id}`)).toEqual(['2020-a→2021-b']);
    expect(table.rows[0]).toMatchObject({ gold: 2, possible: 0, aligner: { tp: 1, fp: 0, fn: 1 }, corrected: { tp: 2, fp: 0, fn: 0 } });
    expect(table.aligner).toEqual({ tp: 1, possible: 0, fp: 0, fn: 1 });
  });
  it('qualityTable counts a link the concordance allows as possible, not wrong', () => {
    const concordance = [{ older: older.id, newer: newer.id, pairs: [{ older: 'gone', newer: 'fresh', position: { file: 'concordance.yaml', line: 4, column: 7 } }], position: { file: 'concordance.yaml', line: 1, column: 3 } }];
    const links = [{ from: ['kept.1'], to: ['kept.1'] }, { from: ['gone.1'], to: ['fresh.1'] }];
    const table = qualityTable([older, newer], [{ older, newer, alignerPairs: links, pairs: links }], concordance);
    expect(table.rows[0]).toMatchObject({ gold: 2, possible: 1, aligner: { tp: 1, possible: 1, fp: 0, fn: 1 } });
    expect(qualityTable([older, newer], [{ older, newer, alignerPairs: links, pairs: links }]).aligner).toMatchObject({ possible: 0, fp: 1 });
  });
  it('alignmentErrorRate is 0 for a perfect alignment and counts possible links once, sure ones twice', () => {
    expect(alignmentErrorRate({ tp: 3, possible: 0, fp: 0, fn: 0 })).toBe(0);
    expect(alignmentErrorRate({ tp: 0, possible: 0, fp: 0, fn: 0 })).toBe(0);
    // A = 4 (2 sure, 1 possible, 1 wrong), S = 3: 1 − (2 + 3) / (4 + 3).
    expect(alignmentErrorRate({ tp: 2, possible: 1, fp: 1, fn: 1 })).toBeCloseTo(2 / 7);
  });
});
