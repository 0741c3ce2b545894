import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../src/lib/content/parse.ts';
import { cases, expectFixture, fixturesDir } from './fixtures.ts';

const today = '2026-01-01';

describe('parseStatement(source) on fixture folders', () => {
  for (const name of cases('parse')) {
    it(`parses ${name} as expected.json says`, () => {
      const dir = join(fixturesDir, 'parse', name);
      const result = parseStatement({ path: `${name}.md`, text: readFileSync(join(dir, 'input.md'), 'utf8') }, { today });
      expectFixture(join(dir, 'expected.json'), `${JSON.stringify(result, null, 2)}\n`);
    });
  }
});

const header = `---
title: A statement
shortTitle: Test 2020
date: 2020-01-01
place: Testville
series: test
kind: joint-statement
edition: full
sources:
  - label: Fixture
    url: https://example.org/
---
`;

function parse(body: string) {
  return parseStatement({ path: 'test.md', text: header + body }, { today });
}

function clauseIds(body: string): Record<string, string> {
  const { statement } = parse(body);
  const byId: Record<string, string> = {};
  for (const section of statement?.sections ?? []) {
    for (const paragraph of section.paragraphs) for (const clause of paragraph.clauses) byId[clause.id] = clause.text;
  }
  return byId;
}

describe('parseStatement(source) ids', () => {
  it('gives a paragraph its key and each clause key.n', () => {
    expect(Object.keys(clauseIds('## I. Part {#part}\n\nOne sentence. Another one. {#alpha}\n'))).toEqual(['alpha.1', 'alpha.2']);
  });

  it('keeps the ids of other paragraphs when one paragraph is edited', () => {
    const before = clauseIds('## Part\n\nFirst here. {#a}\n\nSecond here. More. {#b}\n\nThird. {#c}\n');
    const after = clauseIds('## Part\n\nFirst here, now longer. It has two sentences. {#a}\n\nSecond here. More. {#b}\n\nThird. {#c}\n');
    expect(after['b.1']).toBe(before['b.1']);
    expect(after['b.2']).toBe(before['b.2']);
    expect(after['c.1']).toBe(before['c.1']);
    expect(Object.keys(after).filter((id) => id.startsWith('a.'))).toEqual(['a.1', 'a.2']);
  });

  it('keeps the generated ids of unkeyed paragraphs when a paragraph is inserted before them', () => {
    const before = clauseIds('## Part\n\nAn unkeyed paragraph.\n');
    const after = clauseIds('## Part\n\nA new paragraph. {#new}\n\nAn unkeyed paragraph.\n');
    const id = Object.keys(before)[0] ?? '';
    expect(id).toMatch(/^p-[0-9a-f]{8}\.1$/);
    expect(after[id]).toBe('An unkeyed paragraph.');
  });

  it('warns about a paragraph without a key and says what to do', () => {
    const { diagnostics } = parse('## Part\n\nNo key here.\n');
    expect(diagnostics).toEqual([
      expect.objectContaining({ rule: 'paragraph-key-missing', severity: 'warning', line: 15, column: 1, hint: expect.stringContaining('{#') })
    ]);
  });

  it('records the source position of each clause', () => {
    const { statement } = parse('## Part\n\nFirst one. Second one. {#a}\n');
    const clauses = statement?.sections[0]?.paragraphs[0]?.clauses ?? [];
    expect(clauses.map((clause) => [clause.position.line, clause.position.column])).toEqual([[15, 1], [15, 12]]);
    expect(clauses[0]?.position.file).toBe('test.md');
  });

  it('links footnotes both ways, numbered in reading order', () => {
    const { statement } = parse('## Part\n\nOne.[^b] Two.[^a] {#p}\n\n[^a]: Source A.\n[^b]: Source B.\n');
    expect(statement?.footnotes.map((footnote) => [footnote.label, footnote.refs])).toEqual([['b', ['fnref-b-1']], ['a', ['fnref-a-1']]]);
    expect(statement?.sections[0]?.paragraphs[0]?.clauses[1]?.html).toContain('<sup><a href="#fn-a" class="fnref" aria-describedby="footnotes-label" id="fnref-a-1">2</a></sup>');
  });

  it('reads the part number and heading of a section', () => {
    const section = parse('## IV. Regional issues {#regional}\n\nText. {#t}\n').statement?.sections[0];
    expect([section?.number, section?.heading, section?.key]).toEqual(['IV', 'Regional issues', 'regional']);
  });
});

describe('parseStatement(source) sanitises what it renders', () => {
  it('renders a script tag as nothing runnable and reports raw HTML', () => {
    const { statement, diagnostics } = parse('## Part\n\nText <script>alert(1)</script> more. {#x}\n');
    const html = statement?.sections[0]?.paragraphs[0]?.clauses.map((clause) => clause.html).join(' ') ?? '';
    expect(html).not.toMatch(/<script/i);
    expect(diagnostics.map((diagnostic) => diagnostic.rule)).toContain('raw-html');
  });

  it('drops an onerror attribute', () => {
    const { statement } = parse('## Part\n\nAn image <img src=x onerror="alert(1)"> here. {#x}\n');
    const html = statement?.sections[0]?.paragraphs[0]?.clauses.map((clause) => clause.html).join(' ') ?? '';
    expect(html).not.toMatch(/onerror|<img/i);
  });

  it('keeps the text of a javascript: link but not the link, and reports it', () => {
    const { statement, diagnostics } = parse('## Part\n\nSee [this](javascript:alert(1)) now. {#x}\n');
    const html = statement?.sections[0]?.paragraphs[0]?.clauses[0]?.html ?? '';
    expect(html).toBe('See this now.');
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'unsafe-url', line: 15, column: 5 })]);
  });
});

describe('parseStatement: nested lists', () => {
  it('keeps every nested sub-list item as a clause (they used to vanish from the page and the CSV)', async () => {
    const { parseStatement } = await import('../../src/lib/content/parse.ts');
    const text = '---\ntitle: T\nshortTitle: T\ndate: 2020-01-01\nplace: P\nseries: test\nkind: joint-statement\nedition: full\nsources:\n  - label: S\n    url: https://example.org/\n---\n\n- The Parties agreed:\n  - to meet yearly;\n    - in spring;\n  - to write.\n- They parted. {#agreed}\n';
    const { statement, diagnostics } = parseStatement({ path: 'statements/t.md', text });
    expect(diagnostics).toEqual([]);
    const clauses = statement!.sections[0]!.paragraphs[0]!.clauses;
    expect(clauses.map((clause) => clause.text)).toEqual(['The Parties agreed:', 'to meet yearly;', 'in spring;', 'to write.', 'They parted.']);
    expect(clauses.map((clause) => clause.position.line)).toEqual([14, 15, 16, 17, 18]);
  });
});
