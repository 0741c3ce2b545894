/**
 * The clause redirect map: every other name of a lineage (`/clauses/<key>-<statement>/`
 * and `/clauses/<key>/`, see lineageAliases) to the history that holds the clause now. One file for the whole
 * site instead of a page per alias: the host files (scripts/host-files.ts) turn it into
 * server redirects, and the 404 page reads it to send a reader on with JavaScript.
 */
import type { Analysis } from './analysis.ts';
import { lineageAliases } from '../lib/analyse/graph.ts';

/** Where the map is published (a site path, without the base path). */
export const redirectMapPath = '/clauses/redirects.json';

/** The map: site path of an alias → site path of its history (both without the base path). */
export type RedirectMap = { redirects: Record<string, string> };

/**
 * The redirect map of an analysis, sorted by alias.
 *
 * @param analysis the build's analysis.
 */
export function redirectMap(analysis: Pick<Analysis, 'series'>): RedirectMap {
  // Every series' histories share /clauses/: an alias never shadows another series' history,
  // and where two series give one alias, the first series keeps it.
  const pages = new Set(analysis.series.flatMap((series) => series.graph.lineages.map((lineage) => lineage.id)));
  const redirects = new Map<string, string>();
  for (const { alias, lineage } of analysis.series.flatMap((series) => lineageAliases(series.graph))) {
    if (pages.has(alias) || redirects.has(`/clauses/${alias}/`)) continue;
    redirects.set(`/clauses/${alias}/`, `/clauses/${lineage}/`);
  }
  const entries = [...redirects].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { redirects: Object.fromEntries(entries) };
}
