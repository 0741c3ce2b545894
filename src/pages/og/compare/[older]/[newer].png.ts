/** The social card of a compare page: /og/compare/<older>/<newer>.png, its headline change on it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAnalysis, type Comparison } from '../../../../data/analysis.ts';
import { cardFooter, compareCard, renderCard } from '../../../../data/og.ts';

export const getStaticPaths = (async () => {
  const analysis = await getAnalysis();
  return analysis.series.flatMap((series) =>
    series.comparisons.map((comparison) => ({ params: { older: comparison.older.id, newer: comparison.newer.id }, props: { comparison } }))
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ comparison: Comparison }> = ({ props, site }) => {
  const { older, newer } = props.comparison;
  const card = compareCard(props.comparison, cardFooter(`/compare/${older.id}/${newer.id}/`, site));
  return new Response(renderCard(card), { headers: { 'content-type': 'image/png' } });
};
