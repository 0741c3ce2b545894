/** The social card of a compare page: /og/compare/<older>/<newer>.png, its headline change on it (prebuilt pairs only). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAnalysis } from '../../../../data/analysis.ts';
import { cachedCard, cardFooter, compareCard } from '../../../../data/og.ts';

export const getStaticPaths = (async () => {
  const analysis = await getAnalysis();
  return analysis.series.flatMap((series) => series.pairs.map(({ older, newer }) => ({ params: { older: older.id, newer: newer.id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const summary = (await getAnalysis()).summary(params.older!, params.newer!)!;
  const card = compareCard(summary, cardFooter(`/compare/${params.older}/${params.newer}/`, site));
  return new Response(await cachedCard(card), { headers: { 'content-type': 'image/png' } });
};
