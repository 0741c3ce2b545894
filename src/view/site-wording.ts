/**
 * The site-wide sentences that name what the corpus holds (the default page
 * description and the footer's edition note), worded from the corpus itself so
 * that a site built on another folder of statements says what it has.
 */
import type { Series } from '../lib/content/series.ts';
import type { StatementMeta } from '../lib/model/types.ts';

export type SiteWording = {
  /** The series by title: "China–Russia", "A and B". */
  seriesLabel: string;
  /** Default page description. */
  description: string;
  /** One sentence per series on its edition (digest, full text or both). */
  editionNotes: string[];
};

const joinTitles = (titles: string[]): string =>
  titles.length <= 1 ? (titles[0] ?? '') : `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}`;

export function siteWording(series: readonly Series[], statements: readonly Pick<StatementMeta, 'series' | 'date' | 'edition'>[]): SiteWording {
  const seriesLabel = joinTitles(series.map((s) => s.title));
  const years = statements.map((s) => s.date.slice(0, 4)).sort();
  const span = years.length === 0 ? '' : years[0] === years[years.length - 1] ? ` of ${years[0]}` : ` ${years[0]}–${years[years.length - 1]}`;
  const description = `Read diplomatic joint statements against each other: clause-by-clause diffs of the ${seriesLabel} statements${span}, formulas and topics through the years.`;
  const editionNotes = series.map((s) => {
    const editions = new Set(statements.filter((statement) => statement.series === s.id).map((statement) => statement.edition));
    if (editions.size === 1 && editions.has('digest')) return `The ${s.title} series is a digest edition: each provision in our own words, the diplomatic formulas quoted and cited.`;
    if (editions.size === 1 && editions.has('full')) return `The ${s.title} series holds the full texts.`;
    return `The ${s.title} series mixes full texts and digests; each statement page says which it is.`;
  });
  return { seriesLabel, description, editionNotes };
}
