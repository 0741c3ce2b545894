import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { draftStatement, readDateLine, toMarkdown, type Draft, type ImportFields } from '../../src/lib/import/draft.ts';
import { readHtml } from '../../src/lib/import/html.ts';
import { readText } from '../../src/lib/import/text.ts';
import { askMissing, answerProblem } from '../../src/lib/import/ask.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { fixturesDir } from './fixtures.ts';

const dir = join(fixturesDir, 'import');
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
const temp = mkdtempSync(join(tmpdir(), 'summit-import-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const filled: ImportFields = { series: 'calvora-dunmere', sourceUrl: 'https://example.org/statement', sourceLabel: 'Test fixture' };
const paragraphCounts = (draft: Draft): number[] => draft.sections.map((section) => section.paragraphs.length);

async function docxDraft(given?: ImportFields): Promise<Draft> {
  const result = await mammoth.convertToHtml({ path: join(dir, 'statement.docx') }, { styleMap: ["p[style-name='Title'] => h1:fresh"] });
  return draftStatement(readHtml(result.value), given);
}

/** Load a folder holding one imported statement; return its errors. */
async function loadErrors(name: string, markdown: string): Promise<string[]> {
  const folder = join(temp, name);
  mkdirSync(join(folder, 'statements'), { recursive: true });
  writeFileSync(join(folder, 'statements', `${name}.md`), markdown);
  const corpus = await loadCorpus(folder, { today: '2100-01-01' });
  if (corpus.statements.length !== 1) return ['the statement could not be built', ...corpus.diagnostics.map((diagnostic) => diagnostic.rule)];
  return corpus.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => `${diagnostic.rule}: ${diagnostic.message}`);
}

describe('readDateLine', () => {
  it('reads day-month-year, month-day-year, ISO and "Done at" lines', () => {
    expect(readDateLine('Moscow, 8 May 2025')).toEqual({ date: '2025-05-08', place: 'Moscow' });
    expect(readDateLine('Beijing, May 16, 2024')).toEqual({ date: '2024-05-16', place: 'Beijing' });
    expect(readDateLine('Done at Port Alder on 14 March 2024.')).toEqual({ date: '2024-03-14', place: 'Port Alder' });
    expect(readDateLine('8 May 2025, Moscow')).toEqual({ date: '2025-05-08', place: 'Moscow' });
    expect(readDateLine('2023-03-21')).toEqual({ date: '2023-03-21' });
  });
  it('reads the signature lines of Russian and Chinese texts', () => {
    expect(readDateLine('Москва, 8 мая 2025 года')).toEqual({ date: '2025-05-08', place: 'Москва' });
    expect(readDateLine('Пекин, 16 мая 2024 г.')).toEqual({ date: '2024-05-16', place: 'Пекин' });
    expect(readDateLine('21 марта 2023 года')).toEqual({ date: '2023-03-21' });
    expect(readDateLine('2025年5月8日于莫斯科')).toEqual({ date: '2025-05-08', place: '莫斯科' });
    expect(readDateLine('北京，2024年5月16日')).toEqual({ date: '2024-05-16', place: '北京' });
    expect(readDateLine('Москва, 31 февраля 2025 года')).toEqual({});
    expect(readDateLine('2025年13月8日')).toEqual({});
  });
  it('never invents a date that is not a calendar date', () => {
    expect(readDateLine('Moscow, 31 February 2025')).toEqual({});
    expect(readDateLine('The Parties met in Moscow.')).toEqual({});
  });
});

describe('import of plain text', () => {
  const draft = draftStatement(readText(read('statement.txt')), filled);
  it('readText finds title, date and place lines', () => {
    expect(draft.fields.title).toBe('Joint Statement of the Republic of Calvora and the Kingdom of Dunmere on a Partnership for the Coming Decade');
    expect(draft.fields.date).toBe('2024-03-14');
    expect(draft.fields.place).toBe('Port Alder');
    expect(draft.fields.shortTitle).toBe('Port Alder 2024');
    expect(draft.fields.kind).toBe('joint-statement');
  });
  it('readText turns numbered parts into sections and joins wrapped lines', () => {
    expect(draft.sections.map((section) => `${section.number}. ${section.heading}`)).toEqual(['I. Foundations of the partnership', 'II. Trade and connectivity', 'III. Regional questions']);
    expect(paragraphCounts(draft)).toEqual([2, 2, 1]);
    expect(draft.sections[0]?.paragraphs[0]?.text).toMatch(/^The Parties regard .* no third country\.\uE0001\uE001$/);
  });
  it('readText keeps footnotes as GFM footnotes', () => {
    const markdown = toMarkdown(draft);
    expect(markdown).toContain('no third country.[^1] {#regard-partnership-mature-stable}');
    expect(markdown).toContain('[^2]: The crossing figures are imaginary.');
    expect(draft.footnotes).toHaveLength(2);
  });
  it('the output passes loadCorpus once the fields are filled', async () => {
    expect(await loadErrors('2024-port-alder', toMarkdown(draft))).toEqual([]);
  });
});

describe('import of an HTML page', () => {
  const source = readHtml(read('statement.html'));
  const draft = draftStatement(source, filled);
  const markdown = toMarkdown(draft);
  it('readHtml strips navigation, header, share bar, aside, scripts and footer', () => {
    for (const chrome of ['Skip to content', 'Home', 'Coat of arms', 'Share', 'Related', 'All rights reserved', 'Privacy', 'analytics', 'font-family', 'Ministry of Foreign Affairs of the Republic']) {
      expect(markdown).not.toContain(chrome);
    }
    expect(source.stripped.join(' ')).toMatch(/outside the main content/);
  });
  it('readHtml takes the <h1> as title, the date line, and the canonical address', () => {
    expect(draft.fields.title).toBe('Joint Statement of the Republic of Calvora and the Kingdom of Dunmere on Cooperation in the Northern Waters');
    expect(draft.fields.date).toBe('2025-06-02');
    expect(draft.fields.place).toBe('Dunmere Castle');
    expect(draft.fields.sourceUrl).toBe('https://example.org/statement');
    expect(source.url).toBe('https://mfa.calvora.example/en/statements/2025-northern-waters');
  });
  it('readHtml turns <h2> and bold numbered lines into sections, list items into paragraphs; the date line stays in the body', () => {
    expect(draft.preamble).toHaveLength(2);
    expect(draft.preamble.some((paragraph) => readDateLine(paragraph.text).date === '2025-06-02')).toBe(true);
    expect(draft.placements.join('\n')).toMatch(/→ front matter date 2025-06-02; the line stays in the body as paragraph \{#[a-z0-9-]+\}/);
    expect(draft.sections.map((section) => section.number)).toEqual(['I', 'II', 'III']);
    expect(paragraphCounts(draft)).toEqual([2, 2, 3]);
  });
  it('readHtml keeps footnotes (a note cited twice keeps one label) and escapes markup', () => {
    expect(draft.footnotes.map((footnote) => footnote.text)).toEqual(['An invented provision, written for the Summit Diff tests.', 'The quota figures are imaginary.']);
    expect(markdown.match(/\[\^1\]/g)).toHaveLength(3);
    expect(markdown).toContain('ice-breaking service & share its costs equally. They invite \\<all> coastal states');
    expect(markdown).not.toMatch(/Notes|↩/);
  });
  it('the output passes loadCorpus once the fields are filled', async () => {
    expect(await loadErrors('2025-dunmere-castle', markdown)).toEqual([]);
  });
});

describe('import of a Word file', () => {
  it('mammoth → readHtml reads title, date, parts, paragraphs and Word footnotes', async () => {
    const draft = await docxDraft(filled);
    expect(draft.fields.title).toBe('Joint Declaration of the Republic of Calvora and the Kingdom of Dunmere on Energy and Climate');
    expect(draft.fields.kind).toBe('declaration');
    expect(draft.fields.date).toBe('2023-09-21');
    expect(draft.fields.place).toBe('Tessel Harbour');
    expect(draft.sections.map((section) => section.heading)).toEqual(['Energy', 'Climate']);
    expect(paragraphCounts(draft)).toEqual([2, 3]);
    expect(draft.footnotes.map((footnote) => footnote.text)).toEqual(['An invented provision, written for the Summit Diff tests.', 'No real report is meant.']);
    expect(await loadErrors('2023-tessel-harbour', toMarkdown(draft))).toEqual([]);
  });
  it('what cannot be read is written as a marked TODO, never invented', async () => {
    const markdown = toMarkdown(await docxDraft());
    expect(markdown).toMatch(/^series: TODO # needs review/m);
    expect(markdown).toMatch(/^ {4}url: TODO # needs review/m);
    expect(await loadErrors('2023-tessel-todo', markdown)).not.toEqual([]);
  });
});

describe('asking for what the file does not say', () => {
  it('asks for each missing field, checks each answer against the front matter rules, and asks once more', async () => {
    // A text with no title, date or place line: everything but the body is missing.
    const draft = draftStatement(readText('1. The Parties will meet again next year.\n'), {});
    const answers = new Map<string, string[]>([
      ['Full title', ['Joint Statement of Calvora and Dunmere']],
      ['Date signed', ['8 May 2025', '2025-02-31']],
      ['Place signed', ['Velm']],
      ['Series id', ['Calvora Dunmere', 'calvora-dunmere']],
      ['Kind', ['joint-statement']],
      ['Edition', ['']],
      ['Source address', ['ftp://example.org/x', 'https://example.org/x']]
    ]);
    const asked: string[] = [];
    const said: string[] = [];
    const filledFields = await askMissing(
      draft,
      async (text) => {
        asked.push(text);
        const key = [...answers.keys()].find((prefix) => text.startsWith(prefix));
        return (key && answers.get(key)?.shift()) ?? '';
      },
      (line) => said.push(line)
    );
    expect(filledFields).toEqual(['title', 'place', 'series', 'kind', 'sourceUrl']);
    expect(draft.fields).toMatchObject({ title: 'Joint Statement of Calvora and Dunmere', place: 'Velm', series: 'calvora-dunmere', kind: 'joint-statement', sourceUrl: 'https://example.org/x' });
    // A wrong date twice: left as TODO, so no short title can be made from place and year.
    expect(draft.fields.date).toBeUndefined();
    expect(said.filter((line) => line.includes('left as TODO'))).toHaveLength(1);
    expect(said.some((line) => line.includes('try again'))).toBe(true);
    expect(draft.origins.title).toBe('your answer');
    // What remains missing is what toMarkdown marks TODO.
    expect(toMarkdown(draft)).toMatch(/date: TODO/);
    expect(asked.filter((text) => text.startsWith('Date signed'))).toHaveLength(2);
  });
  it('answerProblem uses the same rules as the content check', () => {
    expect(answerProblem('date', '2025-05-08')).toBeUndefined();
    expect(answerProblem('date', '2025-02-30')).toMatch(/calendar/);
    expect(answerProblem('edition', 'abridged')).toBeDefined();
    expect(answerProblem('shortTitle', 'x'.repeat(41))).toBeDefined();
    expect(answerProblem('sourceUrl', 'https://example.org/')).toBeUndefined();
  });
});
