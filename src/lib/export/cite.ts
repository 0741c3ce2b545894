/**
 * Citations of a page of the site: Chicago (notes and bibliography, web page)
 * and BibTeX, with the permanent URL and the build's date as the version date.
 */
import { formatDateMonthFirst, monthNames } from '../model/format.ts';

/** What a citation names. */
export type CitationInput = {
  /** The page's title. */
  title: string;
  /** The permanent URL of the page. */
  url: string;
  /** The site's name, the publisher. */
  site: string;
  /** The build's date, YYYY-MM-DD: the version cited. */
  date: string;
};

// BibTeX's month macros are the first three letters of the English names.
const bibMonths = monthNames.map((name) => name.slice(0, 3).toLowerCase());

/**
 * A Chicago bibliography entry for a web page without an author:
 * `“Title.” Site. Last modified Month D, YYYY. URL.`
 *
 * @param input title, URL, site and date.
 */
export function toChicago(input: CitationInput): string {
  const title = input.title.replace(/[.]$/, '');
  return `“${title}.” ${input.site}. Last modified ${formatDateMonthFirst(input.date)}. ${input.url}.`;
}

/**
 * A BibTeX `@misc` entry (biblatex's `url` and `urldate` included), keyed by the URL's path.
 *
 * @param input title, URL, site and date.
 */
export function toBibtex(input: CitationInput): string {
  const [year, month] = input.date.split('-');
  const path = new URL(input.url).pathname.replace(/^\/+|\/+$/g, '').replace(/[^A-Za-z0-9]+/g, '-');
  const key = `${input.site.toLowerCase().replace(/[^a-z0-9]+/g, '')}-${path || 'home'}`;
  const fields: Array<[string, string]> = [
    ['title', `{{${escapeBibtex(input.title)}}}`],
    ['author', `{{${escapeBibtex(input.site)}}}`],
    ['year', `{${year}}`],
    ['month', bibMonths[Number(month) - 1] ?? `{${month}}`],
    ['howpublished', `{\\url{${input.url}}}`],
    ['url', `{${input.url}}`],
    ['urldate', `{${input.date}}`],
    ['note', `{Version of ${input.date}}`]
  ];
  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = ${value.startsWith('{') || /^[a-z]+$/.test(value) ? value : `{${value}}`}`).join(',\n')}\n}`;
}

function escapeBibtex(text: string): string {
  return text.replace(/\\/g, '\\textbackslash{}').replace(/([&%$#_{}])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');
}
