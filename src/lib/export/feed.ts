/**
 * The Atom feed of a corpus: one entry per statement, newest first, each with
 * the headline changes against the statement before it. Every date comes from
 * the content, so the feed of one corpus is always the same bytes.
 */
import { escapeXml } from '../model/xml.ts';
import { withBase } from '../model/href.ts';
import type { Headline, Statement } from '../model/types.ts';

/** One statement of the feed and what changed against its predecessor. */
export type FeedItem = {
  statement: Statement;
  /** The statement compared against, and its headlines (most important first). */
  previous?: { statement: Statement; headlines: Headline[] };
};

/** The feed's own fields. */
export type FeedOptions = { title: string; subtitle: string; site: string; maxHeadlines?: number; /** The site's base path (`/` by default). */ base?: string };

/**
 * Atom 1.0 XML of the feed.
 *
 * @param items statements and their changes, any order (sorted newest first, then by id).
 * @param options title, subtitle and the site's address.
 */
export function toAtom(items: readonly FeedItem[], options: FeedOptions): string {
  const url = (path: string) => new URL(withBase(options.base, path), options.site).href;
  const ordered = [...items].sort((a, b) => b.statement.date.localeCompare(a.statement.date) || a.statement.id.localeCompare(b.statement.id));
  const updated = ordered[0] ? `${ordered[0].statement.date}T00:00:00Z` : '1970-01-01T00:00:00Z';
  const entries = ordered.map(({ statement, previous }) => {
    const page = url(`/statements/${statement.id}/`);
    const lines = [`<p>${escapeXml(`${[statement.title, statement.place, statement.date].filter(Boolean).join(', ')}.`)}</p>`];
    if (previous) {
      const compare = url(`/compare/${previous.statement.id}/${statement.id}/`);
      const headlines = previous.headlines.slice(0, options.maxHeadlines ?? 5);
      lines.push(`<p>${escapeXml(`Against ${previous.statement.shortTitle}:`)}</p>`);
      if (headlines.length > 0) lines.push(`<ul>${headlines.map((h) => `<li><a href="${escapeXml(`${compare}#${h.anchor}`)}">${escapeXml(h.text)}</a></li>`).join('')}</ul>`);
      else lines.push('<p>No headline change.</p>');
      lines.push(`<p><a href="${escapeXml(compare)}">${escapeXml(`Every change from ${previous.statement.shortTitle}`)}</a></p>`);
    } else lines.push('<p>The first statement of its series.</p>');
    const summary = previous?.headlines[0]?.text ?? `${statement.shortTitle}: ${statement.title}`;
    return [
      '  <entry>',
      `    <id>${escapeXml(page)}</id>`,
      `    <title>${escapeXml(`${statement.shortTitle}: ${statement.title}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(page)}"/>`,
      `    <published>${statement.date}T00:00:00Z</published>`,
      `    <updated>${statement.date}T00:00:00Z</updated>`,
      `    <summary>${escapeXml(summary)}</summary>`,
      `    <content type="html">${escapeXml(lines.join(''))}</content>`,
      '  </entry>'
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(url('/'))}</id>`,
    `  <title>${escapeXml(options.title)}</title>`,
    `  <subtitle>${escapeXml(options.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(url('/feed.xml'))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(url('/'))}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(options.title)}</name></author>`,
    ...entries,
    '</feed>',
    ''
  ].join('\n');
}
