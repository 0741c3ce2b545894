import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseStatement } from '../../src/lib/content/parse.ts';
import { wordDiff } from '../../src/lib/analyse/diff.ts';
import { readSeries, defaultTitle } from '../../src/lib/content/series.ts';
import { checkContent } from '../../src/lib/content/content-rules.ts';
import { siteWording } from '../../src/view/site-wording.ts';
import { latestPair, mainLine } from '../../src/view/series.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { formatDiagnostic } from '../../src/lib/model/diagnostics.ts';
import { clausesOf } from '../../src/lib/model/statement.ts';
import type { Statement } from '../../src/lib/model/types.ts';
import { fixturesDir } from './fixtures.ts';
import { statement as makeStatement } from './statements.ts';

const file = (body: string, front = '') =>
  `---\ntitle: Terms\nshortTitle: v1\ndate: 2025-01-01\nseries: t\nkind: terms\nedition: full\n${front}sources:\n  - label: Invented\n    url: https://example.org/t\n---\n\n${body}\n`;
const parsed = (body: string, front = ''): Statement => {
  const result = parseStatement({ path: 'statements/a.md', text: file(body, front) }, { today: '2026-01-01' });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.statement!;
};
const firstClause = (statement: Statement) => clausesOf(statement)[0]!;

describe('a link target is part of the compared text', () => {
  // Built afresh before each test, not at load time (tests/unit/README.md).
  function setup() {
    const older = firstClause(parsed('Read the [privacy notice](https://example.org/privacy) first. {#p}'));
    const newer = firstClause(parsed('Read the [privacy notice](https://example.org/privacy-2025) first. {#p}'));
    return { older, newer };
  }
  type Fixture = ReturnType<typeof setup>;
  let older!: Fixture['older'];
  let newer!: Fixture['newer'];
  beforeEach(() => {
    ({ older, newer } = setup());
  });

  it('puts the address after the link words in the clause text, not in the page', () => {
    expect(older.text).toBe('Read the privacy notice <https://example.org/privacy> first.');
    expect(older.html).toBe('Read the <a href="https://example.org/privacy">privacy notice</a> first.');
  });

  it('shows a changed address as a changed word in the word diff', () => {
    const parts = wordDiff(older.text, newer.text).parts;
    const inserted = parts.filter((part) => part.op === 'insert').map((part) => part.text).join('');
    expect(inserted).toContain('2025');
    expect(parts.filter((part) => part.op === 'equal').map((part) => part.text).join('')).toContain('privacy notice');
  });

  it('adds nothing where the words are the address (an autolink) or the link stays in the page', () => {
    expect(firstClause(parsed('Write to <https://example.org/help>. {#p}')).text).toBe('Write to https://example.org/help.');
    expect(firstClause(parsed('Write to help@example.org. {#p}')).text).toBe('Write to help@example.org.');
  });

  it('keeps the generated id of a paragraph without a key when only its link target changes', () => {
    const a = parsed('See [the form](https://example.org/a).');
    const b = parsed('See [the form](https://example.org/b).');
    expect(a.sections[0]!.paragraphs[0]!.key).toBe(b.sections[0]!.paragraphs[0]!.key);
  });
});

describe('invisible characters in existing content', () => {
  it('leave the compared text, so an unchanged row shows no empty insertion mark', () => {
    const plain = firstClause(parsed('The service is free of charge. {#p}'));
    const marked = firstClause(parsed('The ser\u00ADvice is free\u00A0of charge. {#p}'));
    expect(marked.text).toBe(plain.text);
    const parts = wordDiff(plain.text, marked.text).parts;
    expect(parts.every((part) => part.op === 'equal')).toBe(true);
    expect(parts.filter((part) => part.op !== 'equal' && part.text.trim() === '')).toEqual([]);
  });
});

