/**
 * The formula tracker in the browser: the filter links (which without
 * JavaScript jump to server-rendered sections) filter the matrix and the table
 * in place, and a select sorts them. The matrix SVG is re-stacked by moving
 * its row groups; nothing is fetched.
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
  const svgs = [...tracker.querySelectorAll<SVGSVGElement>('svg[data-matrix]')];
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
    for (const svg of svgs) restack(svg);
    for (const link of links) link.setAttribute('aria-current', String(link.dataset.filter === filterName(filter)));
    if (status) status.textContent = filter.kind === 'all' && sort === 'topic' ? '' : `Showing ${shown} of ${tableRows.length} formulas${describe(links, filter)}${sort === 'topic' ? '' : `, sorted ${select?.selectedOptions[0]?.textContent ?? ''}`}.`;
  }

  function restack(svg: SVGSVGElement): void {
    const items = [...svg.querySelectorAll<SVGGElement>(':scope > g.m-row, :scope > g.m-group')];
    const rows = items.filter((item) => item.classList.contains('m-row'));
    if (sort === 'topic') {
      // Original order: groups and rows by their first position.
      items.sort((a, b) => Number(a.dataset.i ?? 0) - Number(b.dataset.i ?? 0));
      for (const item of items) svg.append(item);
    } else {
      for (const row of rows.sort((a, b) => compare(a.dataset, b.dataset))) svg.append(row);
    }
    let y = Number(svg.dataset.header ?? 0);
    for (const item of svg.querySelectorAll<SVGGElement>(':scope > g.m-row, :scope > g.m-group')) {
      let visible: boolean;
      if (item.classList.contains('m-group')) {
        const topic = item.dataset.topic;
        visible = sort === 'topic' && rows.some((row) => row.dataset.topic === topic && matches(row.dataset));
      } else visible = matches(item.dataset);
      item.toggleAttribute('hidden', !visible);
      if (!visible) continue;
      item.setAttribute('transform', `translate(0,${y})`);
      y += Number(item.dataset.h ?? 0);
    }
    const width = svg.viewBox.baseVal.width;
    svg.setAttribute('viewBox', `0 0 ${width} ${y + 4}`);
    svg.setAttribute('height', String(y + 4));
  }

  for (const svg of svgs) {
    svg.querySelectorAll<SVGGElement>(':scope > g.m-row, :scope > g.m-group').forEach((item, index) => (item.dataset.i = String(index)));
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
