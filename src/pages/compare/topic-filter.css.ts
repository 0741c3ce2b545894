/** The compare pages' no-JavaScript topic filter rules, one per topic of the corpus. */
import type { APIRoute } from 'astro';
import { getCorpus } from '../../data/corpus.ts';
import { topicFilterCss } from '../../view/filter-css.ts';

export const GET: APIRoute = async () => {
  const corpus = await getCorpus();
  return new Response(topicFilterCss(corpus.topics.map((topic) => topic.id)), { headers: { 'content-type': 'text/css; charset=utf-8' } });
};
