import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkConcordance, concordanceAgreement, concordanceLinks, continuedCounts, readConcordance, unreviewedLinks } from '../../src/lib/content/concordance.ts';
import { goldLinks, possibleLinks, prf, scoreAgainstKeys } from '../../src/lib/eval/evaluate.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { fixturesDir } from './fixtures.ts';

// Built afresh before each test, not at load time, so that mutation testing sees which
// tests reach the code (tests/unit/README.md).
async function setup() {
  const corpus = await loadCorpus(join(fixturesDir, 'series-b'));
  const older = corpus.statements.find((statement) => statement.id === '2021-corra')!;
  const newer = corpus.statements.find((statement) => statement.id === '2023-velm')!;
  return { corpus, older, newer };
}
type Fixture = Awaited<ReturnType<typeof setup>>;
let corpus!: Fixture['corpus'];
let older!: Fixture['older'];
let newer!: Fixture['newer'];
beforeEach(async () => {
  ({ corpus, older, newer } = await setup());
});
const read = (text: string) => readConcordance({ path: 'concordance.yaml', text });
const arrows = (links: Set<string>) => [...links].map((link) => link.replace('\u0000', '→')).sort();

describe('readConcordance', () => {
  it('reads each pair with the place it was written', () => {
    const { concordance, diagnostics } = read('- older: 2021-corra\n  newer: 2023-velm\n  pairs:\n    - [lorn-water, one-river]\n');
    expect(diagnostics).toEqual([]);
    expect(concordance[0]?.pairs[0]).toEqual({ older: 'lorn-water', newer: 'one-river', position: { file: 'concordance.yaml', line: 4, column: 7 } });
  });
  it('reports an entry without pairs, or a pair with one key, at its line', () => {
    expect(read('- older: 2021-corra\n  newer: 2023-velm\n  pairs: []\n').diagnostics[0]).toMatchObject({ rule: 'concordance-invalid', line: 3 });
    expect(read('- older: 2021-corra\n  newer: 2023-velm\n  pairs:\n    - [river]\n').diagnostics[0]).toMatchObject({ rule: 'concordance-invalid', line: 4 });
    expect(read('older: 2021-corra\n').diagnostics[0]).toMatchObject({ rule: 'yaml-not-a-list', line: 1 });
  });
  it('is empty without a file', () => {
    expect(readConcordance(undefined)).toEqual({ concordance: [], diagnostics: [] });
  });
});

describe('checkConcordance', () => {
  it('names unknown statements, clause ids instead of keys, equal keys and reversed order', () => {
    const { concordance } = read(
      '- older: 2021-corra\n  newer: 2023-velm\n  pairs:\n    - [lorn-water.1, one-river]\n    - [tariffs, tariffs]\n    - [lorn-water, one-river]\n- older: 2023-velm\n  newer: 2021-corra\n  pairs: [[one-river, lorn-water]]\n- older: 2020-nowhere\n  newer: 2023-velm\n  pairs: [[lorn-water, one-river]]\n'
    );
    const diagnostics = checkConcordance(concordance, corpus.statements);
    expect(diagnostics.map((d) => `${d.line}:${d.rule}`)).toEqual(['4:concordance-unknown-key', '5:concordance-same-key', '7:concordance-order', '10:concordance-unknown-statement']);
    expect(diagnostics[0]?.message).toMatch(/`lorn-water\.1` is not the key of a paragraph of the older statement `2021-corra`/);
  });
});

