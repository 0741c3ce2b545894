/** `/data/report.json`: per pair of statements, counts by kind, formulas dropped, introduced and kept, headlines. */
import type { APIRoute } from 'astro';
import { basePath } from '../../data/href.ts';
import { getAnalysis, seriesData } from '../../data/analysis.ts';
import { toReportJson } from '../../lib/export/open-data.ts';

export const GET: APIRoute = async () => {
  return new Response(toReportJson(seriesData(await getAnalysis()), basePath), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
