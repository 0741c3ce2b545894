import { describe, expect, it } from 'vitest';
import { movedNote, readMoved } from '../../src/lib/content/moved.ts';
import { readSeries } from '../../src/lib/content/series.ts';
import { statement } from './statements.ts';

const corpus = [statement('2024-a', '2024-01-01', [['trade', ['The Parties trade.']], ['energy', ['The Parties buy gas.']]])];
const source = (text: string) => ({ path: 'moved.yaml', text });

describe('readMoved', () => {
  it('keeps well-formed entries and reports each bad one at file:line:column with its own rule', () => {
    const { moved, diagnostics } = readMoved(source([
      '- statement: 2024-a',
      '  anchor: commerce',
      '  to: trade',
      '- statement: 2019-z',
      '  anchor: gone',
      '  note: x',
      '- statement: 2024-a',
      '  anchor: fishing',
      '  to: fisheries',
      '- statement: 2024-a',
      '  anchor: 9bad',
      '',
    ].join('\n')), corpus);
    expect(moved).toEqual([{ statement: '2024-a', anchor: 'commerce', to: 'trade' }]);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([
      'moved.yaml:11:11 moved-invalid',
      'moved.yaml:4:14 moved-unknown-statement',
      'moved.yaml:9:7 moved-target-missing',
    ]);
  });
  it('counts section keys, clause ids and the footnotes block as anchors still on the page', () => {
    const { moved, diagnostics } = readMoved(source('- { statement: 2024-a, anchor: main, note: x }\n- { statement: 2024-a, anchor: trade.1, note: x }\n- { statement: 2024-a, anchor: footnotes, note: x }\n'), corpus);
    expect(moved).toEqual([]);
    expect(diagnostics.map((d) => `${d.line} ${d.rule}`)).toEqual(['1 moved-anchor-exists', '2 moved-anchor-exists', '3 moved-anchor-exists']);
  });
  it('needs a to or a note, takes a site path as to, and refuses an anchor with a space', () => {
    const { moved, diagnostics } = readMoved(source('- { statement: 2024-a, anchor: gone }\n- { statement: 2024-a, anchor: elsewhere, to: /statements/2025-b/#trade }\n- { statement: 2024-a, anchor: "two words", note: x }\n'), corpus);
    expect(moved).toEqual([{ statement: '2024-a', anchor: 'elsewhere', to: '/statements/2025-b/#trade' }]);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}: ${d.message}`)).toEqual([
      'moved.yaml:3:32 moved-invalid: entry 3, `anchor`: Invalid string: must match pattern /^[A-Za-z][\\w.-]*$/',
      'moved.yaml:1:3 moved-no-target: `#gone` has neither `to` nor `note`',
    ]);
  });
  it('movedNote names a site path as it is, and adds the note', () => {
    expect(movedNote({ statement: '2024-a', anchor: 'elsewhere', to: '/statements/2025-b/#trade', note: 'Merged into trade.' })).toBe('The link pointed to “#elsewhere”, a provision that is no longer on this page. It is now at /statements/2025-b/#trade. Merged into trade.');
    expect(movedNote({ statement: '2024-a', anchor: 'gone', note: 'Dropped in 2024.' })).toBe('The link pointed to “#gone”, a provision that is no longer on this page. Dropped in 2024.');
  });
  it('reports malformed YAML where it is', () => {
    expect(readMoved(source('- statement: [2024-a\n'), corpus).diagnostics[0]).toMatchObject({ rule: 'yaml-malformed', file: 'moved.yaml', line: 2 });
  });
  it('movedNote says where the provision went', () => {
    expect(movedNote({ statement: '2024-a', anchor: 'commerce', to: 'trade' })).toBe('The link pointed to “#commerce”, a provision that is no longer on this page. It is now at #trade, just below.');
  });
});

describe('readSeries', () => {
  it('reads titles from series.yaml and reports a bad entry with rule series-invalid at its place', () => {
    const { series, diagnostics } = readSeries({ path: 'series.yaml', text: '- id: test\n  title: Test series\n- id: Bad Id\n  title: x\n' }, corpus);
    expect(series).toEqual([{ id: 'test', title: 'Test series', description: '', statementIds: ['2024-a'] }]);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['3:7 series-invalid']);
  });
  it('titles a series series.yaml does not describe by its documents\' shared title (else "Series <id>", never the id capitalised), and reports a series id that is a statement id', () => {
    const other = { ...statement('china-russia', '2023-01-01', [['a', ['Text.']]]), series: 'china-russia', title: 'Terms of Use' };
    const { series, diagnostics } = readSeries(undefined, [...corpus, other, { ...other, id: 'later', date: '2024-01-01', title: 'Terms of Service' }]);
    expect(series.map((s) => [s.id, s.title, s.description])).toEqual([['test', corpus[0]!.title, ''], ['china-russia', 'Series china-russia', '']]);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.rule}: ${d.message}`)).toEqual(['statements/china-russia.md:1 series-id-clash: series id `china-russia` is also the id of a statement']);
  });
});
