/** `/data/formulas.json`: each formula with the clauses that carry it, per statement. */
import type { APIRoute } from 'astro';
import { getAnalysis } from '../../data/analysis.ts';
import { toFormulasJson } from '../../lib/export/open-data.ts';

export const GET: APIRoute = async () => {
  const analysis = await getAnalysis();
  return new Response(toFormulasJson(analysis.corpus.formulas, analysis.series.flatMap((series) => series.statements)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
