import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { align } from '../../src/lib/align/align.ts';
import { applyCorrections, checkCorrections, readCorrections, staleCorrections } from '../../src/lib/content/corrections.ts';
import { clausesOf } from '../../src/lib/analyse/graph.ts';
import { loadCorpus } from '../../src/data/load.ts';
import type { AlignedPair } from '../../src/lib/model/types.ts';
import { fixturesDir } from './fixtures.ts';

// Built afresh before each test, not at load time, so that mutation testing sees which
// tests reach the code (tests/unit/README.md).
async function setup() {
  const corpus = await loadCorpus(join(fixturesDir, 'series-b'));
  const older = corpus.statements.find((statement) => statement.id === '2021-corra')!;
  const newer = corpus.statements.find((statement) => statement.id === '2023-velm')!;
  const pairs = align(clausesOf(older), clausesOf(newer), { formulas: corpus.formulas });
  return { corpus, older, newer, pairs };
}
type Fixture = Awaited<ReturnType<typeof setup>>;
let corpus!: Fixture['corpus'];
let older!: Fixture['older'];
let newer!: Fixture['newer'];
let pairs!: Fixture['pairs'];
beforeEach(async () => {
  ({ corpus, older, newer, pairs } = await setup());
});
const read = (text: string) => readCorrections({ path: 'alignments.yaml', text });
const pairOf = (result: AlignedPair[], side: 'from' | 'to', id: string) => result.filter((pair) => pair[side].includes(id));

describe('readCorrections', () => {
  it('reads force and forbid links with their places', () => {
    const { corrections, diagnostics } = read('- older: 2021-corra\n  newer: 2023-velm\n  force: [["railway.1", "one-river.1"]]\n  forbid:\n    - ["lorn-navigation.1", "lorn-navigation.1"]\n');
    expect(diagnostics).toEqual([]);
    expect(corrections[0]?.force[0]).toMatchObject({ older: 'railway.1', newer: 'one-river.1', position: { file: 'alignments.yaml', line: 3 } });
    expect(corrections[0]?.forbid[0]?.position).toMatchObject({ line: 5, column: 7 });
  });
  it('reports malformed YAML and bad entries at file:line:column', () => {
    expect(read('- older: [a\n').diagnostics[0]).toMatchObject({ rule: 'yaml-malformed', file: 'alignments.yaml' });
    const bad = read('- older: 2021-corra\n  newer: 2023-velm\n  force: [["railway.1"]]\n');
    expect(bad.diagnostics[0]).toMatchObject({ rule: 'correction-invalid', line: 3 });
    expect(read('- older: a\n  newer: b\n  pairs: []\n').diagnostics[0]?.message).toMatch(/pairs/);
  });
  it('checkCorrections names unknown statements and clauses', () => {
    const { corrections } = read('- older: 2021-corra\n  newer: 2023-velm\n  force: [["railway.9", "one-river.1"]]\n- older: 2020-nowhere\n  newer: 2023-velm\n');
    const diagnostics = checkCorrections(corrections, corpus.statements);
    expect(diagnostics.map((d) => `${d.line}:${d.rule}`)).toEqual(['3:correction-unknown-clause', '4:correction-unknown-statement']);
    expect(diagnostics[0]?.message).toMatch(/`railway\.9` is not a clause or paragraph of the older statement `2021-corra`/);
  });
});

