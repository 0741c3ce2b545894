import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { align } from '../../src/lib/align/align.ts';
import { clausesOf } from '../../src/lib/analyse/graph.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { linksOf, perturb, DEFAULT_RATES } from '../../src/lib/eval/perturb.ts';
import { fixturesDir } from './fixtures.ts';

const errorsOf = (diagnostics: Array<{ severity: string; rule: string; message: string }>) => diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule}: ${d.message}`);

describe('fixture series-b (Arvenia–Belmora)', () => {
  it('loadCorpus reads three statements of one series without errors', async () => {
    const corpus = await loadCorpus(join(fixturesDir, 'series-b'));
    expect(errorsOf(corpus.diagnostics)).toEqual([]);
    expect(corpus.statements.map((statement) => statement.id)).toEqual(['2019-velm', '2021-corra', '2023-velm']);
    expect(corpus.series.map((series) => series.id)).toEqual(['arvenia-belmora']);
  });
  it('align() sees the dropped formula, the added formula and the moved provision', async () => {
    const corpus = await loadCorpus(join(fixturesDir, 'series-b'));
    const [, corra, velm] = corpus.statements;
    const pairs = align(clausesOf(corra!), clausesOf(velm!), { formulas: corpus.formulas });
    const formulasOf = (id: string) => corpus.statements.flatMap((statement) => clausesOf(statement).filter((clause) => clause.formulas.includes(id)).map(() => statement.id));
    expect(formulasOf('no-alliance-no-rivalry')).toEqual(['2019-velm', '2021-corra']);
    expect(formulasOf('one-river-one-future')).toEqual(['2023-velm']);
    expect(pairs.find((pair) => pair.to.includes('one-river.1'))?.kind).toBe('added');
    expect(pairs.find((pair) => pair.from.includes('lorn-navigation.1'))).toMatchObject({ kind: 'moved', to: ['lorn-navigation.1'] });
    expect(pairs.find((pair) => pair.from.includes('relations-nature.1'))?.to).toEqual(['relations-nature.1']);
  });
});

describe('fixture long (10,000 words)', () => {
  it('loadCorpus parses over 400 clauses without errors, and align() recovers a perturbed copy', async () => {
    const corpus = await loadCorpus(join(fixturesDir, 'long'));
    expect(errorsOf(corpus.diagnostics)).toEqual([]);
    const statement = corpus.statements[0]!;
    const clauses = clausesOf(statement);
    const words = clauses.reduce((sum, clause) => sum + clause.text.split(/\s+/).length, 0);
    expect(clauses.length).toBeGreaterThan(400);
    expect(words).toBeGreaterThanOrEqual(10_000);
    const copy = perturb(clauses, DEFAULT_RATES, 7);
    // Its time is a figure of npm run bench, not a limit here: a loaded machine must not fail a unit test.
    const pairs = align(clauses, copy.clauses);
    const found = linksOf(pairs);
    const truth = linksOf(copy.truth);
    const hits = [...found].filter((link) => truth.has(link)).length;
    expect(hits / truth.size).toBeGreaterThan(0.85);
    expect(hits / found.size).toBeGreaterThan(0.85);
  });
});
