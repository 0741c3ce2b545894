/**
 * Clause search on /search/: reads the query, filters and sort from the URL,
 * runs them with Pagefind (imported on first use), ranks and groups the hits
 * (src/view/search-results.ts), renders them, and keeps the URL in step with
 * the form so every search is a permalink.
 */
import { oneHitPerStatement, rankResults, splitContent, type ResultGroup, type SearchHit, type SearchSort } from '../view/search-results.ts';
import { href } from '../data/href.ts';
import { versionsOf } from '../lib/export/search-records.ts';
import { needsSegmentation, queryMarks } from '../lib/lang/highlight.ts';

type PagefindFilters = Record<string, string | { any: string[] }>;
type PagefindResultData = { url: string; excerpt: string; content: string; locations: number[]; meta: Record<string, string> };
type PagefindResult = { id: string; data: () => Promise<PagefindResultData> };
type Pagefind = {
  options: (options: Record<string, unknown>) => Promise<void>;
  mergeIndex: (path: string, options: { language: string }) => Promise<void>;
  search: (query: string | null, options: { filters?: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> }) => Promise<{ results: PagefindResult[] } | null>;
};

/** Filter names the URL and the index share. */
const filterNames = ['statement', 'year', 'series', 'topic', 'formula', 'change'];
/** Hits loaded and ranked at a time: Pagefind's order decides which, the ranking their order. */
const pageSize = 30;

const form = document.getElementById('search-form') as HTMLFormElement | null;
const queryInput = document.getElementById('search-q') as HTMLInputElement | null;
const statusLine = document.getElementById('search-status');
const list = document.getElementById('search-results');
const more = document.getElementById('search-more') as HTMLButtonElement | null;

let pagefind: Promise<Pagefind> | undefined;
let pending: PagefindResult[] = [];
let loaded: SearchHit[] = [];
let shown: ResultGroup[] = [];
let lastQuery = '';
let lastSort: SearchSort = 'relevance';
let lastFilters: Record<string, string[]> = {};
let generation = 0;
const sortSelect = document.getElementById('search-sort') as HTMLSelectElement | null;

// Pagefind is served with the site, outside the bundle: import it by URL, once.
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ new URL(href('/pagefind/pagefind.js'), location.href).href).then(async (module: Pagefind) => {
    await module.options({ excerptLength: 36 });
    await mergeLanguages(module);
    return module;
  });
  return pagefind;
}

/**
 * Pagefind keeps one index per language, each with its own segmentation, and searches the
 * page's (`<html lang>`): the other languages' indexes are merged in, so a search finds
 * clauses in every language and a Chinese query is cut into words for the Chinese index.
 */
async function mergeLanguages(module: Pagefind): Promise<void> {
  const base = new URL(href('/pagefind/'), location.href);
  const entry = (await fetch(new URL('pagefind-entry.json', base)).then((response) => response.json()).catch(() => undefined)) as { languages?: Record<string, { page_count: number }> } | undefined;
  const languages = Object.entries(entry?.languages ?? {});
  const own = document.documentElement.lang.toLowerCase();
  // The index Pagefind itself picks for the page: its language, else its base language, else the largest.
  const primary = languages.find(([lang]) => lang === own)?.[0] ?? languages.find(([lang]) => lang === own.split('-')[0])?.[0] ?? [...languages].sort((a, b) => b[1].page_count - a[1].page_count)[0]?.[0];
  // Without an index in the page's language, Pagefind reads the largest one as if it were in the page's
  // language (a Chinese query is not cut into words): it is merged again in its own, and hits are deduplicated.
  const fallback = !languages.some(([lang]) => lang === own || lang === own.split('-')[0]);
  // The same bundle under another spelling of its path: Pagefind skips a merge of the primary's own path.
  for (const [language] of languages) if (language !== primary || fallback) await module.mergeIndex(`${base.pathname}./`, { language });
}

/** The search a URL describes: the query and, per filter, its values. */
function searchOf(url: URL): { query: string; filters: Record<string, string[]>; sort: SearchSort } {
  const filters: Record<string, string[]> = {};
  for (const name of filterNames) {
    const values = url.searchParams.getAll(name).filter(Boolean);
    if (values.length > 0) filters[name] = values;
  }
  return { query: (url.searchParams.get('q') ?? '').trim(), filters, sort: url.searchParams.get('sort') === 'date' ? 'date' : 'relevance' };
}

