import { beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { analyse, type CompareRow } from '../../src/data/analysis.ts';
import { comparePair } from '../../src/lib/analyse/compare-rows.ts';
import { nodeId } from '../../src/lib/analyse/graph.ts';
import { toCompareContextJson, toStatementFileJson, type CompareContextFile, type StatementFile } from '../../src/lib/export/compare-data.ts';

const view = (row: CompareRow) => ({ id: row.id, kind: row.kind, anchors: row.anchors, from: row.from.map((c) => c.id), to: row.to.map((c) => c.id), older: row.older, newer: row.newer, score: row.score, topics: row.topics, formulas: row.formulas, lineage: row.lineage, link: row.link, evidence: row.evidence });

// What a browser computes from the open data files alone equals what the build computed from the content:
// on series-b (full texts, words marked) and on the shipped digest (registry, quotes, same-day statements).
// Built in the first test, not at load time, so that mutation testing sees which tests reach the code (tests/unit/README.md).
async function setup(dir: string) {
  const corpus = await loadCorpus(dir);
  const analysis = analyse(corpus);
  const context = JSON.parse(toCompareContextJson(analysis.series.map((s) => ({ id: s.series.id, title: s.series.title, statements: s.statements })), corpus.formulas, corpus.topics, corpus.corrections, corpus.registry)) as CompareContextFile;
  const files = new Map(analysis.series.flatMap((s) => s.statements).map((statement) => [statement.id, JSON.parse(toStatementFileJson(statement, (clause) => analysis.lineageOf(nodeId(statement.id, clause))?.id)) as StatementFile]));
  // Every pair the site prebuilds (here, every pair: both corpora are small).
  const comparisons = analysis.series.flatMap((s) => s.pairs.map((pair) => analysis.comparison(pair.older.id, pair.newer.id)!));

  return { corpus, analysis, context, files, comparisons };
}

for (const dir of ['tests/fixtures/series-b', 'content']) {
  let fixture!: Awaited<ReturnType<typeof setup>>;
  describe(`open data for comparing in the browser (${dir})`, () => {
    beforeEach(async () => {
      fixture ??= await setup(dir);
    });
    it('the corpus has pairs, and series-b marks words', () => {
      const { comparisons } = fixture;
      expect(comparisons.length).toBeGreaterThan(1);
      if (dir.includes('series-b')) expect(comparisons.some((c) => c.sections.some((section) => section.rows.some((row) => row.older.some((part) => part.op === 'delete'))))).toBe(true);
    });

    it('every pair from the data files gives the build’s rows', () => {
      const { comparisons, analysis, files, context } = fixture;
      for (const { older: { id: olderId }, newer: { id: newerId } } of comparisons) {
        const built = analysis.comparison(olderId, newerId)!;
        const older = files.get(olderId)!;
        const newer = files.get(newerId)!;
        const lineages = new Map([older, newer].flatMap((file) => Object.entries(file.lineages).map(([clause, lineage]) => [nodeId(file.statement.id, clause), lineage] as const)));
        const series = context.series.find((s) => s.statements.some((st) => st.id === newerId))!;
        const date = series.statements.find((st) => st.id === newerId)!.date;
        const companions = series.statements.filter((st) => st.date === date && st.id !== newerId && st.id !== olderId).map((st) => files.get(st.id)!.statement);
        const computed = comparePair(older.statement, newer.statement, { formulas: context.formulas, corrections: context.corrections, registry: new Map(context.registry.map((entry) => [entry.id, entry])), companions, lineageOf: (node) => lineages.get(node) });
        expect(computed.sections.map((section) => ({ ...section, rows: section.rows.map(view) })), `${olderId} → ${newerId}`).toEqual(built.sections.map((section) => ({ ...section, rows: section.rows.map(view) })));
        expect(computed.droppedSections, `${olderId} → ${newerId}`).toEqual(built.droppedSections);
      }
    });

    it('statement files carry no rendered HTML', () => {
      for (const file of fixture.files.values()) {
        expect(file.statement.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.clauses)).every((clause) => clause.html === '')).toBe(true);
        expect(file.statement.footnotes.every((footnote) => footnote.html === '')).toBe(true);
      }
    });
  });
}
