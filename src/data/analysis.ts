/**
 * The analysis of the build, computed once and shared by every page and data
 * file: for every series, every ordered pair of its statements aligned and
 * diffed, the clause graph, the pair reports, and the rows of each compare page.
 * Pages only render from it.
 */
import { writeFileSync } from 'node:fs';
import { getCorpus } from './corpus.ts';
import type { Corpus } from './load.ts';
import type { Series } from '../lib/content/series.ts';
import type { AlignedPair, ClauseGraph, Lineage, PairReport, Statement } from '../lib/model/types.ts';
import { buildGraph, byDateThenId, linkedPairs } from '../lib/analyse/graph.ts';
import { reportPair } from '../lib/analyse/report.ts';
import { classifyPairs, type RowEvidence } from '../lib/analyse/evidence.ts';
import { alignPair, compareRows, type CompareSection, type DroppedSection } from '../lib/analyse/compare-rows.ts';
import { rowCounts } from '../lib/analyse/compare-headings.ts';
import type { SeriesData } from '../lib/export/open-data.ts';

// The rows of a compare page live in src/lib/analyse/compare-rows.ts, which the browser runs too.
export { isClaimedChange, tidy, type CompareRow, type CompareSection, type DroppedSection, type RowKind } from '../lib/analyse/compare-rows.ts';

/** Everything a compare page shows. */
export type Comparison = {
  older: Statement;
  newer: Statement;
  /** The pairs the site shows: the aligner's, with the editors' corrections applied. */
  pairs: AlignedPair[];
  /** The aligner's own pairs, before any correction (for the method page's figures). */
  alignerPairs: AlignedPair[];
  report: PairReport;
  /** The evidence of each pair, in the order of `pairs`. */
  evidence: RowEvidence[];
  sections: CompareSection[];
  droppedSections: DroppedSection[];
};

/** The analysis of one series. */
export type SeriesAnalysis = {
  series: Series;
  /** Statements in date order. */
  statements: Statement[];
  graph: ClauseGraph;
  /** Every ordered pair (older before newer in series order). */
  comparisons: Comparison[];
};

/** The analysis of the corpus. */
export type Analysis = {
  corpus: Corpus;
  series: SeriesAnalysis[];
  /** Comparison by `<older>/<newer>`. */
  comparison: (older: string, newer: string) => Comparison | undefined;
  /** Lineage of a node (`<statementId>/<clauseId>`). */
  lineageOf: (node: string) => Lineage | undefined;
  /** Milliseconds the analysis took. */
  milliseconds: number;
};

let cached: Promise<Analysis> | undefined;

/** The analysis of this build's corpus, computed once. */
export function getAnalysis(): Promise<Analysis> {
  cached ??= getCorpus().then((corpus) => {
    const started = performance.now();
    const analysis = analyse(corpus);
    analysis.milliseconds = performance.now() - started;
    const pairs = analysis.series.reduce((sum, series) => sum + series.comparisons.length, 0);
    console.log(`[summit-diff] analysis: ${corpus.statements.length} statements, ${pairs} pairs aligned, diffed and reported in ${analysis.milliseconds.toFixed(0)} ms`);
    // scripts/build.ts asks for the figure so that it can print the analysis share of the whole build.
    if (process.env.SUMMIT_DIFF_TIMING_FILE) writeFileSync(process.env.SUMMIT_DIFF_TIMING_FILE, JSON.stringify({ analysisMs: analysis.milliseconds }));
    return analysis;
  });
  return cached;
}

/**
 * Analyse a loaded corpus (pure apart from timing; exported for tests and scripts).
 *
 * @param corpus the loaded corpus.
 */
export function analyse(corpus: Corpus): Analysis {
  const byKey = new Map<string, Comparison>();
  const lineages = new Map<string, Lineage>();
  const registry = new Map(corpus.registry.map((entry) => [entry.id, entry]));
  const series = corpus.series.map((entry): SeriesAnalysis => {
    const statements = corpus.statements.filter((statement) => statement.series === entry.id).sort(byDateThenId);
    const alignments = new Map<string, AlignedPair[]>();
    const raw = new Map<string, AlignedPair[]>();
    statements.forEach((newer, at) => {
      for (const older of statements.slice(0, at)) {
        const { alignerPairs, pairs } = alignPair(older, newer, { formulas: corpus.formulas, corrections: corpus.corrections ?? [] });
        raw.set(`${older.id}/${newer.id}`, alignerPairs);
        alignments.set(`${older.id}/${newer.id}`, pairs);
      }
    });
    const linked = linkedPairs(statements).map(([older, newer]) => ({ older, newer, pairs: alignments.get(`${older}/${newer}`)! }));
    const graph = buildGraph(statements, linked);
    for (const lineage of graph.lineages) for (const node of lineage.nodes) lineages.set(node, lineage);
    const comparisons: Comparison[] = [];
    statements.forEach((newer, at) => {
      for (const older of statements.slice(0, at)) {
        const pairs = alignments.get(`${older.id}/${newer.id}`)!;
        const companions = statements.filter((other) => other.date === newer.date && other.id !== newer.id && other.id !== older.id);
        const evidence = classifyPairs(pairs, { older, newer, registry, companions });
        const report = reportPair(older, newer, pairs, corpus.formulas, corpus.topics, statements.slice(0, at), companions, evidence);
        const shown = compareRows(older, newer, pairs, evidence, (node) => lineages.get(node)?.id);
        // Between full texts the page's rows (heading rows, paragraph groups) are what the summary counts.
        if (older.edition === 'full' && newer.edition === 'full') report.counts = rowCounts(shown.sections.flatMap((section) => section.rows));
        const comparison = { older, newer, pairs, alignerPairs: raw.get(`${older.id}/${newer.id}`)!, report, evidence, ...shown };
        comparisons.push(comparison);
        byKey.set(`${older.id}/${newer.id}`, comparison);
      }
    });
    return { series: entry, statements, graph, comparisons };
  });
  return {
    corpus,
    series,
    comparison: (older, newer) => byKey.get(`${older}/${newer}`),
    lineageOf: (node) => lineages.get(node),
    milliseconds: 0
  };
}

/**
 * The series of an analysis as the open data files take them.
 *
 * @param analysis the analysis.
 */
export function seriesData(analysis: Analysis): SeriesData[] {
  return analysis.series.map((series) => ({
    id: series.series.id,
    title: series.series.title,
    graph: series.graph,
    reports: series.comparisons.map((comparison) => comparison.report),
    rows: Object.fromEntries(
      series.comparisons.map((comparison) => [
        `${comparison.older.id}/${comparison.newer.id}`,
        comparison.pairs.map((pair, at) => {
          const evidence = comparison.evidence[at]!;
          return { from: pair.from, to: pair.to, kind: pair.kind, evidence: evidence.class, basis: evidence.basis, moved: evidence.moved, ...(evidence.statement ? { statement: evidence.statement } : {}), ...(evidence.documented ? { source: evidence.documented.source } : {}) };
        })
      ])
    )
  }));
}