/** The URL of a search, parameters in a fixed order so equal searches have equal URLs. */
function urlOf(query: string, filters: Record<string, string[]>, sort: SearchSort): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const name of filterNames) for (const value of filters[name] ?? []) params.append(name, value);
  if (sort === 'date') params.set('sort', 'date');
  const search = params.toString();
  return `${location.pathname}${search ? `?${search}` : ''}`;
}

function fillForm(query: string, filters: Record<string, string[]>, sort: SearchSort): void {
  if (queryInput) queryInput.value = query;
  if (sortSelect) sortSelect.value = sort;
  const header = document.getElementById('site-search') as HTMLInputElement | null;
  if (header) header.value = query;
  for (const name of filterNames) {
    const select = form?.querySelector<HTMLSelectElement>(`select[data-filter="${name}"]`);
    if (!select) continue;
    const value = filters[name]?.[0] ?? '';
    // A value the page does not list (an old permalink) is still searched; show it as an option.
    if (value && ![...select.options].some((option) => option.value === value)) select.add(new Option(value, value));
    select.value = value;
  }
}

function readForm(): { query: string; filters: Record<string, string[]>; sort: SearchSort } {
  const filters: Record<string, string[]> = {};
  for (const name of filterNames) {
    const value = form?.querySelector<HTMLSelectElement>(`select[data-filter="${name}"]`)?.value;
    if (value) filters[name] = [value];
  }
  return { query: queryInput?.value.trim() ?? '', filters, sort: sortSelect?.value === 'date' ? 'date' : 'relevance' };
}

async function run(query: string, filters: Record<string, string[]>, sort: SearchSort): Promise<void> {
  const current = ++generation;
  if (!statusLine || !list || !more) return;
  list.replaceChildren();
  loaded = [];
  shown = [];
  lastQuery = query;
  lastSort = sort;
  lastFilters = filters;
  list.setAttribute('aria-busy', 'true');
  more.hidden = true;
  if (!query && Object.keys(filters).length === 0) {
    statusLine.textContent = 'Type words or a formula, or choose a filter.';
    list.setAttribute('aria-busy', 'false');
    return;
  }
  statusLine.textContent = 'Searching…';
  const engine = await loadPagefind();
  const pagefindFilters: PagefindFilters = {};
  for (const [name, values] of Object.entries(filters)) pagefindFilters[name] = values.length === 1 ? values[0]! : { any: values };
  const response = await engine.search(query || null, { filters: pagefindFilters, ...(sort === 'date' ? { sort: { date: 'desc' as const } } : {}) });
  if (current !== generation) return;
  // One clause found through two indexes (see mergeLanguages) is one hit.
  const seen = new Set<string>();
  const results = (response?.results ?? []).filter((result) => !seen.has(result.id) && Boolean(seen.add(result.id)));
  statusLine.textContent = results.length === 0 ? `No clause matches${query ? ` “${query}”` : ''} with these filters.` : 'Ranking…';
  pending = results;
  await showMore(current);
}

async function showMore(current: number): Promise<void> {
  if (!list || !more) return;
  const batch = pending.slice(0, pageSize);
  pending = pending.slice(pageSize);
  const data = await Promise.all(batch.map((result) => result.data()));
  if (current !== generation) return;
  // A record of several versions (an unchanged clause) is one hit per version it names, all of one provision: one result lists them.
  const hits: SearchHit[] = data.flatMap((d, at) => versionHits({ url: d.url, content: d.content, locations: d.locations, meta: d.meta, order: loaded.length + at }));
  loaded.push(...hits);
  // A later batch adds its provisions after those shown, and its other years to provisions already shown: nothing moves up under the reader.
  const byKey = new Map(shown.map((group) => [group.key, group]));
  const ranked = rankResults(lastQuery, hits, lastSort);
  // A batch whose hits all matched in meta fields only shows nothing: take the next.
  if (ranked.length === 0 && pending.length > 0) return showMore(current);
  for (const group of ranked) {
    const known = byKey.get(group.key);
    if (known) known.hits = [...known.hits, ...group.hits].sort((a, b) => (a.meta.date ?? '').localeCompare(b.meta.date ?? ''));
    else shown.push(group);
  }
  list.replaceChildren(...shown.map(renderGroup));
  list.setAttribute('aria-busy', 'false');
  more.hidden = pending.length === 0;
  if (statusLine && shown.length > 0) {
    // Counted as records: an unchanged clause is one clause, in however many versions.
    const clauses = new Set(shown.flatMap((group) => group.hits.map((hit) => hit.order))).size;
    const order = lastSort === 'date' ? 'newest first' : 'best match first';
    statusLine.textContent = `${clauses === 1 ? '1 clause' : `${clauses} clauses`} in ${shown.length === 1 ? '1 provision' : `${shown.length} provisions`}${lastQuery ? ` for “${lastQuery}”` : ''}, ${order}${pending.length > 0 ? '; more below' : ''}.`;
  } else if (statusLine && pending.length === 0) statusLine.textContent = `No clause says${lastQuery ? ` “${lastQuery}”` : ' that'} with these filters.`;
}

