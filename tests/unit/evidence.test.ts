import { beforeEach, describe, expect, it } from 'vitest';
import { classifyPairs, marksWithin } from '../../src/lib/analyse/evidence.ts';
import { reportPair } from '../../src/lib/analyse/report.ts';
import type { AlignedPair, RegistrySource, Statement } from '../../src/lib/model/types.ts';
import { parseStatement } from '../../src/lib/content/parse.ts';

// Two small digests written out in full, parsed as the build parses them.
const front = (id: string, date: string, extra = '') => `---
title: ${id}
shortTitle: ${id}
date: ${date}
place: Moscow
series: test
kind: joint-statement
edition: digest
${extra}sources:
  - label: S
    url: https://example.org/${id}
---
`;
// Built afresh before each test, not at load time, so that mutation testing sees which
// tests reach the code (tests/unit/README.md).
function setup() {
const older = parse('2024-a', `${front('2024-a', '2024-05-16')}
## Security {#security}

Russia recognises Taiwan as "an inalienable part of China".[^tass-2024] {#taiwan}

The Parties say the formula "no alliance, no confrontation" applies.[^xinhua-2024] {#relations}

The Parties discuss the Arctic.[^tass-2024] {#arctic}

The Parties value culture and "people-to-people exchange".[^xinhua-2024] {#culture}

[^tass-2024]: TASS, 2024.
[^xinhua-2024]: Xinhua, 2024.
`);
const newer = parse('2025-b', `${front('2025-b', '2025-05-08', `omissions:
  - key: relations
    note: A source says this one does not repeat the formula.
    source: diplomat
changes:
  - key: culture
    note: A source says the culture passage changed.
    source: diplomat
`)}
## Security {#security}

Russia recognises Taiwan as "an inalienable part of its territory".[^tass-2025] {#taiwan}

The Parties discuss the Arctic region at length.[^tass-2025] {#arctic}

The Parties value culture and "exchanges between peoples".[^diplomat] {#culture}

The Parties praise space cooperation.[^tass-2025] {#space}

[^tass-2025]: TASS, 2025.
[^diplomat]: The Diplomat, 2025.
`);
  return { older, newer };
}
type Fixture = ReturnType<typeof setup>;
let older!: Fixture['older'];
let newer!: Fixture['newer'];
beforeEach(() => {
  ({ older, newer } = setup());
});
const source = (id: string, follows: string | undefined, statements: string[], kind: RegistrySource['kind'] = 'wire'): RegistrySource => ({ id, label: id, url: `https://example.org/${id}`, kind, lang: 'en', statements, position: { file: 'sources.yaml', line: 1, column: 1 }, ...(follows ? { follows } : {}) });

function parse(id: string, text: string): Statement {
  const result = parseStatement({ path: `statements/${id}.md`, text }, { today: '2026-01-01' });
  if (!result.statement) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.statement;
}
const pair = (kind: AlignedPair['kind'], from: string[], to: string[]): AlignedPair => ({ kind, from, to, score: from.length && to.length ? 0.8 : 0 });
const pairs: AlignedPair[] = [
  pair('reworded', ['taiwan.1'], ['taiwan.1']),
  pair('dropped', ['relations.1'], []),
  pair('reworded', ['arctic.1'], ['arctic.1']),
  pair('reworded', ['culture.1'], ['culture.1']),
  pair('added', [], ['space.1'])
];

