/** `/data/clauses.csv`: one row per clause, RFC 4180. */
import type { APIRoute } from 'astro';
import { getAnalysis } from '../../data/analysis.ts';
import { toClausesCsv } from '../../lib/export/open-data.ts';

export const GET: APIRoute = async () => {
  const analysis = await getAnalysis();
  return new Response(toClausesCsv(analysis.series.flatMap((series) => series.statements)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
