/**
 * The compare page in the browser: filters applied from the query string and
 * on change (and cleared when a link leads to a row they hide), "Next change" /
 * "Previous change" with j and k, and the pair
 * picker navigating straight to the compare URL. Without JavaScript the page
 * still reads; kind and "changes only" filter through CSS.
 */

import { fragmentTarget } from './fragment.ts';
import { href } from '../data/href.ts';

const root = document.getElementById('compare');
const filters = document.getElementById('filters') as HTMLFormElement | null;

/** Whether a row is shown (filters hide rows with `hidden`). */
function shown(element: HTMLElement): boolean {
  return !element.hidden && !element.closest('[hidden]');
}

function applyFilters(): void {
  if (!root || !filters) return;
  const data = new FormData(filters);
  const topic = String(data.get('topic') ?? '');
  const kind = String(data.get('kind') ?? '');
  const changesOnly = data.get('changes') === '1';
  const rows = [...root.querySelectorAll<HTMLElement>('.row')];
  let visible = 0;
  let counted = 0;
  for (const row of rows) {
    const rowKind = row.dataset.kind ?? '';
    const matches =
      (!topic || (row.dataset.topics ?? '').split(' ').includes(topic)) &&
      (!kind || rowKind === kind) &&
      (!changesOnly || row.dataset.change !== undefined);
    row.hidden = !matches;
    if (rowKind !== 'moved-away') {
      counted++;
      if (matches) visible++;
    }
  }
  for (const section of root.querySelectorAll<HTMLElement>('.cmp-section')) {
    section.hidden = !section.querySelector('.row:not([hidden])');
  }
  const status = document.getElementById('filter-status');
  if (status) status.textContent = visible === counted ? '' : `Showing ${visible} of ${counted} rows.`;
  const none = document.getElementById('no-rows');
  if (none) none.hidden = visible > 0;
}

function syncUrl(): void {
  if (!filters) return;
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(filters)) if (value) params.set(name, String(value));
  const query = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

function readUrl(): void {
  if (!filters) return;
  const params = new URLSearchParams(location.search);
  for (const name of ['topic', 'kind']) {
    const select = filters.elements.namedItem(name) as HTMLSelectElement | null;
    const value = params.get(name);
    if (select && value && [...select.options].some((option) => option.value === value)) select.value = value;
  }
  const changes = filters.elements.namedItem('changes') as HTMLInputElement | null;
  if (changes) changes.checked = params.get('changes') === '1';
}

/** The row the address's fragment leads to: the element itself, or the row holding that anchor. */
function targetRow(): HTMLElement | null {
  return fragmentTarget()?.element?.closest<HTMLElement>('.row') ?? null;
}

/** A link into the page never lands on a row the filters hide: they are cleared, and the status says so. */
function revealTarget(): void {
  const row = targetRow();
  if (!row || shown(row) || !filters) return;
  filters.reset();
  applyFilters();
  syncUrl();
  const status = document.getElementById('filter-status');
  if (status) status.textContent = 'Filters cleared to show the linked row.';
  row.scrollIntoView();
}

let lastJump: HTMLElement | undefined;

/** Move focus to the next (step 1) or previous (step -1) changed row that is shown. */
function jump(step: 1 | -1): void {
  if (!root) return;
  const rows = [...root.querySelectorAll<HTMLElement>('.row[data-change]')].filter(shown);
  if (rows.length === 0) return;
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  // From the buttons, go on from the row the last jump reached.
  const current = active?.closest<HTMLElement>('.row') ?? (active?.closest('.change-nav') && lastJump?.isConnected ? lastJump : null);
  const line = 120;
  let target: HTMLElement | undefined;
  if (current) {
    const all = [...root.querySelectorAll<HTMLElement>('.row')];
    const at = all.indexOf(current);
    target = step > 0 ? rows.find((row) => all.indexOf(row) > at) : rows.filter((row) => all.indexOf(row) < at).pop();
  } else {
    target = step > 0 ? rows.find((row) => row.getBoundingClientRect().top > line) : rows.filter((row) => row.getBoundingClientRect().top < line - 10).pop();
  }
  if (!target) return;
  lastJump = target;
  target.focus({ preventScroll: true });
  // A short hop glides, so the eye can follow; a far one is instant (a long glide only blurs past rows), and so is every jump when the reader asks for less motion.
  const near = Math.abs(target.getBoundingClientRect().top) < window.innerHeight;
  const smooth = near && !matchMedia('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'instant' });
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(?:INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
}

function pickPair(form: HTMLFormElement): void {
  const older = form.elements.namedItem('older') as HTMLSelectElement | null;
  const newer = form.elements.namedItem('newer') as HTMLSelectElement | null;
  if (!older || !newer) return;
  const status = form.querySelector('.picker-status');
  if (older.value === newer.value) {
    if (status) status.textContent = 'Choose two different statements.';
    return;
  }
  // The compare URL always puts the earlier statement first.
  const earlier = older.selectedIndex < newer.selectedIndex;
  const first = earlier ? older.value : newer.value;
  const second = earlier ? newer.value : older.value;
  location.assign(href(`/compare/${encodeURIComponent(first)}/${encodeURIComponent(second)}/`));
}

for (const form of document.querySelectorAll<HTMLFormElement>('form.pair-picker')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    pickPair(form);
  });
}

// The list of pairs (/compare/) is where the picker's plain GET lands without JavaScript.
const asked = new URLSearchParams(location.search);
for (const form of document.querySelectorAll<HTMLFormElement>('form.pair-picker[data-index]')) {
  const older = form.elements.namedItem('older') as HTMLSelectElement | null;
  const newer = form.elements.namedItem('newer') as HTMLSelectElement | null;
  if (!older || !newer || !asked.get('older') || !asked.get('newer')) break;
  older.value = asked.get('older') ?? '';
  newer.value = asked.get('newer') ?? '';
  if (older.value && newer.value) {
    pickPair(form);
    break;
  }
}

if (root && filters) {
  root.classList.add('js');
  root.querySelector<HTMLElement>('.change-nav')?.removeAttribute('hidden');
  readUrl();
  // Every row shows by default: filter only when the address (or a restored form) asks for it.
  if ([...new FormData(filters).values()].some((value) => value !== '')) applyFilters();
  revealTarget();
  window.addEventListener('hashchange', revealTarget);
  filters.addEventListener('change', () => {
    applyFilters();
    syncUrl();
  });
  filters.addEventListener('submit', (event) => event.preventDefault());
  root.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-step]');
    if (!button) return;
    jump(button.dataset.step === '-1' ? -1 : 1);
  });
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    if (event.key === 'j') jump(1);
    else if (event.key === 'k') jump(-1);
    else return;
    event.preventDefault();
  });
}
