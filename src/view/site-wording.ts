/**
 * The site-wide sentences that name what the corpus holds (the default page
 * description, the home page's lede, the share card's eyebrow and the footer's
 * edition note), worded from the corpus itself so that a site built on another
 * folder of documents says what it has: the document noun comes from
 * series.yaml (`noun: version`), "statement" by default, and formula sentences
 * appear only where the corpus tracks formulas.
 */
import { defaultNoun, type Noun, type Series } from '../lib/content/series.ts';
import type { StatementMeta } from '../lib/model/types.ts';

export type SiteWording = {
  /** The series by title: "China–Russia", "A and B". */
  seriesLabel: string;
  /** What the site calls a document: one noun for every series, else "document". */
  noun: Noun;
  /** Default page description. */
  description: string;
  /** The home page's opening sentence. */
  lede: string;
  /** The share card's eyebrow: "Joint statements, clause by clause". */
  eyebrow: string;
  /** The footer's sentence on what the site does. */
  about: string;
  /** One sentence per series on its edition (digest, full text or both). */
  editionNotes: string[];
  /** The compare summary when nothing changed that a headline would name. */
  noHeadlines: { digest: string; full: string };
  /** Whether the corpus tracks formulas and topics (the navigation names their pages only then). */
  tracks: { formulas: boolean; topics: boolean };
};

/** What the wording needs to know of the corpus beyond its series and statements. */
export type WordingOptions = { formulas?: number; topics?: number };

const joinTitles = (titles: string[]): string =>
  titles.length <= 1 ? (titles[0] ?? '') : `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}`;

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The noun of a set of series: theirs when they agree, else "document" (a site of statements and
 * terms of service is a site of documents).
 *
 * @param series the series.
 */
export function nounOf(series: readonly Pick<Series, 'noun'>[]): Noun {
  const nouns = new Set(series.map((s) => JSON.stringify(s.noun ?? defaultNoun)));
  if (nouns.size > 1) return { one: 'document', many: 'documents' };
  return series[0]?.noun ?? defaultNoun;
}

export function siteWording(series: readonly Series[], statements: readonly Pick<StatementMeta, 'series' | 'date' | 'edition'>[], options: WordingOptions = {}): SiteWording {
  const seriesLabel = joinTitles(series.map((s) => s.title));
  const noun = nounOf(series);
  // The shipped corpus keeps its words: joint statements, diplomatic formulas.
  const diplomatic = noun.one === defaultNoun.one;
  const documents = diplomatic ? 'joint statements' : noun.many;
  const tracksFormulas = (options.formulas ?? (diplomatic ? 1 : 0)) > 0;
  const tracksTopics = (options.topics ?? options.formulas ?? (diplomatic ? 1 : 0)) > 0;
  const years = statements.map((s) => s.date.slice(0, 4)).sort();
  const span = years.length === 0 ? '' : years[0] === years[years.length - 1] ? ` of ${years[0]}` : ` ${years[0]}–${years[years.length - 1]}`;
  const subject = diplomatic ? 'diplomatic joint statements' : noun.many;
  const description = `Read ${subject} against each other: clause-by-clause diffs of the ${seriesLabel} ${noun.many}${span}${tracksFormulas ? ', formulas and topics through the years' : ''}.`;
  const lede = `${capitalised(documents)} read against each other, clause by clause: what was kept, changed, moved, added and dropped${diplomatic ? ', as far as the sources show' : ''}.`;
  const eyebrow = `${capitalised(documents)}, clause by clause`;
  const about = `compares ${subject} clause by clause.`;
  const editionNotes = series.map((s) => {
    const editions = new Set(statements.filter((statement) => statement.series === s.id).map((statement) => statement.edition));
    const own = s.noun ?? defaultNoun;
    if (editions.size === 1 && editions.has('digest')) return `The ${s.title} series is a digest edition: each provision in our own words${tracksFormulas ? ', the diplomatic formulas quoted and cited' : ', short quotes cited'}.`;
    if (editions.size === 1 && editions.has('full')) return `The ${s.title} series holds the full texts.`;
    return `The ${s.title} series mixes full texts and digests; each ${own.one} page says which it is.`;
  });
  const noHeadlines = {
    digest: 'No source documents a change, and no quote of the same translation differs.',
    full: tracksFormulas || tracksTopics ? 'No formula was dropped or introduced, and no topic lost or gained more than one clause.' : 'No change here makes a headline: the rows below show every change (“Changes only” lists them).'
  };
  return { seriesLabel, noun, description, lede, eyebrow, about, editionNotes, noHeadlines, tracks: { formulas: tracksFormulas, topics: tracksTopics } };
}
