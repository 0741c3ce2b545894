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
  const records = recordsOf(analysis);
  const body: BuildSearchRecords = { records, analysisMs: Math.round(analysis.milliseconds), comparisons: analysis.computed };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
