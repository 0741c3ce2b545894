/**
 * The summary of a comparison computed in the browser, as the prebuilt compare page writes it
 * (src/pages/compare/[older]/[newer].astro): the counts line, the findings, and the rows by
 * evidence and formulas dropped and introduced. Its report comes from the same pageReport() as
 * the build's, so the words agree. Also the picker that opens another pair.
 */
import { href } from '../../data/href.ts';
import { countsSentence, kindHelp, kindLabels } from '../../data/row-kinds.ts';
import { evidenceClasses } from '../../lib/analyse/evidence.ts';
import { quoteLabel } from '../../lib/analyse/report.ts';
import { plural } from '../../lib/model/format.ts';
import type { Formula, PairReport, Statement } from '../../lib/model/types.ts';
import { h } from './render.ts';

export type SummaryInput = {
  newer: Statement;
  report: PairReport;
  formulas: readonly Formula[];
  /** What the page says when nothing makes a headline (the series' wording, written into the page by the build). */
  noHeadlines: string;
};

/** The summary section. */
export function renderSummary({ newer, report, formulas, noHeadlines }: SummaryInput): HTMLElement {
  const label = (id: string) => quoteLabel(formulas.find((formula) => formula.id === id)?.label ?? id);
  const anchorOf = (id: string) => report.formulaAnchors[id] ?? report.headlines.find((headline) => headline.formula === id)?.anchor ?? '';
  const headlineList = (headlines: PairReport['headlines'], start: number) =>
    h('ol', { class: 'headlines', ...(start > 1 ? { start: String(start) } : {}) }, ...headlines.map((headline) => h('li', {}, h('a', { href: `#${headline.anchor}` }, headline.text))));
  const formulaList = (ids: string[]) =>
    ids.length > 0 ? h('ul', { class: 'formula-list' }, ...ids.map((id) => h('li', {}, h('a', { href: `#${anchorOf(id)}` }, label(id))))) : h('p', { class: 'none' }, 'None.');
  const top = report.headlines.slice(0, 3);
  const more = report.headlines.slice(3);
  return h('section', { class: 'summary', 'aria-labelledby': 'summary-heading' },
    h('h2', { id: 'summary-heading' }, 'Summary'),
    h('p', { class: 'counts-line' }, `${countsSentence(report, newer.shortTitle)}.`),
    top.length > 0 ? headlineList(top, 1) : h('p', {}, noHeadlines),
    more.length > 0 && h('details', { class: 'more-headlines' }, h('summary', {}, plural(more.length, 'more finding')), headlineList(more, top.length + 1)),
    h('details', { class: 'summary-more' },
      h('summary', {}, 'Rows by evidence, formulas dropped and introduced'),
      h('div', { class: 'summary-grid' },
        h('div', {},
          h('h3', {}, 'Rows by evidence'),
          h('dl', { class: 'counts' }, ...evidenceClasses.map((kind) =>
            h('div', { class: `count kind-${kind}`, 'data-kind': kind, title: kindHelp[kind] }, h('dt', {}, h('span', { class: 'kind-label' }, kindLabels[kind])), h('dd', {}, String(report.counts[kind]))))),
          report.moved > 0 && h('p', { class: 'moved-count' }, `${plural(report.moved, 'row')} moved between parts that a source places.`),
          h('p', { class: 'method-link' }, h('a', { href: href('/method/#method-align') }, 'How rows are paired'))),
        h('div', {}, h('h3', {}, 'Formulas dropped ', h('span', { class: 'n' }, `(${report.formulas.dropped.length})`)), formulaList(report.formulas.dropped)),
        h('div', {},
          h('h3', {}, 'Formulas introduced ', h('span', { class: 'n' }, `(${report.formulas.introduced.length})`)), formulaList(report.formulas.introduced),
          h('p', { class: 'kept' }, `Kept in both: ${plural(report.formulas.kept.length, 'formula')}.`)),
        (report.formulas.movedTo.length > 0 || report.formulas.undocumentedNewer.length > 0) && h('div', {},
          report.formulas.movedTo.length > 0 && h('h3', {}, 'Moved to a statement of the same day ', h('span', { class: 'n' }, `(${report.formulas.movedTo.length})`)),
          report.formulas.movedTo.length > 0 && formulaList(report.formulas.movedTo),
          report.formulas.undocumentedNewer.length > 0 && h('h3', {}, `Not documented in ${newer.shortTitle} `, h('span', { class: 'n' }, `(${report.formulas.undocumentedNewer.length})`)),
          report.formulas.undocumentedNewer.length > 0 && h('p', { class: 'none' }, `No cited source shows these in ${newer.shortTitle}; none says they were dropped.`),
          report.formulas.undocumentedNewer.length > 0 && h('ul', { class: 'formula-list quiet' }, ...report.formulas.undocumentedNewer.map((id) => h('li', {}, label(id)))))
      )
    )
  );
}

/** The picker that opens another pair of the series (src/client/compare.ts drives it, as on the prebuilt pages). */
export function renderPairPicker(statements: ReadonlyArray<{ id: string; shortTitle: string; date: string }>, older: string, newer: string): HTMLElement {
  const select = (name: string, chosen: string) =>
    h('select', { name }, ...statements.map((statement) => h('option', { value: statement.id, 'data-date': statement.date, ...(statement.id === chosen ? { selected: '' } : {}) }, statement.shortTitle)));
  return h('form', { class: 'pair-picker', action: href('/compare/'), method: 'get', 'data-pagefind-ignore': '' },
    h('label', {}, 'Older ', select('older', older)),
    h('label', {}, 'Newer ', select('newer', newer)),
    h('button', { type: 'submit' }, 'Compare'),
    h('p', { class: 'picker-status', role: 'status' }));
}
