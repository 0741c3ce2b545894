/**
 * Search results as the search page shows them: Pagefind's hits re-ranked so
 * the clauses that say what was asked come first, and grouped by provision
 * (one paragraph key of a series, through its years).
 *
 * Pagefind ranks by term frequency over the whole record, which holds the
 * clause and then the wordings of its formulas (src/lib/export/search-records.ts).
 * Its order decides only within a tier:
 *
 * 0. the clause text holds the query as a phrase, word for word;
 * 1. one of the clause's formulas is worded so (a documented variant);
 * 2. the clause text holds every word of the query (or a longer form: "alliance", "alliances");
 * 3. the clause text holds some word of the query;
 * 4. the match is in the formula wordings only.
 *
 * A hit whose match Pagefind places nowhere in the content matched a meta
 * field (Pagefind searches those too: the statement, the section heading); it
 * is left out, so every result shows what matched.
 */

/** One Pagefind hit with its data loaded. */
export type SearchHit = {
  url: string;
  /** The record's content: the clause (its first `meta.words` words), then its formula lines. */
  content: string;
  /** Word positions of the matches in `content`, split on white space. */
  locations: number[];
  meta: Record<string, string>;
  /** Position in Pagefind's order. */
  order: number;
};

/** The first hit of each statement among a group's hits (a provision may match in several sentences of one statement), in the order given. */
export function oneHitPerStatement(hits: readonly SearchHit[]): SearchHit[] {
  const seen = new Set<string>();
  return hits.filter((hit) => {
    const statement = hit.meta.statementId ?? hit.url.split('#')[0]!;
    if (seen.has(statement)) return false;
    seen.add(statement);
    return true;
  });
}

/** A provision's hits: the best one leads, the rest follow in date order with it. */
export type ResultGroup = {
  /** `<series>/<paragraph key>`, or the hit's URL when the record has no key. */
  key: string;
  lead: SearchHit;
  /** Every hit of the provision, oldest first (the lead among them). */
  hits: SearchHit[];
  /** The lead's tier (0 best). */
  tier: number;
};

/** How results are ordered: best match first, or newest statement first. */
export type SearchSort = 'relevance' | 'date';

/** Lower case, curly quotes and punctuation to spaces, single-spaced, with a space either side (for whole-word `includes`). */
export function normalise(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/** The clause part of a record's content (its first `meta.words` words) and the formula part. */
export function splitContent(hit: Pick<SearchHit, 'content' | 'meta'>): { clause: string; formulas: string } {
  const count = Number(hit.meta.words);
  const words = hit.content.split(/\s+/).filter(Boolean);
  if (!Number.isInteger(count) || count <= 0) return { clause: hit.content, formulas: '' };
  return { clause: words.slice(0, count).join(' '), formulas: words.slice(count).join(' ') };
}

/** The tier of a hit for a query (see the module comment). */
export function matchTier(query: string, hit: Pick<SearchHit, 'content' | 'meta' | 'locations'>): number {
  const phrase = normalise(query);
  const words = phrase.trim().split(' ').filter(Boolean);
  if (words.length === 0) return 4;
  const { clause, formulas } = splitContent(hit);
  const text = normalise(clause);
  if (text.includes(phrase)) return 0;
  if (formulas && normalise(formulas).includes(phrase)) return 1;
  const has = (word: string) => text.includes(` ${word}`) || text.includes(` ${word.replace(/(?:es|s)$/, '')}`);
  const found = words.filter(has).length;
  if (found === words.length) return 2;
  if (found > 0) return 3;
  return 4;
}

const groupKey = (hit: SearchHit): string => (hit.meta.key ? `${hit.meta.series ?? ''}/${hit.meta.key}` : hit.url);
const dateOf = (hit: SearchHit): string => hit.meta.date ?? '';

/**
 * Rank hits and group them by provision.
 *
 * @param query what the reader typed (empty when only filters are set: Pagefind's order stands).
 * @param hits Pagefind's hits with their data.
 * @param sort `relevance`: groups by their lead's tier, then Pagefind's order; `date`: newest statement first, then as for relevance.
 */
export function rankResults(query: string, hits: readonly SearchHit[], sort: SearchSort = 'relevance'): ResultGroup[] {
  const searched = query.trim() !== '';
  const tiered = hits.filter((hit) => !searched || hit.locations.length > 0).map((hit) => ({ hit, tier: searched ? matchTier(query, hit) : 0 }));
  tiered.sort((a, b) => a.tier - b.tier || a.hit.order - b.hit.order);
  const groups = new Map<string, ResultGroup>();
  for (const { hit, tier } of tiered) {
    const key = groupKey(hit);
    const group = groups.get(key);
    if (group) group.hits.push(hit);
    else groups.set(key, { key, lead: hit, hits: [hit], tier });
  }
  const ranked = [...groups.values()];
  for (const group of ranked) group.hits.sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || a.url.localeCompare(b.url));
  if (sort === 'date') {
    const newest = (group: ResultGroup) => group.hits.reduce((latest, hit) => (dateOf(hit) > latest ? dateOf(hit) : latest), '');
    // A stable sort keeps the relevance order among provisions of one date.
    ranked.sort((a, b) => newest(b).localeCompare(newest(a)));
  }
  return ranked;
}