/**
 * A hit per version a record names, each linked to its clause there, the record's own hit otherwise.
 * Newest first, those the statement and year filters ask for ahead, so one of them leads the result.
 */
function versionHits(hit: SearchHit): SearchHit[] {
  if (!hit.meta.versions) return [hit];
  const own = `/statements/${hit.meta.statementId}/#${hit.meta.clause}`;
  const wanted = (version: { statementId: string; date: string }) =>
    (lastFilters.statement?.includes(version.statementId) ?? true) && (lastFilters.year?.includes(version.date.slice(0, 4)) ?? true);
  const versions = versionsOf(hit.meta);
  return [...versions.filter(wanted), ...versions.filter((version) => !wanted(version))].map((version) => ({
    ...hit,
    // Pagefind's URL carries the base; only the statement and clause differ.
    url: hit.url.endsWith(own) ? `${hit.url.slice(0, -own.length)}/statements/${version.statementId}/#${version.clause}` : hit.url,
    meta: { ...hit.meta, statement: version.statement, statementId: version.statementId, date: version.date, clause: version.clause }
  }));
}

/** One provision: its best-matching clause, then every statement it was found in, oldest first. */
function renderGroup(group: ResultGroup): HTMLLIElement {
  const item = renderResult(group.lead);
  item.dataset.key = group.lead.meta.key ?? '';
  // The lead's statement links to the lead clause; another sentence of the provision in the same statement adds nothing here.
  const statements = oneHitPerStatement([group.lead, ...group.hits]).sort((a, b) => (a.meta.date ?? '').localeCompare(b.meta.date ?? '') || a.url.localeCompare(b.url));
  if (statements.length > 1 || group.lead.meta.lineage) {
    const years = document.createElement('p');
    years.className = 'result-years';
    if (statements.length > 1) {
      years.append('Found in: ');
      statements.forEach((hit, at) => {
        if (at > 0) years.append(', ');
        const link = document.createElement('a');
        link.href = hit.url;
        link.textContent = hit.meta.statement ?? hit.url;
        if (hit === group.lead) link.setAttribute('aria-current', 'true');
        years.append(link);
      });
    }
    if (group.lead.meta.lineage) {
      if (statements.length > 1) years.append(' · ');
      const history = document.createElement('a');
      history.href = href(`/clauses/${group.lead.meta.lineage}/`);
      history.textContent = 'History of this provision';
      years.append(history);
    }
    item.append(years);
  }
  return item;
}

function renderResult(data: SearchHit): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const meta = document.createElement('p');
  meta.className = 'result-meta';
  const statement = document.createElement('a');
  statement.href = data.url.split('#')[0] ?? data.url;
  statement.textContent = data.meta.statement ?? '';
  const section = document.createElement('span');
  section.textContent = data.meta.section ?? '';
  meta.append(statement, ' · ', section);
  const excerpt = document.createElement('a');
  excerpt.className = 'result-excerpt';
  excerpt.href = data.url;
  const { nodes, inClause } = clauseNodes(data);
  excerpt.append(...nodes);
  const clause = document.createElement('p');
  clause.className = 'result-clause';
  clause.textContent = `Clause ${data.meta.clause ?? ''}`;
  if (data.meta.formulas) {
    const formulas = data.meta.formulas.split(' | ').join('; ');
    clause.textContent += inClause || data.locations.length === 0 ? ` · Formula: ${formulas}` : ` · Found under another wording of the formula: ${formulas}`;
  }
  item.append(meta, excerpt, clause);
  const wording = inClause ? undefined : variantNodes(data);
  if (wording) {
    const variant = document.createElement('p');
    variant.className = 'result-variant';
    variant.append('Matched wording: “', ...wording, '”');
    item.append(variant);
  }
  return item;
}

