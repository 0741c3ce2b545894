/** The Atom feed, /feed.xml: one entry per statement, newest first, with its headline changes. */
import type { APIRoute } from 'astro';
import { getAnalysis } from '../data/analysis.ts';
import { siteName } from '../data/site.ts';
import { basePath } from '../data/href.ts';
import { neighbour } from '../lib/export/search-records.ts';
import { toAtom, type FeedItem } from '../lib/export/feed.ts';

export const GET: APIRoute = async ({ site }) => {
  const analysis = await getAnalysis();
  const statements = analysis.series.flatMap((series) => series.statements);
  const items: FeedItem[] = statements.map((statement) => {
    const previous = neighbour(statement, statements, 'previous');
    const comparison = previous && analysis.summary(previous.id, statement.id);
    return { statement, previous: previous && comparison ? { statement: previous, headlines: comparison.report.headlines } : undefined };
  });
  const xml = toAtom(items, { title: siteName, subtitle: 'New statements and their changes against the previous one.', site: site?.href ?? 'https://summit-diff.example.org/', base: basePath });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
