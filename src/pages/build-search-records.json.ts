/**
 * The search records of this build (one per clause), written once from the build's
 * analysis for scripts/search-index.ts, which indexes them with Pagefind and then
 * deletes this file: the pages and the search index share one analysis. It also
 * carries the analysis time, so that the build can report it.
 */
import type { APIRoute } from 'astro';
import { getAnalysis } from '../data/analysis.ts';
import { recordsOf, type BuildSearchRecords } from '../data/search-records.ts';

export const GET: APIRoute = async () => {
  const analysis = await getAnalysis();
  // Every prebuilt pair compared once here, so the time reported is the whole analysis (pages that come later
  // find the pair's summary; a compare page recomputes only its rows once they have left the cache).
  for (const series of analysis.series) for (const { older, newer } of series.pairs) analysis.summary(older.id, newer.id);
  const records = recordsOf(analysis);
  const body: BuildSearchRecords = { records, analysisMs: Math.round(analysis.milliseconds), comparisons: analysis.computed };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
