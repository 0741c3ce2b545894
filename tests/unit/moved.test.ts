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
});
