import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { align } from '../../src/lib/align/align.ts';
import { clausesOf } from '../../src/lib/analyse/graph.ts';
import { applyKeys, formatProposals, proposeKeys } from '../../src/lib/import/keys-propose.ts';
import { parseStatement } from '../../src/lib/content/parse.ts';
import type { Statement } from '../../src/lib/model/types.ts';
import { fixturesDir } from './fixtures.ts';

const statementsDir = join(fixturesDir, 'series-b', 'statements');
const parse = (name: string, text = readFileSync(join(statementsDir, name), 'utf8')): Statement => {
  const result = parseStatement({ path: `statements/${name}`, text });
  if (!result.statement) throw new Error(`fixture ${name} does not parse`);
  return result.statement;
};
const keysOf = (statement: Statement) => statement.sections.flatMap((section) => section.paragraphs.map((paragraph) => paragraph.key));

// Built afresh before each test, not at load time, so that mutation testing sees which
// tests reach the code (tests/unit/README.md).
function setup() {
  const older = parse('2021-corra.md');
  const newer = parse('2023-velm.md', rekeyed);
  const proposals = proposeKeys(older, newer, align(clausesOf(older), clausesOf(newer)));
  return { older, newer, proposals };
}
type Fixture = ReturnType<typeof setup>;
let older!: Fixture['older'];
let newer!: Fixture['newer'];
let proposals!: Fixture['proposals'];
beforeEach(() => {
  ({ older, newer, proposals } = setup());
});
const original = readFileSync(join(statementsDir, '2023-velm.md'), 'utf8');
// The newer statement as an import leaves it: generated keys, and one paragraph without a key.
const rekeyed = original
  .replace('{#relations-nature}', '{#describe-relations-partnership}')
  .replace('{#lorn-water}', '{#share-water-lorn-river}')
  .replace('{#railway}', '{#build-railway-velm-corra}')
  .replace(' {#summits}', '')
  .replace('{#one-river}', '{#affirm-principle-one-river}');

describe('proposeKeys', () => {
  it('proposeKeys(older, newer) offers the older key of the aligned paragraph', () => {
    const byCurrent = new Map(proposals.map((proposal) => [proposal.current, proposal]));
    expect(byCurrent.get('share-water-lorn-river')).toMatchObject({ proposed: 'lorn-water', score: 1, flags: [] });
    expect(byCurrent.get('build-railway-velm-corra')).toMatchObject({ proposed: 'railway', flags: [] });
    expect(byCurrent.get('describe-relations-partnership')?.proposed).toBe('relations-nature');
    expect(proposals.find((proposal) => !proposal.explicit)?.proposed).toBe('summits');
  });
  it('proposeKeys flags a new provision as unmatched and proposes nothing', () => {
    expect(proposals.find((proposal) => proposal.current === 'affirm-principle-one-river')).toMatchObject({ flags: ['unmatched'] });
    expect(proposals.find((proposal) => proposal.current === 'affirm-principle-one-river')?.proposed).toBeUndefined();
  });
  it('proposeKeys flags a conflict when two newer paragraphs claim one older key', () => {
    // The two sentences of one older paragraph now stand as two paragraphs.
    const split = original.replace('in the Lorn delta. They will publish the catch of each season.[^t] {#lorn-fisheries}', 'in the Lorn delta.[^t] {#fishing-season}\n\nThey will publish the catch of each season. {#fishing-catch}');
    const doubled = parse('2023-velm.md', split);
    const result = proposeKeys(older, doubled, align(clausesOf(older), clausesOf(doubled)));
    const claims = result.filter((proposal) => proposal.proposed === 'lorn-fisheries');
    expect(claims).toHaveLength(2);
    expect(claims.map((proposal) => proposal.flags.includes('conflict'))).toEqual([false, true]);
  });
  it('proposeKeys flags low scores', () => {
    const result = proposeKeys(older, newer, align(clausesOf(older), clausesOf(newer)), { minScore: 0.99 });
    expect(result.find((proposal) => proposal.proposed === 'relations-nature')?.flags).toContain('low-score');
  });
  it('formatProposals writes a reviewable Markdown table', () => {
    const report = formatProposals(proposals, older.id, newer.id);
    expect(report).toMatch(/^# Key proposals for 2023-velm from 2021-corra/);
    expect(report).toMatch(/\| rename \| share-water-lorn-river \| lorn-water \| 1\.00 \|/);
    expect(report).toMatch(/\| review \| affirm-principle-one-river \| {2}\| {2}\| unmatched \|/);
  });
  it('applyKeys rewrites the clean proposals only, and the file still parses', () => {
    const result = applyKeys(rekeyed, newer, proposals);
    const reparsed = parseStatement({ path: 'statements/2023-velm.md', text: result.text });
    expect(reparsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(keysOf(reparsed.statement!)).toEqual(keysOf(parse('2023-velm.md')).map((key) => (key === 'one-river' ? 'affirm-principle-one-river' : key)));
    expect(result.renamed).toBe(4);
  });
});
