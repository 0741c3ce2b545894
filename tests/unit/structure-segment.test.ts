/**
 * Bold lead-ins and list labels stay with their paragraph's first clause (issue 15), and the
 * shipped corpus keeps every published clause id.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segment } from '../../src/lib/content/segment.ts';
import { parseStatement } from '../../src/lib/content/parse.ts';
import { loadCorpus } from '../../src/data/load.ts';

const clauses = (text: string, leadIn = 0) => segment(text, { leadIn }).map((span) => text.slice(span.start, span.end));

const front = `---\ntitle: Terms\nshortTitle: Terms\ndate: 2024-01-01\nplace: Online\nseries: terms\nkind: treaty\nedition: full\nsources:\n  - label: The service\n    url: https://example.org/terms\n---\n`;
const parsed = (body: string) => {
  const result = parseStatement({ path: 'statements/terms.md', text: front + body }, { today: '2026-01-01' });
  return result.statement!.sections.flatMap((section) => section.paragraphs.flatMap((paragraph) => paragraph.clauses.map((clause) => clause.text)));
};

describe('labels join the first sentence', () => {
  it('joins a list label and a title-case label', () => {
    expect(clauses('(a) License. We grant you a licence to use the service.')).toEqual(['(a) License. We grant you a licence to use the service.']);
    expect(clauses('2. Fees. You pay monthly. We bill you.')).toEqual(['2. Fees. You pay monthly.', 'We bill you.']);
    expect(clauses('Governing Law. The law of the land applies.')).toEqual(['Governing Law. The law of the land applies.']);
  });

  it('keeps a short real sentence apart', () => {
    expect(clauses('The Parties met. They agreed.')).toEqual(['The Parties met.', 'They agreed.']);
    expect(clauses('One. Two.')).toEqual(['One.', 'Two.']);
  });

  it('joins a bold lead-in of any case, up to twelve words', () => {
    const text = 'Opt out of training. You can opt out at any time.';
    expect(clauses(text)).toHaveLength(2);
    expect(clauses(text, 'Opt out of training.'.length)).toEqual([text]);
    const long = 'This lead-in runs on for far more than twelve words before it ever ends at all. Then a sentence.';
    expect(clauses(long, long.indexOf(' Then'))).toHaveLength(2);
  });

  it('parses **Termination.** and *Opt out.* lead-ins into the first clause, in paragraphs and list items', () => {
    expect(parsed('## Terms\n\n**Termination.** We may end the service. You may leave.\n')).toEqual(['Termination. We may end the service.', 'You may leave.']);
    expect(parsed('## Terms\n\n- *Opt out.* You may opt out.\n- **Access.** You may see your data.\n')).toEqual(['Opt out. You may opt out.', 'Access. You may see your data.']);
  });

  it('keeps a paragraph that is all bold as a line of its own', () => {
    expect(parsed('## Terms\n\n**Termination of the agreement by us.**\n\nWe may end it.\n')).toEqual(['Termination of the agreement by us.', 'We may end it.']);
  });
});

describe('the shipped corpus keeps its clause ids', () => {
  it('every published statement anchor is still a section, paragraph or clause of that statement', async () => {
    const corpus = await loadCorpus(new URL('../../content/', import.meta.url).pathname);
    const ids = new Map(corpus.statements.map((statement) => [statement.id, new Set(statement.sections.flatMap((section) => [section.key, ...section.paragraphs.flatMap((paragraph) => [paragraph.key, ...paragraph.clauses.map((clause) => clause.id)])]))]));
    const lines = readFileSync(new URL('../permalinks.txt', import.meta.url), 'utf8').split('\n').filter((line) => /^\/statements\/[^/]+\/#/.test(line));
    expect(lines.length).toBeGreaterThan(100);
    const missing = lines.filter((line) => {
      const [, id = '', anchor = ''] = /^\/statements\/([^/]+)\/#(.+)$/.exec(line) ?? [];
      return !ids.get(id)?.has(decodeURIComponent(anchor));
    });
    expect(missing).toEqual([]);
  }, 120_000);
});

describe('labels of real contracts', () => {
  it('joins a numbered bold lead-in the segmenter cuts in two, and multi-level numbers', () => {
    const text = '1.1. Customer Infrastructure. Any use on your own servers needs our written consent. It is billed.';
    expect(clauses(text, '1.1. Customer Infrastructure.'.length)).toEqual(['1.1. Customer Infrastructure. Any use on your own servers needs our written consent.', 'It is billed.']);
    expect(clauses('2.3. Taxes. Fees exclude taxes. We add them.')).toEqual(['2.3. Taxes. Fees exclude taxes.', 'We add them.']);
  });

  it('joins a one-word label of five letters or more, not a short word', () => {
    expect(clauses('Assignment. Neither party may assign these terms. Both agree.')).toEqual(['Assignment. Neither party may assign these terms.', 'Both agree.']);
    expect(clauses('Yes. We agree.')).toEqual(['Yes.', 'We agree.']);
  });
});
