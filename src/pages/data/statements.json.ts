/** `/data/statements.json`: every statement's metadata and outline. */
import type { APIRoute } from 'astro';
import { basePath } from '../../data/href.ts';
import { getAnalysis } from '../../data/analysis.ts';
import { toStatementsJson } from '../../lib/export/open-data.ts';

export const GET: APIRoute = async () => {
  const analysis = await getAnalysis();
  return new Response(toStatementsJson(analysis.series.flatMap((series) => series.statements), basePath), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
