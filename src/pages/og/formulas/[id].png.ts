/** The social card of a formula page: /og/formulas/<id>.png. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCorpus } from '../../../data/corpus.ts';
import { cachedCard, cardFooter, formulaCard } from '../../../data/og.ts';
import type { Formula } from '../../../lib/model/types.ts';

export const getStaticPaths = (async () => {
  const corpus = await getCorpus();
  return corpus.formulas.map((formula) => ({ params: { id: formula.id }, props: { formula } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ formula: Formula }> = async ({ props, site }) => {
  const corpus = await getCorpus();
  const card = formulaCard(props.formula, corpus.statements, cardFooter(`/formulas/${props.formula.id}/`, site));
  return new Response(await cachedCard(card), { headers: { 'content-type': 'image/png' } });
};
