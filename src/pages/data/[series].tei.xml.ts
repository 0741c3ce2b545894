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
  const { series, statements } = props.series;
  const analysis = await getAnalysis();
  // The same links as the clause graph: each statement against the one(s) just before it.
  const alignments = linkedPairs(statements).flatMap(([older, newer]) => {
    const aligned = analysis.alignment(older, newer);
    return aligned ? [{ older, newer, pairs: aligned.pairs }] : [];
  });
  const { corpus } = analysis;
  return new Response(toTei(series, statements, alignments, corpus.concordance, corpus.registry), { headers: { 'Content-Type': 'application/tei+xml; charset=utf-8' } });
};
