import { beforeEach, describe, expect, it } from 'vitest';
import { checkOmissions, contradictedOmissions, omissionsFor } from '../../src/lib/content/omissions.ts';
import { parseStatement } from '../../src/lib/content/parse.ts';
import type { Statement } from '../../src/lib/model/types.ts';

const file = (date: string, frontMatterExtra: string, body: string): string => `---
title: Joint Statement of Testland and Exampleia
shortTitle: Test ${date.slice(0, 4)}
date: ${date}
place: Testville
series: test
kind: joint-statement
edition: digest
${frontMatterExtra}sources:
  - label: Invented fixture
    url: https://example.org/statement
---

## I. Part {#part}

${body}
`;

const parse = (path: string, text: string): Statement => {
  const result = parseStatement({ path, text }, { today: '2030-01-01' });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.statement!;
};

// Built afresh before each test, not at load time, so that mutation testing sees which
// tests reach the code (tests/unit/README.md).
function setup() {
  const older = parse('statements/test-2019.md', file('2019-05-01', '', 'The Parties are not an alliance.[^a] They trade.[^a] {#nature}\n\n[^a]: Fixture A, 2019, <https://example.org/a>.'));
  const newer = parse(
    'statements/test-2020.md',
    file('2020-05-01', 'omissions:\n  - key: nature\n    note: It no longer says the two are not an alliance.\n    source: analyst\n', 'The Parties trade.[^a] {#trade}\n\n[^a]: Fixture A, 2020, <https://example.org/a>.\n\n[^analyst]: An analyst, 2020, <https://example.org/analysis>.')
  );
  return { older, newer };
}
type Fixture = ReturnType<typeof setup>;
let older!: Fixture['older'];
let newer!: Fixture['newer'];
beforeEach(() => {
  ({ older, newer } = setup());
});

describe('documented omissions', () => {
  it('parseStatement() reads omissions with their place in the front matter, and counts the cited footnote as used', () => {
    expect(newer.omissions).toEqual([{ key: 'nature', note: 'It no longer says the two are not an alliance.', source: 'analyst', position: { file: 'statements/test-2020.md', line: 10, column: 5 } }]);
    expect(newer.footnotes.map((footnote) => footnote.label)).toContain('analyst');
  });

  it('checkOmissions() accepts a key of an earlier statement and refuses one no earlier statement has', () => {
    expect(checkOmissions([older, newer])).toEqual([]);
    const wrong = { ...newer, omissions: [{ ...newer.omissions![0]!, key: 'trade' }] };
    expect(checkOmissions([older, wrong]).map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['10:5 omission-key-unknown']);
  });

  it('omissionsFor() matches a paragraph key or a clause id', () => {
    const nature = older.sections[0]!.paragraphs[0]!.clauses;
    expect(omissionsFor(newer, nature).map((o) => o.key)).toEqual(['nature']);
    const clauseLevel = { ...newer, omissions: [{ ...newer.omissions![0]!, key: 'nature.2' }] };
    expect(omissionsFor(clauseLevel, [nature[0]!])).toEqual([]);
    expect(omissionsFor(clauseLevel, [nature[1]!]).map((o) => o.key)).toEqual(['nature.2']);
  });

  it('contradictedOmissions() flags a clause a source says is left out when the pairing links it, and nothing else', () => {
    const clauseLevel = { ...newer, omissions: [{ ...newer.omissions![0]!, key: 'nature.1' }] };
    const linked = contradictedOmissions(clauseLevel, older, [{ from: ['nature.1'], to: ['trade.1'] }]);
    expect(linked.map((d) => `${d.line}:${d.column} ${d.rule} ${d.severity}`)).toEqual(['10:5 omission-contradicted error']);
    expect(linked[0]?.hint).toContain('forbid: [["nature.1", "trade.1"]]');
    // Dropped as the source says: nothing to report; a paragraph-level omission is not checked clause by clause.
    expect(contradictedOmissions(clauseLevel, older, [{ from: ['nature.1'], to: [] }, { from: ['nature.2'], to: ['trade.1'] }])).toEqual([]);
    expect(contradictedOmissions(newer, older, [{ from: ['nature.1'], to: ['trade.1'] }])).toEqual([]);
  });
});
