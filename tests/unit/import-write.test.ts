import { beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { toMarkdown, type Draft } from '../../src/lib/import/draft.ts';
import { parseStatement } from '../../src/lib/content/parse.ts';

// Texts that look like Markdown or YAML syntax but are plain words of a statement.
const tricky = [
  'The *parties* agree_to cooperate on [trade](nowhere) and <b>energy</b>.',
  '12. This paragraph opens like a numbered list item.',
  '# This one opens like a heading, and ends with {#not-a-key} braces.',
  '- It opens like a list item | with a pipe ~~and tildes~~ and a \\ backslash.',
  '> It opens like a quote and mentions https://example.org/a_b_c and `code`.',
];

function draftOf(texts: string[], fields: Draft['fields']): Draft {
  return {
    fields,
    origins: {},
    preamble: [],
    sections: [{ key: 'main', number: 'I', heading: 'Heading with *stars* and {#braces}', paragraphs: texts.map((text, k) => ({ key: `p${k + 1}`, text })) }],
    footnotes: [],
    checks: [],
    stripped: [],
    placements: [],
    invisible: {},
  };
}

const complete: Draft['fields'] = {
  title: 'Joint Statement: on "Cooperation" # 1', shortTitle: 'Yes', date: '2025-05-08', place: 'No', series: 'calvora-dunmere',
  kind: 'joint-statement', edition: 'full', sourceLabel: 'true', sourceUrl: 'https://example.org/a?b=c#d',
};

describe('toMarkdown writes what the content parser reads back unchanged', () => {
  // Built afresh before each test, not at load time (tests/unit/README.md).
  function setup() {
    const markdown = toMarkdown(draftOf(tricky, complete));
    const { statement, diagnostics } = parseStatement({ path: 'statements/2025-x.md', text: markdown }, { today: '2100-01-01' });
    return { markdown, statement, diagnostics };
  }
  type Fixture = ReturnType<typeof setup>;
  let markdown!: Fixture['markdown'];
  let statement!: Fixture['statement'];
  let diagnostics!: Fixture['diagnostics'];
  beforeEach(() => {
    ({ markdown, statement, diagnostics } = setup());
  });
  it('parses without errors', () => {
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  });
  it('keeps every paragraph text as plain words, under its key', () => {
    const paragraphs = statement!.sections[0]!.paragraphs;
    expect(paragraphs.map((paragraph) => paragraph.key)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(paragraphs.map((paragraph) => paragraph.clauses.map((clause) => clause.text).join(' '))).toEqual(tricky);
  });
  it('keeps the heading text', () => {
    expect(statement!.sections[0]!.heading).toBe('Heading with *stars* and {#braces}');
  });
  it('writes front matter values as strings, whatever they look like', () => {
    const front = parseYaml(markdown.split('---')[1]!) as Record<string, unknown>;
    expect(front).toMatchObject({ title: 'Joint Statement: on "Cooperation" # 1', shortTitle: 'Yes', date: '2025-05-08', place: 'No', sources: [{ label: 'true', url: 'https://example.org/a?b=c#d' }] });
  });
});
