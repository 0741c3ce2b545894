/**
 * A pair of statements without a prebuilt compare page, computed in the browser
 * from the open data by the build's own code, at its usual address
 * `/compare/<older>/<newer>/` (and `#row`). The host serves /compare/pair/ there
 * (its rewrite file), or its 404 page does, which loads this module only for a
 * compare address. `/compare/pair/?older=…&newer=…` forces it for any pair.
 */
import '../styles/compare.css';
import { href } from '../data/href.ts';
import { formatDate } from '../lib/model/format.ts';
import { computePair, PairError } from './compare-any/data.ts';
import { h, renderComparison } from './compare-any/render.ts';
import { renderPairPicker, renderSummary } from './compare-any/summary.ts';

/** The pair an address asks for: from its path (`/compare/a/b/`), else from `?older=&newer=`. */
export function pairOfAddress(location: Location): { older: string; newer: string } | undefined {
  const path = location.pathname.startsWith(href('/')) ? `/${location.pathname.slice(href('/').length)}` : location.pathname;
  const match = /^\/compare\/([^/]+)\/([^/]+)\/?$/.exec(path);
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };
  if (match && match[1] !== 'pair') return { older: decode(match[1]!), newer: decode(match[2]!) };
  const params = new URLSearchParams(location.search);
  const older = params.get('older');
  const newer = params.get('newer');
  return older && newer ? { older, newer } : undefined;
}

/** What the summary says when nothing makes a headline: the series' wording, which the build writes into the page. */
function noHeadlinesOf(host: HTMLElement, digest: boolean): string {
  return (digest ? host.dataset.noHeadlinesDigest : host.dataset.noHeadlinesFull) ?? 'No change here makes a headline: the rows below show every change.';
}

/**
 * Compute the pair and render it into `host`, then hand the page to the compare page's script
 * (filters, j/k) and go to the row the fragment names.
 *
 * @param host the element to fill.
 * @param status where progress and errors are said (a live region).
 */
export async function mountPair(host: HTMLElement, status: HTMLElement, older: string, newer: string): Promise<boolean> {
  status.textContent = 'Computing this comparison in your browser…';
  try {
    const pair = await computePair(older, newer);
    const title = `${pair.older.shortTitle} → ${pair.newer.shortTitle}: what changed`;
    document.title = `${title} · Summit Diff`;
    const root = h('div', { class: 'compare', id: 'compare', 'data-older': pair.older.id, 'data-newer': pair.newer.id, 'data-computed': 'browser' },
      h('header', { class: 'compare-header' },
        h('p', { class: 'eyebrow' }, 'Compare two statements'),
        h('h1', {}, 'What changed from ', h('a', { href: href(`/statements/${pair.older.id}/`) }, pair.older.shortTitle), ' to ', h('a', { href: href(`/statements/${pair.newer.id}/`) }, pair.newer.shortTitle)),
        h('p', { class: 'meta' },
          h('time', { datetime: pair.older.date }, formatDate(pair.older.date)), `, ${pair.older.place} → `,
          h('time', { datetime: pair.newer.date }, formatDate(pair.newer.date)), `, ${pair.newer.place}`),
        h('p', { class: 'computed-note', id: 'computed-note' },
          'This comparison has no prebuilt page: your browser computed it just now from the site’s ',
          h('a', { href: href('/method/#method-data') }, 'open data'),
          ', with the same code the build uses. Nothing was sent anywhere. ',
          h('a', { href: href('/compare/') }, 'The prebuilt comparisons'), '.'),
        renderPairPicker(pair.series.statements, pair.older.id, pair.newer.id)
      ),
      renderComparison({
        older: pair.older, newer: pair.newer, sections: pair.sections, droppedSections: pair.droppedSections, formulas: pair.context.formulas, topics: pair.context.topics,
        shortTitles: new Map(pair.series.statements.map((s) => [s.id, s.shortTitle])), newerHasPage: true,
        summary: renderSummary({ newer: pair.newer, report: pair.report, formulas: pair.context.formulas, noHeadlines: noHeadlinesOf(host, pair.older.edition === 'digest' || pair.newer.edition === 'digest') })
      })
    );
    host.replaceChildren(root);
    const rows = pair.sections.reduce((sum, section) => sum + section.total, 0);
    status.textContent = `Computed in your browser: ${rows} rows.`;
    await import('./compare.ts');
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) {
      target.scrollIntoView();
      target.closest<HTMLElement>('.row')?.classList.add('is-target');
    }
    return true;
  } catch (error) {
    status.textContent = error instanceof PairError ? error.message : `This comparison could not be computed: ${error instanceof Error ? error.message : String(error)}`;
    return false;
  }
}

// On /compare/pair/ (itself, or served by the host at a compare address).
const host = document.getElementById('compare-any');
const status = document.getElementById('compare-any-status');
if (host && status && host.dataset.autostart !== undefined) {
  const pair = pairOfAddress(location);
  if (pair) void mountPair(host, status, pair.older, pair.newer);
  else status.textContent = 'Choose two statements on the list of comparisons.';
}
