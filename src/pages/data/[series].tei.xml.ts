/** `/data/<series>.tei.xml`: the series as TEI P5 in parallel segmentation (open data). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAnalysis, type SeriesAnalysis } from '../../data/analysis.ts';
import { linkedPairs } from '../../lib/analyse/graph.ts';
import { toTei } from '../../lib/export/tei.ts';

export const getStaticPaths = (async () => {
  const analysis = await getAnalysis();
  return analysis.series.map((series) => ({ params: { series: series.series.id }, props: { series } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ series: SeriesAnalysis }> = async ({ props }) => {
  const { series, statements, comparisons } = props.series;
  // The same links as the clause graph: each statement against the one(s) just before it.
  const alignments = linkedPairs(statements).flatMap(([older, newer]) => {
    const comparison = comparisons.find((candidate) => candidate.older.id === older && candidate.newer.id === newer);
    return comparison ? [{ older, newer, pairs: comparison.pairs }] : [];
  });
  const { corpus } = await getAnalysis();
  return new Response(toTei(series, statements, alignments, corpus.concordance, corpus.registry), { headers: { 'Content-Type': 'application/tei+xml; charset=utf-8' } });
};
