/** `/data/concordance.json`: provisions that continue under another key, per pair of statements. */
import type { APIRoute } from 'astro';
import { getAnalysis } from '../../data/analysis.ts';
import { toConcordanceJson } from '../../lib/export/open-data.ts';

export const GET: APIRoute = async () => {
  const analysis = await getAnalysis();
  return new Response(toConcordanceJson(analysis.corpus.concordance, analysis.corpus.statements), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
