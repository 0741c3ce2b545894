/**
 * The analysis of the build, computed once and shared by every page, data file
 * and the search index (which reads the records the build writes, see
 * src/pages/search-records.json.ts): for every series the clause graph (the
 * alignments of neighbouring statements, kept for the whole build), and the
 * comparison of any ordered pair of its statements on demand.
 *
 * Memory stays linear in the statements, not the pairs: a comparison (rows,
 * diff parts) is computed when a page asks for it and kept in a small cache, so
 * it is released once its pages are written; only the pair's report and its
 * rows as open data stay (`summary`), and only for the pairs the site prebuilds
 * (`series.yaml` `compare:`, see prebuiltPairs). Pages only render from it.
 */
import { getCorpus } from './corpus.ts';
import type { Corpus } from './load.ts';
import type { CompareMode, Series } from '../lib/content/series.ts';
import type { AlignedPair, ClauseGraph, Lineage, PairReport, Statement } from '../lib/model/types.ts';
import { buildGraph, byDateThenId, linkedPairs } from '../lib/analyse/graph.ts';
import { provisionRows, type ProvisionRow } from '../lib/analyse/indexes.ts';
import { anchorPage } from '../lib/analyse/report.ts';
import { pageReport } from '../lib/analyse/page-report.ts';
import { classifyPairs, type RowEvidence } from '../lib/analyse/evidence.ts';
import { neighbour } from '../lib/export/search-records.ts';
import type { EvidenceRow, SeriesData } from '../lib/export/open-data.ts';
// The rows of a compare page live in src/lib/analyse/compare-rows.ts, which the browser runs too.
import { alignPair as alignWithCorrections, compareRows, type CompareSection, type DroppedSection } from '../lib/analyse/compare-rows.ts';
import { mainLine } from '../view/series.ts';

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

/** What stays of a prebuilt pair once its pages are written: its report, its pairs and their evidence, and each row's element id (no diff parts, no page rows). */
export type PairSummary = Pick<Comparison, 'older' | 'newer' | 'report' | 'pairs' | 'evidence'> & { rowIds: string[] };

/** Two statements of a series, older first. */
export type PairRef = { older: Statement; newer: Statement };

/** The analysis of one series. */
export type SeriesAnalysis = {
  series: Series;
  /** Statements in date order. */
  statements: Statement[];
  graph: ClauseGraph;
  /** Which pairs get prebuilt pages: `all`, or `consecutive` (the main line and neighbours). */
  compare: CompareMode;
  /** The pairs with prebuilt compare pages and social cards, newer statement first in series order, then older. */
  pairs: PairRef[];
};

/** The analysis of the corpus. */
export type Analysis = {
  corpus: Corpus;
  series: SeriesAnalysis[];
  /** The comparison of any ordered pair of one series (older first), computed on demand; undefined for any other pair. */
  comparison: (older: string, newer: string) => Comparison | undefined;
  /** The report and rows of a pair (kept for the whole build for prebuilt pairs). */
  summary: (older: string, newer: string) => PairSummary | undefined;
  /** The aligned pairs of a pair, with and without the editors' corrections. */
  alignment: (older: string, newer: string) => { pairs: AlignedPair[]; alignerPairs: AlignedPair[] } | undefined;
  /** True when the pair has a prebuilt compare page. */
  isPrebuilt: (older: string, newer: string) => boolean;
  /** Lineage of a node (`<statementId>/<clauseId>`). */
  lineageOf: (node: string) => Lineage | undefined;
  /** Milliseconds spent so far: the graph up front, then each comparison as it is asked for. */
  readonly milliseconds: number;
  /** Comparisons computed so far (a pair computed twice, after it left the cache, counts twice). */
  readonly computed: number;
};

/** How many comparisons stay cached: the pages of one pair (compare page, card) are usually written together. */
export const comparisonCacheSize = 8;

/** Up to this many statements a series prebuilds every pair unless `series.yaml` says otherwise. */
export const allPairsUpTo = 12;

let cached: Promise<Analysis> | undefined;

/** The analysis of this build's corpus, computed once. */
export function getAnalysis(): Promise<Analysis> {
  cached ??= getCorpus().then((corpus) => {
    const analysis = analyse(corpus);
    const prebuilt = analysis.series.reduce((sum, series) => sum + series.pairs.length, 0);
    console.log(`[summit-diff] analysis: ${corpus.statements.length} statements, clause graph in ${analysis.milliseconds.toFixed(0)} ms; ${prebuilt} pairs prebuilt, each compared when its page is written`);
    return analysis;
  });
  return cached;
}

/**
 * The pairs of a series that get prebuilt pages. `all`: every ordered pair. `consecutive`:
 * each statement with the one before it on the main line, with its previous and next
 * neighbours (search's and the feed's "previous statement"), and the pairs the clause graph links
 * (consecutive dates, and statements of one date), so every page that links to a pair
 * links to one that exists.
 *
 * @param statements the series' statements in date order.
 * @param mode the series' `compare` setting.
 */