describe('the concordance in the gold (sure and possible links)', () => {
  const { concordance } = read('- older: 2021-corra\n  newer: 2023-velm\n  pairs:\n    - [lorn-water, one-river]\n');
  it('adds its pairs to the possible links, for its own pair of statements only', () => {
    expect(arrows(concordanceLinks(concordance, older, newer))).toEqual(['lorn-water→one-river']);
    expect(concordanceLinks(concordance, newer, older).size).toBe(0);
    expect(arrows(possibleLinks(older, newer, concordance))).toEqual([...arrows(goldLinks(older, newer)), 'lorn-water→one-river'].sort());
    expect(arrows(goldLinks(older, newer))).not.toContain('lorn-water→one-river');
  });
  it('makes a link between differently keyed paragraphs right for precision, and never required for recall', () => {
    const sure = goldLinks(older, newer).size;
    const link = [{ from: ['lorn-water.1'], to: ['one-river.1'] }];
    expect(scoreAgainstKeys(link, older, newer)).toEqual({ tp: 0, possible: 0, fp: 1, fn: sure });
    expect(scoreAgainstKeys(link, older, newer, concordance)).toEqual({ tp: 0, possible: 1, fp: 0, fn: sure });
    // No links at all: recall is the same with or without the concordance.
    expect(prf(scoreAgainstKeys([], older, newer, concordance)).r).toBe(prf(scoreAgainstKeys([], older, newer)).r);
    const same = [{ from: ['lorn-water.1'], to: ['lorn-water.1'] }];
    expect(prf(scoreAgainstKeys([...same, ...link], older, newer, concordance))).toMatchObject({ p: 1, r: 1 / sure });
  });
});

describe('concordanceAgreement', () => {
  it('counts the pairs of two annotations, those both hold, and their F1', () => {
    const a = read('- older: 2021-corra\n  newer: 2023-velm\n  pairs:\n    - [lorn-water, one-river]\n    - [tariffs, trade]\n').concordance;
    const b = read('- older: 2021-corra\n  newer: 2023-velm\n  pairs:\n    - [lorn-water, one-river]\n- older: 2019-velm\n  newer: 2021-corra\n  pairs:\n    - [lorn-water, one-river]\n').concordance;
    // The same keys for another pair of statements is another pair.
    expect(concordanceAgreement(a, b)).toEqual({ a: 2, b: 2, both: 1, f1: 0.5 });
    expect(concordanceAgreement(a, a).f1).toBe(1);
    expect(concordanceAgreement([], []).f1).toBe(1);
  });
});

describe('unreviewedLinks', () => {
  const links = [
    { kind: 'moved' as const, from: ['lorn-water.1'], to: ['one-river.1'], score: 0.4 },
    { kind: 'same' as const, from: ['tariffs.1'], to: ['tariffs.1'], score: 1 }
  ];
  it('warns about a row joining differently keyed paragraphs that the concordance does not list, at the newer clause', () => {
    const diagnostics = unreviewedLinks(links, older, newer, []);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'link-not-in-concordance', severity: 'warning', file: newer.file });
    expect(diagnostics[0]?.line).toBe(newer.sections.flatMap((section) => section.paragraphs).find((paragraph) => paragraph.key === 'one-river')?.position.line);
    expect(diagnostics[0]?.hint).toMatch(/add the pair to concordance\.yaml .*forbid \[lorn-water\.1, one-river\.1\]/);
  });
  it('is quiet when the concordance lists the pair, and for equal keys', () => {
    const { concordance } = read('- older: 2021-corra\n  newer: 2023-velm\n  pairs:\n    - [lorn-water, one-river]\n');
    expect(unreviewedLinks(links, older, newer, concordance)).toEqual([]);
    expect(unreviewedLinks([links[1]!], older, newer, [])).toEqual([]);
  });
});

describe('continuedCounts', () => {
  it('counts dropped pairs whose paragraph continues in a newer one, and added pairs that continue an older one', () => {
    const { concordance } = read('- older: 2021-corra\n  newer: 2023-velm\n  pairs:\n    - [lorn-water, one-river]\n');
    const pairs = [
      { kind: 'dropped' as const, from: ['lorn-water.1'], to: [], score: 0 },
      { kind: 'dropped' as const, from: ['tariffs.1'], to: [], score: 0 },
      { kind: 'added' as const, from: [], to: ['one-river.1'], score: 0 },
      { kind: 'added' as const, from: [], to: ['customs-post.1'], score: 0 }
    ];
    expect(continuedCounts(pairs, older, newer, concordance)).toEqual({ dropped: 1, added: 1 });
    expect(continuedCounts(pairs, older, newer, [])).toEqual({ dropped: 0, added: 0 });
  });
});
