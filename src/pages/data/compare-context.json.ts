/** `/data/compare-context.json`: what a browser needs besides two statements to compare them (src/lib/export/compare-data.ts). */
import type { APIRoute } from 'astro';
import { getAnalysis } from '../../data/analysis.ts';
import { toCompareContextJson } from '../../lib/export/compare-data.ts';

export const GET: APIRoute = async () => {
  const { corpus, series } = await getAnalysis();
  const body = toCompareContextJson(
    series.map((entry) => ({ id: entry.series.id, title: entry.series.title, statements: entry.statements })),
    corpus.formulas,
    corpus.topics,
    corpus.corrections ?? [],
    corpus.registry
  );
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