describe('applyCorrections', () => {
  it('applyCorrections returns the pairs unchanged when no entry is for this pair', () => {
    const { corrections } = read('- older: 2019-velm\n  newer: 2021-corra\n  forbid: [["railway.1", "railway.1"]]\n');
    expect(applyCorrections(pairs, corrections, older, newer)).toBe(pairs);
  });
  it('applyCorrections cuts a forbidden link into dropped and added, marked edited', () => {
    const { corrections } = read('- older: 2021-corra\n  newer: 2023-velm\n  forbid: [["lorn-navigation.1", "lorn-navigation.1"]]\n');
    const result = applyCorrections(pairs, corrections, older, newer);
    expect(pairOf(result, 'from', 'lorn-navigation.1')).toEqual([{ kind: 'dropped', from: ['lorn-navigation.1'], to: [], score: 0, edited: true }]);
    expect(pairOf(result, 'to', 'lorn-navigation.1')).toEqual([{ kind: 'added', from: [], to: ['lorn-navigation.1'], score: 0, edited: true }]);
    expect(result.filter((pair) => pair.edited)).toHaveLength(2);
  });
  it('applyCorrections forces a link: both clauses leave their old pairs', () => {
    const { corrections } = read('- older: 2021-corra\n  newer: 2023-velm\n  force: [["railway.1", "one-river.1"]]\n');
    const result = applyCorrections(pairs, corrections, older, newer);
    const forced = pairOf(result, 'to', 'one-river.1');
    expect(forced).toHaveLength(1);
    expect(forced[0]).toMatchObject({ from: ['railway.1'], to: ['one-river.1'], kind: 'moved', edited: true });
    expect(forced[0]!.score).toBeGreaterThan(0);
    expect(pairOf(result, 'to', 'railway.1')).toEqual([{ kind: 'added', from: [], to: ['railway.1'], score: 0, edited: true }]);
    // Every clause is still in exactly one pair, and the display order follows the newer statement.
    const newerIds = result.flatMap((pair) => pair.to);
    expect(newerIds).toEqual(clausesOf(newer).map((clause) => clause.id));
    expect(result.flatMap((pair) => pair.from).sort()).toEqual(clausesOf(older).map((clause) => clause.id).sort());
  });
  it('applyCorrections keeps the display order: newer order, a dropped clause after the row holding the older clause before it', () => {
    const { corrections } = read('- older: 2021-corra\n  newer: 2023-velm\n  forbid: [["lorn-navigation.1", "lorn-navigation.1"]]\n  force: [["railway.1", "one-river.1"]]\n');
    const result = applyCorrections(pairs, corrections, older, newer, { formulas: corpus.formulas });
    // Older: relations-nature summits lorn-water lorn-navigation …; lorn-navigation.1 is cut loose,
    // so it follows the row holding lorn-water.1, the older clause before it.
    expect(result.map((pair) => `${pair.kind} ${pair.from.join()}>${pair.to.join()}`)).toEqual([
      'reworded relations-nature.1>relations-nature.1',
      'same summits.1>summits.1',
      'moved railway.1>one-river.1',
      'same lorn-water.1>lorn-water.1',
      'dropped lorn-navigation.1>',
      'same lorn-fisheries.1>lorn-fisheries.1',
      'same lorn-fisheries.2>lorn-fisheries.2',
      'same tariffs.1>tariffs.1',
      'added >lorn-navigation.1',
      'added >railway.1',
      'same customs-post.1>customs-post.1',
    ]);
  });
  it('applyCorrections scores a forced pair as the aligner scores its own pairs (one "% alike" for readers)', () => {
    const aligned = pairOf(pairs, 'to', 'relations-nature.1')[0]!;
    expect(aligned).toMatchObject({ kind: 'reworded', from: ['relations-nature.1'] });
    const { corrections } = read('- older: 2021-corra\n  newer: 2023-velm\n  force: [["relations-nature.1", "relations-nature.1"], ["summits.1", "summits.1"]]\n');
    const result = applyCorrections(pairs, corrections, older, newer, { formulas: corpus.formulas });
    const forced = pairOf(result, 'to', 'relations-nature.1')[0]!;
    expect(forced.edited).toBe(true);
    expect(forced.score).toBeCloseTo(aligned.score, 10);
    expect(pairOf(result, 'to', 'summits.1')[0]).toMatchObject({ kind: 'same', score: 1 });
  });
  it('applyCorrections links paragraphs clause by clause and leaves unedited pairs alone', () => {
    const { corrections } = read('- older: 2021-corra\n  newer: 2023-velm\n  force: [["lorn-fisheries", "lorn-fisheries"]]\n  forbid: [["lorn-fisheries.2", "lorn-fisheries.2"]]\n');
    const result = applyCorrections(pairs, corrections, older, newer);
    expect(pairOf(result, 'to', 'lorn-fisheries.1')[0]).toMatchObject({ from: ['lorn-fisheries.1'], kind: 'same', score: 1, edited: true });
    // Forbid applies first, force after: a link both forbidden and forced ends up forced.
    expect(pairOf(result, 'to', 'lorn-fisheries.2')[0]).toMatchObject({ from: ['lorn-fisheries.2'], edited: true });
    const untouched = result.filter((pair) => !pair.edited);
    expect(untouched.length).toBe(pairs.filter((pair) => !pair.from.some((id) => id.startsWith('lorn-fisheries'))).length);
  });
});

describe('staleCorrections', () => {
  it('warns about a forced pairing the aligner already makes and a forbidden link it does not make, not about a needed one', () => {
    const kept = pairs.find((pair) => pair.kind === 'same' && pair.from.length === 1 && pair.to.length === 1)!;
    // railway.1 → one-river.1 is a link the aligner does not make (see the force test above).
    expect(pairs.some((pair) => pair.from.includes('railway.1') && pair.to.includes('one-river.1'))).toBe(false);
    const yaml = `- older: 2021-corra\n  newer: 2023-velm\n  force:\n    - ["${kept.from[0]}", "${kept.to[0]}"]\n    - ["railway.1", "one-river.1"]\n  forbid:\n    - ["railway.1", "one-river.1"]\n`;
    const { corrections } = read(yaml);
    const warnings = staleCorrections(pairs, corrections, older, newer);
    expect(warnings.map((d) => `${d.line}:${d.rule}:${d.severity}`)).toEqual(['7:correction-redundant:warning', '4:correction-redundant:warning']);
    expect(warnings[0]?.message).toMatch(/does not link railway\.1 to one-river\.1/);
    expect(warnings[1]?.message).toMatch(new RegExp(`already pairs ${kept.from[0]!.replace('.', '\\.')} with`));
    // Another pair of statements: nothing to say.
    expect(staleCorrections(pairs, corrections, newer, older)).toEqual([]);
  });
});
