/** The search records of an analysis: one per clause (src/lib/export/search-records.ts), from the build's one analysis. */
import type { Analysis } from './analysis.ts';
import { searchRecords, type SearchRecord } from '../lib/export/search-records.ts';

/** What the build leaves for the indexing step (src/pages/build-search-records.json.ts). */
export type BuildSearchRecords = { records: SearchRecord[]; analysisMs: number; comparisons: number };

/**
 * One search record per clause of every statement of the analysis.
 *
 * @param analysis the build's analysis.
 */
export function recordsOf(analysis: Analysis): SearchRecord[] {
  return searchRecords({
    statements: analysis.series.flatMap((series) => series.statements),
    formulas: analysis.corpus.formulas,
    topics: analysis.corpus.topics,
    // Each statement against its previous and next ones: pairs the site prebuilds, so their summaries are kept.
    pairsOf: (older, newer) => analysis.summary(older, newer)?.pairs,
    evidenceOf: (older, newer) => analysis.summary(older, newer)?.evidence,
    lineageOf: (statementId, clauseId) => analysis.lineageOf(`${statementId}/${clauseId}`)?.id
  });
}
