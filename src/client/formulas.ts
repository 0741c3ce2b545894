/**
 * The formula tracker in the browser: the filter links (which without
 * JavaScript jump to server-rendered sections) filter the matrix (a table) in
 * place, and a select sorts its rows; nothing is fetched.
 */

type Filter = { kind: 'all' } | { kind: 'dropped' } | { kind: 'new' } | { kind: 'topic'; topic: string };
type Sort = 'topic' | 'first' | 'last' | 'count';

document.documentElement.classList.add('has-js');

for (const tracker of document.querySelectorAll<HTMLElement>('[data-tracker]')) setUp(tracker);

function setUp(tracker: HTMLElement): void {
  const links = [...tracker.querySelectorAll<HTMLAnchorElement>('[data-filter]')];
  const status = tracker.querySelector<HTMLElement>('[data-status]');
  const select = tracker.querySelector<HTMLSelectElement>('[data-sort]');
  const table = tracker.querySelector<HTMLTableElement>('[data-table]');
  const tableRows = table ? [...table.querySelectorAll<HTMLTableRowElement>('tr[data-row]')] : [];
  const bodies = table ? [...table.querySelectorAll<HTMLTableSectionElement>('tbody[data-topic]')] : [];
  const homeOf = new Map(tableRows.map((row) => [row, row.parentElement as HTMLTableSectionElement]));
  let sorted: HTMLTableSectionElement | undefined;
  let filter: Filter = { kind: 'all' };
  let sort: Sort = 'topic';

  const matches = (data: DOMStringMap): boolean =>
    filter.kind === 'all' ||
    (filter.kind === 'dropped' && data.dropped === 'true') ||
    (filter.kind === 'new' && data.new === 'true') ||
    (filter.kind === 'topic' && data.topic === filter.topic);

  const compare = (a: DOMStringMap, b: DOMStringMap): number => {
    const number = (value: string | undefined) => Number(value ?? 0);
    if (sort === 'first') return number(a.first) - number(b.first) || number(a.order) - number(b.order);
    if (sort === 'last') return number(b.last) - number(a.last) || number(a.order) - number(b.order);
    if (sort === 'count') return number(b.count) - number(a.count) || number(a.order) - number(b.order);
    return number(a.order) - number(b.order);
  };

  function apply(): void {
    let shown = 0;
    for (const row of tableRows) {
      const visible = matches(row.dataset);
      row.hidden = !visible;
      if (visible) shown++;
    }
    if (table) {
      if (sort === 'topic') {
        for (const row of [...tableRows].sort((a, b) => compare(a.dataset, b.dataset))) homeOf.get(row)?.append(row);
        sorted?.remove();
        sorted = undefined;
        for (const body of bodies) body.hidden = ![...body.querySelectorAll<HTMLTableRowElement>('tr[data-row]')].some((row) => !row.hidden);
      } else {
        sorted ??= table.appendChild(document.createElement('tbody'));
        for (const row of [...tableRows].sort((a, b) => compare(a.dataset, b.dataset))) sorted.append(row);
        for (const body of bodies) body.hidden = true;
      }
    }
    for (const link of links) link.setAttribute('aria-current', String(link.dataset.filter === filterName(filter)));
    if (status) status.textContent = filter.kind === 'all' && sort === 'topic' ? '' : `Showing ${shown} of ${tableRows.length} formulas${describe(links, filter)}${sort === 'topic' ? '' : `, sorted ${select?.selectedOptions[0]?.textContent ?? ''}`}.`;
  }

  for (const link of links) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      filter = parse(link.dataset.filter ?? 'all');
      history.replaceState(null, '', link.getAttribute('href') === '#matrix' ? location.pathname : link.getAttribute('href'));
      apply();
    });
  }
  select?.addEventListener('change', () => {
    sort = (select.value as Sort) || 'topic';
    apply();
  });

  // A link from elsewhere (/formulas/#dropped) opens with its filter on.
  const initial = links.find((link) => link.getAttribute('href') === location.hash && location.hash !== '#matrix');
  if (initial) {
    filter = parse(initial.dataset.filter ?? 'all');
    apply();
  }
}

function parse(value: string): Filter {
  if (value === 'dropped' || value === 'new') return { kind: value };
  if (value.startsWith('topic:')) return { kind: 'topic', topic: value.slice('topic:'.length) };
  return { kind: 'all' };
}

function filterName(filter: Filter): string {
  return filter.kind === 'topic' ? `topic:${filter.topic}` : filter.kind;
}

function describe(links: HTMLAnchorElement[], filter: Filter): string {
  if (filter.kind === 'all') return '';
  const link = links.find((candidate) => candidate.dataset.filter === filterName(filter));
  return link ? `: ${link.textContent?.replace(/\s*\(\d+\)$/, '')}` : '';
}

export {};
