/**
 * Clause search on /search/: reads the query and filters from the URL, runs
 * them with Pagefind (imported on first use), renders the results, and keeps
 * the URL in step with the form so every search is a permalink.
 */

type PagefindFilters = Record<string, string | { any: string[] }>;
type PagefindResultData = { url: string; excerpt: string; content: string; locations: number[]; meta: Record<string, string> };
type PagefindResult = { id: string; data: () => Promise<PagefindResultData> };
type Pagefind = {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, options: { filters?: PagefindFilters }) => Promise<{ results: PagefindResult[] } | null>;
};

/** Filter names the URL and the index share. */
const filterNames = ['statement', 'year', 'series', 'topic', 'formula', 'change'];
const pageSize = 20;

const form = document.getElementById('search-form') as HTMLFormElement | null;
const queryInput = document.getElementById('search-q') as HTMLInputElement | null;
const statusLine = document.getElementById('search-status');
const list = document.getElementById('search-results');
const more = document.getElementById('search-more') as HTMLButtonElement | null;

let pagefind: Promise<Pagefind> | undefined;
let pending: PagefindResult[] = [];
let generation = 0;

// Pagefind is served with the site, outside the bundle: import it by URL, once.
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ new URL('/pagefind/pagefind.js', location.href).href).then(async (module: Pagefind) => {
    await module.options({ excerptLength: 36 });
    return module;
  });
  return pagefind;
}

/** The search a URL describes: the query and, per filter, its values. */
function searchOf(url: URL): { query: string; filters: Record<string, string[]> } {
  const filters: Record<string, string[]> = {};
  for (const name of filterNames) {
    const values = url.searchParams.getAll(name).filter(Boolean);
    if (values.length > 0) filters[name] = values;
  }
  return { query: (url.searchParams.get('q') ?? '').trim(), filters };
}

/** The URL of a search, parameters in a fixed order so equal searches have equal URLs. */
function urlOf(query: string, filters: Record<string, string[]>): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const name of filterNames) for (const value of filters[name] ?? []) params.append(name, value);
  const search = params.toString();
  return `${location.pathname}${search ? `?${search}` : ''}`;
}

function fillForm(query: string, filters: Record<string, string[]>): void {
  if (queryInput) queryInput.value = query;
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

function readForm(): { query: string; filters: Record<string, string[]> } {
  const filters: Record<string, string[]> = {};
  for (const name of filterNames) {
    const value = form?.querySelector<HTMLSelectElement>(`select[data-filter="${name}"]`)?.value;
    if (value) filters[name] = [value];
  }
  return { query: queryInput?.value.trim() ?? '', filters };
}

async function run(query: string, filters: Record<string, string[]>): Promise<void> {
  const current = ++generation;
  if (!statusLine || !list || !more) return;
  list.replaceChildren();
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
  const response = await engine.search(query || null, { filters: pagefindFilters });
  if (current !== generation) return;
  const results = response?.results ?? [];
  statusLine.textContent = results.length === 0 ? `No clause matches${query ? ` “${query}”` : ''} with these filters.` : `${results.length === 1 ? '1 clause' : `${results.length} clauses`} found${query ? ` for “${query}”` : ''}.`;
  pending = results;
  await showMore(current);
}

async function showMore(current: number): Promise<void> {
  if (!list || !more) return;
  const batch = pending.slice(0, pageSize);
  pending = pending.slice(pageSize);
  const data = await Promise.all(batch.map((result) => result.data()));
  if (current !== generation) return;
  list.append(...data.map(renderResult));
  list.setAttribute('aria-busy', 'false');
  more.hidden = pending.length === 0;
}

function renderResult(data: PagefindResultData): HTMLLIElement {
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
  return item;
}

/**
 * The clause with the matched words in <mark>. A record's content is the
 * clause's `words` words, then the formula wordings (src/lib/search-records.ts);
 * Pagefind's `locations` are word positions in that content, split on white space
 * as Pagefind's own excerpt does. Falls back to Pagefind's excerpt without `words`.
 */
function clauseNodes(data: PagefindResultData): { nodes: Node[]; inClause: boolean } {
  const count = Number(data.meta.words);
  if (!Number.isInteger(count) || count <= 0) return { nodes: excerptNodes(data.excerpt), inClause: true };
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

// Pagefind's excerpt, keeping only its text and <mark> elements.
function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

function fail(error: unknown): void {
  if (statusLine) statusLine.textContent = 'Search could not load. Reload the page to try again.';
  console.warn('Search failed:', error);
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const { query, filters } = readForm();
  history.pushState(null, '', urlOf(query, filters));
  run(query, filters).catch(fail);
});
form?.addEventListener('change', (event) => {
  if (!(event.target instanceof HTMLSelectElement)) return;
  const { query, filters } = readForm();
  history.replaceState(null, '', urlOf(query, filters));
  run(query, filters).catch(fail);
});
more?.addEventListener('click', () => {
  showMore(generation).catch(fail);
});
window.addEventListener('popstate', () => {
  const { query, filters } = searchOf(new URL(location.href));
  fillForm(query, filters);
  run(query, filters).catch(fail);
});

const initial = searchOf(new URL(location.href));
fillForm(initial.query, initial.filters);
run(initial.query, initial.filters).catch(fail);