export function prebuiltPairs(statements: readonly Statement[], mode: CompareMode): PairRef[] {
  const keys = new Set<string>();
  if (mode === 'consecutive') {
    const add = (older: string | undefined, newer: string | undefined) => older && newer && keys.add(`${older}/${newer}`);
    const line = mainLine(statements);
    line.forEach((statement, at) => add(line[at - 1]?.id, statement.id));
    for (const statement of statements) {
      add(neighbour(statement, statements, 'previous')?.id, statement.id);
      add(statement.id, neighbour(statement, statements, 'next')?.id);
    }
    for (const [older, newer] of linkedPairs(statements)) add(older, newer);
  }
  const pairs: PairRef[] = [];
  statements.forEach((newer, at) => {
    for (const older of statements.slice(0, at)) if (mode === 'all' || keys.has(`${older.id}/${newer.id}`)) pairs.push({ older, newer });
  });
  return pairs;
}

/**
 * The compare setting of a series: its own, else `all` up to allPairsUpTo statements and `consecutive` beyond.
 *
 * @param series the series.
 * @param statements how many statements it has.
 */
export function compareModeOf(series: Series, statements: number): CompareMode {
  return series.compare ?? (statements <= allPairsUpTo ? 'all' : 'consecutive');
}

/**
 * Analyse a loaded corpus (pure apart from timing; exported for tests and scripts).
 *
 * @param corpus the loaded corpus.
 */
