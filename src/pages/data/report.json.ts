/**
 * `/data/report.json`: per prebuilt pair of statements, counts by kind, formulas dropped,
 * introduced and kept, headlines and rows; and `compare`, per series, which pairs have a
 * prebuilt page (series.yaml `compare:`): any other pair is compared in the browser.
 */
import type { APIRoute } from 'astro';
import { basePath } from '../../data/href.ts';
import { getAnalysis, seriesData } from '../../data/analysis.ts';
import { toReportJson } from '../../lib/export/open-data.ts';

export const GET: APIRoute = async () => {
  const analysis = await getAnalysis();
  const report = JSON.parse(toReportJson(seriesData(analysis), basePath)) as Record<string, unknown>;
  const compare = analysis.series.map((series) => ({
    series: series.series.id,
    mode: series.compare,
    prebuilt: series.pairs.map(({ older, newer }) => `${older.id}/${newer.id}`)
  }));
  return new Response(`${JSON.stringify({ ...report, compare }, null, 1)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