describe('series.yaml: kinds, noun, title and ids', () => {
  const doc = (id: string, date: string, kind: string, series = 'terms', title = 'Tollbridge Terms'): Statement => ({ ...makeStatement(id, date, [['a', ['Text.']]]), kind, series, title, file: `statements/${id}.md` });
  const at = new Map([['v2', { kind: { file: 'statements/v2.md', line: 7, column: 7 }, series: { file: 'statements/v2.md', line: 6, column: 9 } }]]);

  it('accepts any kebab-case kind when the series declares none', () => {
    const { diagnostics } = readSeries({ path: 'series.yaml', text: '- id: terms\n  title: Terms\n' }, [doc('v1', '2025-01-01', 'terms'), doc('v2', '2025-02-01', 'terms')], at);
    expect(diagnostics).toEqual([]);
  });

  it('refuses a kind the series does not declare, at the kind line', () => {
    const { series, diagnostics } = readSeries({ path: 'series.yaml', text: '- id: terms\n  title: Terms\n  kinds:\n    - { id: terms, label: Terms of service }\n' }, [doc('v1', '2025-01-01', 'terms'), doc('v2', '2025-02-01', 'policy')], at);
    expect(diagnostics.map(formatDiagnostic).join('\n')).toMatch(/^statements\/v2\.md:7:7 {2}error {2}kind `policy` is not one of the kinds series `terms` declares in series.yaml \(terms\) {2}\[kind-unknown\]/);
    expect(series[0]?.kinds).toEqual([{ id: 'terms', label: 'Terms of service' }]);
  });

  it('refuses a series id series.yaml does not know, at the series line', () => {
    const { diagnostics } = readSeries({ path: 'series.yaml', text: '- id: terms\n  title: Terms\n' }, [doc('v1', '2025-01-01', 'terms'), doc('v2', '2025-02-01', 'terms', 'tems')], at);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual(['statements/v2.md:6:9 series-unknown']);
  });

  it('without series.yaml, warns about a series of one statement beside a series of several (a mistyped id)', () => {
    const { diagnostics } = readSeries(undefined, [doc('v1', '2025-01-01', 'terms'), doc('v2', '2025-02-01', 'terms', 'tems'), doc('v3', '2025-03-01', 'terms')], at);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`)).toEqual([
      'statements/v2.md:6:9 warning series-lone: series `tems` holds only statements/v2.md, so it has nothing to compare; the other series are `terms` (2)'
    ]);
  });

  it('reads the document noun (plural by default with -s)', () => {
    const { series } = readSeries({ path: 'series.yaml', text: '- id: terms\n  title: Terms\n  noun: version\n- id: other\n  title: Other\n  noun: terms\n  plural: terms\n' }, [doc('v1', '2025-01-01', 'terms'), doc('o1', '2025-01-01', 'terms', 'other')]);
    expect(series.map((s) => s.noun)).toEqual([{ one: 'version', many: 'versions' }, { one: 'terms', many: 'terms' }]);
  });

  it('titles an undescribed series by the title its documents share, else "Series <id>"', () => {
    expect(defaultTitle('tollbridge', [{ title: 'Tollbridge Terms' }, { title: 'Tollbridge Terms' }])).toBe('Tollbridge Terms');
    expect(defaultTitle('tollbridge', [{ title: 'A' }, { title: 'B' }])).toBe('Series tollbridge');
  });
});

describe('several kinds on one main line', () => {
  it('warn, naming the files and the kind the main line is read as, and keep the home summary', async () => {
    const corpus = await loadCorpus(join(fixturesDir, 'warn', 'kinds-split'), { today: '2026-01-01' });
    const warnings = corpus.diagnostics.filter((d) => d.rule === 'kinds-split');
    expect(corpus.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(warnings.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^statements\/v2\.md:6:7 {2}warning {2}series `terms` has several kinds on its main line: statements\/v2\.md \(declaration\) beside `terms` \(2 statements\)\. The main line is read as `terms`/)
    ]);
    const line = mainLine(corpus.statements);
    expect(line.map((s) => s.id)).toEqual(['v1', 'v2', 'v3']);
    expect(latestPair(corpus.statements)).toMatchObject({ older: { id: 'v2' }, newer: { id: 'v3' } });
  });

  it('still leave a side document of the same day off the main line', () => {
    const s = (id: string, date: string, kind: string) => ({ id, date, kind, shortTitle: id });
    expect(mainLine([s('a', '2024-01-01', 'joint'), s('b', '2025-01-01', 'joint'), s('c', '2025-01-01', 'stability')]).map((x) => x.id)).toEqual(['a', 'b']);
    expect(mainLine([s('a', '2024-01-01', 'declaration'), s('b', '2025-01-01', 'joint')]).map((x) => x.id)).toEqual(['a', 'b']);
  });
});

describe('site wording from the series', () => {
  const statements = [{ series: 't', date: '2025-01-01', edition: 'full' as const }, { series: 't', date: '2025-06-01', edition: 'full' as const }];
  it('uses the series noun and says nothing of formulas where the corpus tracks none', () => {
    const wording = siteWording([{ id: 't', title: 'Tollbridge terms', description: '', statementIds: [], noun: { one: 'version', many: 'versions' } }], statements, { formulas: 0, topics: 0 });
    expect(wording.noun).toEqual({ one: 'version', many: 'versions' });
    expect(wording.description).toBe('Read versions against each other: clause-by-clause diffs of the Tollbridge terms versions of 2025.');
    expect(`${wording.lede} ${wording.eyebrow} ${wording.about} ${wording.noHeadlines.full}`).not.toMatch(/formula|joint statement|diplomatic/i);
    expect(wording.lede).toMatch(/^Versions read against each other/);
  });
  it('keeps the shipped corpus\'s words by default', () => {
    const wording = siteWording([{ id: 'cr', title: 'China–Russia', description: '', statementIds: [] }], statements, { formulas: 20, topics: 10 });
    expect(wording.noun.one).toBe('statement');
    expect(wording.eyebrow).toBe('Joint statements, clause by clause');
    expect(wording.noHeadlines.full).toBe('No formula was dropped or introduced, and no topic lost or gained more than one clause.');
  });
});

describe('content rules by edition', () => {
  it('apply the digest rules (source-missing, quote length) to a digest only', () => {
    const body = 'The service is "free of charge for every person who crosses any river on any day of the week". {#p}';
    const full = parsed(body);
    const digest = { ...full, edition: 'digest' as const };
    const source = { path: 'statements/a.md', text: file(body) };
    expect(checkContent(full, source)).toEqual([]);
    expect(checkContent(digest, source).map((d) => d.rule).sort()).toEqual(['quote-too-long', 'source-missing']);
  });

  it('pass a full-text corpus with a source registry beside it: 0 errors', async () => {
    const corpus = await loadCorpus(join(fixturesDir, 'full-text'), { today: '2026-01-01' });
    expect(corpus.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(corpus.statements.every((s) => s.edition === 'full' && s.sources[0]?.retrieved === '2025-07-01')).toBe(true);
  });
});