export function analyse(corpus: Corpus): Analysis {
  const started = performance.now();
  let spent = 0;
  let computed = 0;
  const lineages = new Map<string, Lineage>();
  const registry = new Map(corpus.registry.map((entry) => [entry.id, entry]));
  const seriesOf = new Map<string, SeriesAnalysis>();
  // The alignments of linked pairs (the graph's), kept: each is needed by the graph and again by its pages.
  const kept = new Map<string, { pairs: AlignedPair[]; alignerPairs: AlignedPair[] }>();
  const alignPair = (older: Statement, newer: Statement) => alignWithCorrections(older, newer, { formulas: corpus.formulas, corrections: corpus.corrections ?? [] });
  const series = corpus.series.map((entry): SeriesAnalysis => {
    const statements = corpus.statements.filter((statement) => statement.series === entry.id).sort(byDateThenId);
    const byId = new Map(statements.map((statement) => [statement.id, statement]));
    const linked = linkedPairs(statements).map(([older, newer]) => {
      const aligned = alignPair(byId.get(older)!, byId.get(newer)!);
      kept.set(`${older}/${newer}`, aligned);
      return { older, newer, pairs: aligned.pairs };
    });
    const graph = buildGraph(statements, linked);
    for (const lineage of graph.lineages) for (const node of lineage.nodes) lineages.set(node, lineage);
    const compare = compareModeOf(entry, statements.length);
    const analysed: SeriesAnalysis = { series: entry, statements, graph, compare, pairs: prebuiltPairs(statements, compare) };
    for (const statement of statements) seriesOf.set(statement.id, analysed);
    return analysed;
  });
  spent = performance.now() - started;

  const prebuilt = new Set(series.flatMap((entry) => entry.pairs.map((pair) => `${pair.older.id}/${pair.newer.id}`)));
  // Both statements of one series, older first.
  const refOf = (older: string, newer: string): (PairRef & { series: SeriesAnalysis; at: number }) | undefined => {
    const entry = seriesOf.get(older);
    if (!entry || seriesOf.get(newer) !== entry) return undefined;
    const from = entry.statements.findIndex((statement) => statement.id === older);
    const at = entry.statements.findIndex((statement) => statement.id === newer);
    return from < at ? { older: entry.statements[from]!, newer: entry.statements[at]!, series: entry, at } : undefined;
  };
  const alignment = (older: string, newer: string) => {
    const ref = refOf(older, newer);
    if (!ref) return undefined;
    return kept.get(`${older}/${newer}`) ?? alignPair(ref.older, ref.newer);
  };

  const cache = new Map<string, Comparison>();
  const summaries = new Map<string, PairSummary>();
  const comparison = (olderId: string, newerId: string): Comparison | undefined => {
    const key = `${olderId}/${newerId}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const ref = refOf(olderId, newerId);
    if (!ref) return undefined;
    const begun = performance.now();
    const { older, newer, series: entry, at } = ref;
    const { pairs, alignerPairs } = alignment(olderId, newerId)!;
    const companions = entry.statements.filter((other) => other.date === newer.date && other.id !== newer.id && other.id !== older.id);
    const evidence = classifyPairs(pairs, { older, newer, registry, companions });
    const shown = compareRows(older, newer, pairs, evidence, (node) => lineages.get(node)?.id);
    const report = pageReport({ older, newer, pairs, evidence, sections: shown.sections, formulas: corpus.formulas, topics: corpus.topics, history: entry.statements.slice(0, at), companions });
    const made: Comparison = { older, newer, pairs, alignerPairs, report, evidence, ...shown };
    cache.set(key, made);
    if (cache.size > comparisonCacheSize) cache.delete(cache.keys().next().value!);
    if (prebuilt.has(key) && !summaries.has(key)) summaries.set(key, summarise(made));
    spent += performance.now() - begun;
    computed++;
    return made;
  };
  const summary = (older: string, newer: string): PairSummary | undefined => {
    const key = `${older}/${newer}`;
    const known = summaries.get(key);
    if (known) return known;
    const made = comparison(older, newer);
    return made && (summaries.get(key) ?? summarise(made));
  };
  return {
    corpus,
    series,
    comparison,
    summary,
    alignment: (older, newer) => alignment(older, newer),
    isPrebuilt: (older, newer) => prebuilt.has(`${older}/${newer}`),
    lineageOf: (node) => lineages.get(node),
    get milliseconds() {
      return spent;
    },
    get computed() {
      return computed;
    }
  };
}

// What the open data and the index pages need of a pair.
function summarise(comparison: Comparison): PairSummary {
  const { older, newer, pairs, evidence, report } = comparison;
  return { older, newer, report, pairs, evidence, rowIds: anchorPage(pairs, older, newer).rows.map((row) => row.id) };
}

/**
 * A pair's rows as the open data gives them.
 *
 * @param summary the pair.
 */
export function evidenceRows(summary: Pick<PairSummary, 'pairs' | 'evidence'>): EvidenceRow[] {
  return summary.pairs.map((pair, at) => {
    const row = summary.evidence[at]!;
    return { from: pair.from, to: pair.to, kind: pair.kind, evidence: row.class, basis: row.basis, moved: row.moved, ...(row.statement ? { statement: row.statement } : {}), ...(row.documented ? { source: row.documented.source } : {}) };
  });
}

/**
 * The element id of the compare row that holds a clause, on a pair's page.
 *
 * @param summary the pair.
 * @param side `from` (a clause of the older statement) or `to` (of the newer).
 * @param clauseId the clause.
 */
export function rowIdOf(summary: PairSummary | undefined, side: 'from' | 'to', clauseId: string): string | undefined {
  const at = summary?.pairs.findIndex((pair) => pair[side].includes(clauseId)) ?? -1;
  return at < 0 ? undefined : summary!.rowIds[at];
}

/**
 * The series of an analysis as the open data files take them: the prebuilt pairs' reports and rows.
 *
 * @param analysis the analysis.
 */
export function seriesData(analysis: Analysis): SeriesData[] {
  return analysis.series.map((series) => {
    const summaries = series.pairs.map((pair) => analysis.summary(pair.older.id, pair.newer.id)!);
    return {
      id: series.series.id,
      title: series.series.title,
      graph: series.graph,
      reports: summaries.map((summary) => summary.report),
      rows: Object.fromEntries(summaries.map((summary) => [`${summary.older.id}/${summary.newer.id}`, evidenceRows(summary)]))
    };
  });
}

/**
 * Every prebuilt comparison of a series, one at a time (each released when the next is asked for, unless cached).
 *
 * @param analysis the analysis.
 * @param series one of its series.
 */
export function* comparisonsOf(analysis: Analysis, series: SeriesAnalysis): Generator<Comparison> {
  for (const pair of series.pairs) yield analysis.comparison(pair.older.id, pair.newer.id)!;
}

/**
 * The static paths of the pages written once per prebuilt pair (the compare page and its
 * list and reading views): only the pairs each series prebuilds (series.yaml `compare:`).
 * Each page computes its comparison when it is written.
 */
export async function prebuiltPairPaths(): Promise<Array<{ params: { older: string; newer: string }; props: { statements: Statement[] } }>> {
  const analysis = await getAnalysis();
  return analysis.series.flatMap((series) =>
    series.pairs.map(({ older, newer }) => ({
      params: { older: older.id, newer: newer.id },
      props: { statements: series.statements }
    }))
  );
}

const provisionsCache = new WeakMap<SeriesAnalysis, ProvisionRow[]>();
/**
 * A series' provision rows (provisionRows of its graph), computed once a build: every page of
 * the provision index and every topic page reads them, and at hundreds of statements the rows
 * cost seconds each time.
 *
 * @param series one series of the analysis.
 */
export function provisionsOf(series: SeriesAnalysis): ProvisionRow[] {
  let rows = provisionsCache.get(series);
  if (!rows) provisionsCache.set(series, (rows = provisionRows(series.graph)));
  return rows;
}