/**
 * When the match is only in the formula wordings (not in the clause), the words
 * around the first match there, marked, so the result shows what matched.
 */
function variantNodes(data: SearchHit): Node[] | undefined {
  const count = Number(data.meta.words);
  const words = data.content.split(/[\r\n\s]+/g);
  const hits = data.locations.filter((at) => at >= count).sort((a, b) => a - b);
  if (!Number.isInteger(count) || hits.length === 0) return undefined;
  const first = hits[0]!;
  const from = Math.max(count, first - 4);
  const to = Math.min(words.length, first + 6);
  const marked = new Set(hits);
  const nodes: Node[] = [];
  for (let at = from; at < to; at++) {
    if (at > from) nodes.push(document.createTextNode(' '));
    const word = words[at]!.replace(/^(?:Formula:|\(also:)$/, '');
    if (marked.has(at)) {
      const mark = document.createElement('mark');
      mark.textContent = word;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(word));
  }
  return nodes;
}

/**
 * The clause with the matched words in <mark>. A record's content is the
 * clause's `words` words, then the formula wordings (src/lib/search-records.ts);
 * Pagefind's `locations` are word positions in that content, split on white space
 * as Pagefind's own excerpt does. Falls back to Pagefind's excerpt without `words`.
 */
function clauseNodes(data: SearchHit): { nodes: Node[]; inClause: boolean } {
  const count = Number(data.meta.words);
  if (!Number.isInteger(count) || count <= 0) return { nodes: [document.createTextNode(splitContent(data).clause)], inClause: true };
  // Chinese (and other unspaced scripts): the query's words, segmented, marked where they stand.
  const clause = splitContent(data).clause;
  if (needsSegmentation(clause)) return segmentedNodes(clause, lastQuery);
  const words = data.content.split(/[\r\n\s]+/g).slice(0, count);
  const marked = new Set(data.locations.filter((at) => at < count));
  const nodes: Node[] = [];
  words.forEach((word, at) => {
    if (at > 0) nodes.push(document.createTextNode(' '));
    if (marked.has(at)) {
      const mark = document.createElement('mark');
      mark.textContent = word;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(word));
  });
  return { nodes, inClause: marked.size > 0 };
}

/** The clause with each word of the query marked wherever it stands (texts without spaces between words). */
function segmentedNodes(clause: string, query: string): { nodes: Node[]; inClause: boolean } {
  const ranges = queryMarks(clause, query);
  const nodes: Node[] = [];
  let at = 0;
  for (const range of ranges) {
    if (range.start > at) nodes.push(document.createTextNode(clause.slice(at, range.start)));
    const mark = document.createElement('mark');
    mark.textContent = clause.slice(range.start, range.end);
    nodes.push(mark);
    at = range.end;
  }
  if (at < clause.length) nodes.push(document.createTextNode(clause.slice(at)));
  return { nodes, inClause: ranges.length > 0 };
}

function fail(error: unknown): void {
  if (statusLine) statusLine.textContent = 'Search could not load. Reload the page to try again.';
  console.warn('Search failed:', error);
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const { query, filters, sort } = readForm();
  history.pushState(null, '', urlOf(query, filters, sort));
  run(query, filters, sort).catch(fail);
});
form?.addEventListener('change', (event) => {
  if (!(event.target instanceof HTMLSelectElement)) return;
  const { query, filters, sort } = readForm();
  history.replaceState(null, '', urlOf(query, filters, sort));
  run(query, filters, sort).catch(fail);
});
more?.addEventListener('click', () => {
  showMore(generation).catch(fail);
});
window.addEventListener('popstate', () => {
  const { query, filters, sort } = searchOf(new URL(location.href));
  fillForm(query, filters, sort);
  run(query, filters, sort).catch(fail);
});

const initial = searchOf(new URL(location.href));
fillForm(initial.query, initial.filters, initial.sort);
run(initial.query, initial.filters, initial.sort).catch(fail);
