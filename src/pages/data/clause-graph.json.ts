/** `/data/clause-graph.json`: per series, clause nodes, alignment edges and lineages. */
import type { APIRoute } from 'astro';
import { basePath } from '../../data/href.ts';
import { getAnalysis, seriesData } from '../../data/analysis.ts';
import { toGraphJson } from '../../lib/export/open-data.ts';

export const GET: APIRoute = async () => {
  return new Response(toGraphJson(seriesData(await getAnalysis()), basePath), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