describe('classifyPairs()', () => {
  it('binds each quote to the footnote cited after it', () => {
    const clause = older.sections[0]!.paragraphs[0]!.clauses[0]!;
    expect(clause.quotes).toEqual([{ text: 'an inalienable part of China', start: 29, end: 57, cites: ['tass-2024'] }]);
  });

  it('calls a change only where quotes of the same rendering differ', () => {
    const same = new Map([source('tass-2024', 'tass-en', ['2024-a']), source('tass-2025', 'tass-en', ['2025-b'])].map((s) => [s.id, s]));
    const evidence = classifyPairs(pairs, { older, newer, registry: same, companions: [] });
    expect(evidence[0]).toMatchObject({ class: 'changed', basis: 'quotes', marks: { older: [[29, 57]], newer: [[29, 65]] } });
  });

  it('keeps a provision whose quotes follow different translations, and says so', () => {
    const different = new Map([source('tass-2024', 'tass-en', ['2024-a']), source('tass-2025', 'xinhua-en', ['2025-b'])].map((s) => [s.id, s]));
    const evidence = classifyPairs(pairs, { older, newer, registry: different, companions: [] });
    expect(evidence[0]).toMatchObject({ class: 'kept', basis: 'translations', marks: 'none', renderings: { older: ['tass-en'], newer: ['xinhua-en'] } });
  });

  it('keeps a provision whose paraphrase alone differs', () => {
    const evidence = classifyPairs(pairs, { older, newer, registry: new Map(), companions: [] });
    expect(evidence[2]).toMatchObject({ class: 'kept', basis: 'paraphrase', marks: 'none' });
  });

  it('drops only what a source documents, and says "not documented" otherwise', () => {
    const evidence = classifyPairs(pairs, { older, newer, registry: new Map(), companions: [] });
    expect(evidence[1]).toMatchObject({ class: 'dropped', basis: 'documented' });
    expect(evidence[1]!.documented?.source).toBe('diplomat');
    const withoutOmission = classifyPairs(pairs, { older, newer: { ...newer, omissions: [] }, registry: new Map(), companions: [] });
    expect(withoutOmission[1]).toMatchObject({ class: 'undocumented', side: 'newer' });
    expect(evidence[4]).toMatchObject({ class: 'undocumented', side: 'older' });
  });

  it('calls a change that a source documents changed, even without comparable quotes', () => {
    const evidence = classifyPairs(pairs, { older, newer, registry: new Map(), companions: [] });
    expect(evidence[3]).toMatchObject({ class: 'changed', basis: 'documented', marks: 'none' });
  });

  it('moves a provision to a statement signed the same day that has its key', () => {
    const companion: Statement = { ...newer, id: '2025-c', kind: 'strategic-stability', sections: [{ ...older.sections[0]!, paragraphs: [older.sections[0]!.paragraphs[1]!] }], omissions: [] };
    const evidence = classifyPairs(pairs, { older, newer: { ...newer, omissions: [] }, registry: new Map(), companions: [companion] });
    expect(evidence[1]).toMatchObject({ class: 'moved-to', statement: '2025-c' });
  });

  it('takes absence as evidence when the statement is complete', () => {
    const evidence = classifyPairs(pairs, { older: { ...older, complete: true }, newer: { ...newer, omissions: [], complete: true }, registry: new Map(), companions: [] });
    expect(evidence[1]).toMatchObject({ class: 'dropped', basis: 'complete' });
    expect(evidence[4]).toMatchObject({ class: 'added', basis: 'complete' });
  });

  it('treats two full texts as one witness: every difference is a change', () => {
    const evidence = classifyPairs(pairs, { older: { ...older, edition: 'full' }, newer: { ...newer, edition: 'full' }, registry: new Map(), companions: [] });
    expect(evidence[2]).toMatchObject({ class: 'changed', basis: 'full-text', marks: 'all' });
  });

  it('claims a move only between documented placements', () => {
    const moved = [pair('moved', ['arctic.1'], ['arctic.1'])];
    expect(classifyPairs(moved, { older, newer, registry: new Map(), companions: [] })[0]!.moved).toBe(false);
    const documented = (statement: Statement): Statement => ({ ...statement, sections: statement.sections.map((section) => ({ ...section, placement: 'documented' as const })) });
    expect(classifyPairs(moved, { older: documented(older), newer: documented(newer), registry: new Map(), companions: [] })[0]!.moved).toBe(true);
  });
});

describe('marksWithin()', () => {
  const parts = [{ op: 'equal' as const, text: 'The Parties ' }, { op: 'delete' as const, text: 'firmly' }, { op: 'equal' as const, text: ' back "an ' }, { op: 'delete' as const, text: 'inalienable' }, { op: 'equal' as const, text: ' part"' }];
  it('keeps marks inside the evidence and shows the rest as plain text', () => {
    // "an inalienable part" spans 24–43 of the joined text.
    expect(marksWithin(parts, { older: [[24, 43]], newer: [] }, 'older')).toEqual([
      { op: 'equal', text: 'The Parties firmly back "an ' },
      { op: 'delete', text: 'inalienable' },
      { op: 'equal', text: ' part"' }
    ]);
  });
  it('shows no marks without evidence, and every mark for full texts', () => {
    expect(marksWithin(parts, 'none', 'older')).toEqual([{ op: 'equal', text: 'The Parties firmly back "an inalienable part"' }]);
    expect(marksWithin(parts, 'all', 'older')).toEqual(parts);
  });
});

describe('reportPair() with evidence', () => {
  it('headlines what sources document and nothing the evidence does not support', () => {
    const evidence = classifyPairs(pairs, { older, newer, registry: new Map(), companions: [] });
    const report = reportPair(older, newer, pairs, [], [], [older], [], evidence);
    expect(report.counts).toEqual({ kept: 2, changed: 1, dropped: 1, added: 0, 'moved-to': 0, undocumented: 1 });
    expect(report.headlines.map((headline) => headline.text)).toEqual(['2025-b: A source says this one does not repeat the formula.', '2025-b: A source says the culture passage changed.']);
  });
});
