/** Site-wide names and wording. */
import { siteWording, type SiteWording } from '../view/site-wording.ts';
import { getCorpus } from './corpus.ts';

export const siteName = 'Summit Diff';

/** The corpus-dependent site wording of this build. */
export async function getSiteWording(): Promise<SiteWording> {
  const corpus = await getCorpus();
  return siteWording(corpus.series, corpus.statements, { formulas: corpus.formulas.length, topics: corpus.topics.length });
}
