import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { draftStatement, formatSummary, readDateLine, summarise, toMarkdown } from '../../src/lib/import/draft.ts';
import { readMarkdown } from '../../src/lib/import/markdown.ts';
import { defaultStatementId, readDocument, takenBy } from '../../src/lib/import/read.ts';
import { parseStatement } from '../../src/lib/content/parse.ts';
import { fixturesDir } from './fixtures.ts';

const fields = { series: 'tollbridge', kind: 'terms', sourceUrl: 'https://example.org/terms', sourceLabel: 'Tollbridge' };
const read = (name: string) => readFileSync(join(fixturesDir, 'import', 'terms', name), 'utf8');

// Import a Markdown text and parse what the importer wrote, as the build would.
function imported(markdown: string, given: Record<string, string> = fields) {
  const draft = draftStatement(readDocument('terms.md', markdown), given);
  const written = toMarkdown(draft);
  const { statement, diagnostics } = parseStatement({ path: 'statements/terms.md', text: written }, { today: '2026-01-01' });
  return { draft, written, statement, errors: diagnostics.filter((d) => d.severity === 'error') };
}

describe('npm run import on Markdown (CommonMark and GFM through remark)', () => {
  // Built afresh before each test, not at load time (tests/unit/README.md).
  function setup() {
    const { draft, written, statement, errors } = imported(read('terms-2025-03.md'));
    return { draft, written, statement, errors };
  }
  type Fixture = ReturnType<typeof setup>;
  let draft!: Fixture['draft'];
  let written!: Fixture['written'];
  let statement!: Fixture['statement'];
  let errors!: Fixture['errors'];
  beforeEach(() => {
    ({ draft, written, statement, errors } = setup());
  });

  it('writes a file the content parser accepts, with the `#` heading as title', () => {
    expect(errors).toEqual([]);
    expect(draft.fields.title).toBe('Tollbridge Terms of Service');
    expect(written).not.toMatch(/^=+$/m);
    expect(written).not.toMatch(/^-{4,}$/m);
  });

  it('keeps every heading at its level: setext `---` is `##`, `###` stays `###`', () => {
    expect(written).toMatch(/^## 1\. Who we are \{#[a-z0-9-]+\}$/m);
    expect(written).toMatch(/^### 1\.1 Contacting us \{#[a-z0-9-]+\}$/m);
    expect(written).toMatch(/^## Using the service \{#[a-z0-9-]+\}$/m);
    expect(statement?.sections.map((section) => section.heading)).toEqual(['Preamble', 'Who we are', '1.1 Contacting us', 'Using the service']);
  });

  it('keeps each list a list: one item is one item (one clause), never merged with the next', () => {
    expect(written).toMatch(/^[*-] cross the river once a day;$/m);
    expect(written).toMatch(/^[*-] bring one bicycle;$/m);
    expect(written).toMatch(/^1\. carry livestock;$/m);
    expect(written).toMatch(/^2\. sell tickets to others\. \{#[a-z0-9-]+\}$/m);
    const clauses = statement?.sections.flatMap((section) => section.paragraphs.flatMap((paragraph) => paragraph.clauses.map((clause) => clause.text))) ?? [];
    expect(clauses).toContain('cross the river once a day;');
    expect(clauses).toContain('bring one bicycle;');
    expect(clauses).toContain('carry livestock;');
  });

  it('keeps emphasis and links as markup, never escaped', () => {
    expect(written).toContain('[privacy notice](https://example.org/privacy)');
    expect(written).toContain('**Opt out.**');
    expect(written).toContain('*five*');
    expect(written).not.toContain('\\*');
    expect(written).not.toContain('\\[');
    expect(written).toContain('[^1]: The newsletter is sent once a month.');
  });

  it('keeps the "Last updated" line in the body and says where it went', () => {
    expect(draft.fields.date).toBe('2025-03-03');
    expect(written).toMatch(/^Last updated: March 3, 2025 \{#[a-z0-9-]+\}$/m);
    const report = formatSummary(summarise(draft), 'terms.md');
    expect(report).toMatch(/"Last updated: March 3, 2025" \(line 4\) → front matter date 2025-03-03; the line stays in the body as paragraph \{#last-updated-march-3\}/);
    expect(report).toMatch(/"Tollbridge Terms of Service" \(line 1\) → front matter title/);
  });

  it('reads "Updated", "Last updated" and "Effective" lines, also where the words of a link run into the year, and never takes the word for a place', () => {
    expect(readDateLine('Effective October 8, 2025Previous Version')).toEqual({ date: '2025-10-08' });
    expect(readDateLine('Effective 1 May 2025')).toEqual({ date: '2025-05-01' });
    expect(readDateLine('Updated: June 5, 2025')).toEqual({ date: '2025-06-05' });
    expect(readDateLine('Last updated: 5 June 2025')).toEqual({ date: '2025-06-05' });
  });

  it('with --date, overrides only the front matter date: the line stays as written', () => {
    const overridden = imported(read('terms-2025-03.md'), { ...fields, date: '2025-03-10' });
    expect(overridden.written).toMatch(/^date: "2025-03-10"$/m);
    expect(overridden.written).toMatch(/^Last updated: March 3, 2025 \{#/m);
    expect(overridden.draft.placements.join(' ')).toContain('(overridden by --date)');
  });

  it('guesses the kind terms from a title such as "Terms of Service" when --kind is not given', () => {
    const { series, sourceUrl, sourceLabel } = fields;
    expect(imported(read('terms-2025-03.md'), { series, sourceUrl, sourceLabel }).draft.fields.kind).toBe('terms');
  });

  it('writes no place when the text has none, and a short title from the date', () => {
    expect(written).not.toMatch(/^place:/m);
    expect(draft.fields.shortTitle).toBe('3 March 2025');
    expect(statement?.place).toBe('');
  });
});

describe('invisible characters on import', () => {
  it('replaces word joiners, zero-width characters, soft hyphens and byte order marks, makes no-break spaces plain, and counts each kind', () => {
    const text = '\uFEFF# Terms\n\nLast updated: June 5, 2025\n\nWelcome\u2060 to the ser\u00ADvice,\u00A0friend.\u200B Read on\u200C\u200D.\n';
    const { draft, written } = imported(text);
    expect(written).toContain('Welcome to the service, friend. Read on.');
    expect(written).not.toMatch(/[\u2060\u200B-\u200D\uFEFF\u00AD\u00A0]/u);
    expect(draft.invisible).toEqual({
      'byte order mark / zero width no-break space (U+FEFF)': 1,
      'word joiner (U+2060)': 1,
      'soft hyphen (U+00AD)': 1,
      'no-break space (U+00A0)': 1,
      'zero width space (U+200B)': 1,
      'zero width non-joiner (U+200C)': 1,
      'zero width joiner (U+200D)': 1
    });
    expect(formatSummary(summarise(draft), 'x.md')).toMatch(/invisible +.*1 word joiner \(U\+2060\).*removed/);
  });

  it('also replaces and counts those an HTML page writes as character references', () => {
    const draft = draftStatement(readDocument('page.html', '<h1>Terms</h1><p>May 5, 2025</p><p>One&nbsp;two&#8288;three&shy;four.</p>'), fields);
    expect(draft.invisible).toEqual({ 'word joiner (U+2060)': 1, 'soft hyphen (U+00AD)': 1 });
    expect(toMarkdown(draft)).toContain('One twothreefour.');
  });
});

describe('links from HTML and Word', () => {
  it('are written back as links, so their targets are compared; a link whose words are its address stays text', () => {
    const draft = draftStatement(readDocument('page.html', '<h1>Terms</h1><p>May 5, 2025</p><p>Read the <a href="https://example.org/privacy">privacy notice</a> and <a href="https://example.org/x">https://example.org/x</a>.</p>'), fields);
    const written = toMarkdown(draft);
    expect(written).toContain('Read the [privacy notice](https://example.org/privacy) and https');
    const { statement } = parseStatement({ path: 'statements/page.md', text: written }, { today: '2026-01-01' });
    const texts = statement?.sections.flatMap((section) => section.paragraphs.flatMap((paragraph) => paragraph.clauses.map((clause) => clause.text)));
    expect(texts).toContain('Read the privacy notice <https://example.org/privacy> and https://example.org/x.');
  });
});

describe('what the Markdown reader cannot keep, it says', () => {
  it('turns tables, quotations and code into paragraphs, keeps image text, resolves reference links, and lists each in the report', () => {
    const source = readMarkdown('# T\n\n> Quoted rule.\n\n| a | b |\n| - | - |\n| one | two |\n\n![a map](map.png)\n\nSee [the form][f].\n\n[f]: https://example.org/form\n\n```\nraw words\n```\n');
    const texts = source.blocks.map((block) => block.text);
    expect(texts).toEqual(['Quoted rule.', 'a; b', 'one; two', '[a map]', 'See the form.', 'raw words']);
    expect(source.stripped.join(' | ')).toMatch(/block quotation.*table.*image.*reference-style link.*code block/);
    const link = source.blocks[4]?.nodes?.find((node) => node.type === 'link');
    expect(link).toMatchObject({ type: 'link', url: 'https://example.org/form' });
  });

  it('moves every heading one level down when the document uses `#` for its parts', () => {
    const source = readMarkdown('# Title\n\n# Part one\n\nText.\n\n## Sub\n\nMore.\n');
    expect(source.title).toBe('Title');
    expect(source.blocks.filter((block) => block.type === 'heading').map((block) => block.depth)).toEqual([2, 3]);
  });
});

describe('the id of an imported statement', () => {
  it('comes from the file name, else from title and date', () => {
    expect(defaultStatementId('Terms of Service (2025-06).md', {})).toBe('terms-of-service-2025-06');
    expect(defaultStatementId('index.html', { title: 'Tollbridge Terms of Service', date: '2025-06-05' })).toBe('tollbridge-terms-of-service-2025-06-05');
  });
  it('is taken when a file of the folder holds it, whatever the case of its name', () => {
    expect(takenBy('terms-2025-06', ['terms-2025-03.md', 'Terms-2025-06.MD'])).toBe('Terms-2025-06.MD');
    expect(takenBy('terms-2025-09', ['terms-2025-03.md'])).toBeUndefined();
  });
});

describe('npm run import on a text that holds itself twice', () => {
  it('says which paragraphs repeat which, and keeps both copies', () => {
    const body = ['Widgets are shipped within two days of the order.', 'Fees are due every month by card.', 'You may cancel at any time from your account.', 'We answer every question within ten days.', 'These terms follow the law of the place you live in.', 'Write to us at the address on our help page.'];
    const text = `# Widget terms\n\n${[...body, ...body].join('\n\n')}\n`;
    const { draft } = imported(text, { ...fields, title: 'Widget terms' });
    expect(draft.checks.filter((check) => check.includes('repeat'))).toEqual([
      'paragraphs 7–12 repeat paragraphs 1–6 word for word: does the source hold its text twice (a page saved with two copies)? Both are kept, and a comparison pairs copy with copy; remove one if it is not part of the document.'
    ]);
    // Nothing is dropped: twelve paragraphs, each copy whole.
    expect([...draft.preamble, ...draft.sections.flatMap((section) => section.paragraphs)].filter((paragraph) => paragraph.text.includes('Widgets are shipped'))).toHaveLength(2);
    // Five repeated paragraphs or fewer, or short lines, are no such copy.
    const short = imported(`# Widget terms\n\n${[...body.slice(0, 4), ...body.slice(0, 4)].join('\n\n')}\n`, { ...fields, title: 'Widget terms' });
    expect(short.draft.checks.filter((check) => check.includes('repeat'))).toEqual([]);
  });
});
