/**
 * A comparison computed in the browser, rendered as the prebuilt compare page
 * renders it (src/pages/compare/[older]/[newer].astro): the same classes, ids,
 * data attributes and words, so the page's CSS and src/client/compare.ts work on
 * it unchanged. Every text goes in through text nodes: nothing a statement or a
 * reader's pasted text holds is ever parsed as HTML.
 */
import { href } from '../../data/href.ts';
import { kindHelp, kindLabels } from '../../data/row-kinds.ts';
import { isClaimedChange, type CompareRow, type CompareSection, type DroppedSection } from '../../lib/analyse/compare-rows.ts';
import { evidenceClasses } from '../../lib/analyse/evidence.ts';
import { quoteLabel, renderingName } from '../../lib/analyse/report.ts';
import { omissionsFor } from '../../lib/content/omissions.ts';
import { clausesOf } from '../../lib/model/statement.ts';
import { formatDate, plural } from '../../lib/model/format.ts';
import type { DiffPart, Formula, Omission, Statement, Topic } from '../../lib/model/types.ts';
import { curlParts } from '../../view/typography.ts';

/** What the renderer needs. */
export type RenderInput = {
  older: Statement;
  newer: Statement;
  sections: CompareSection[];
  droppedSections: DroppedSection[];
  formulas: readonly Formula[];
  topics: readonly Topic[];
  /** Short titles of the series' statements (for "Moved to …"). */
  shortTitles: ReadonlyMap<string, string>;
  /** False for a reader's own text: it has no reading page to link to. */
  newerHasPage: boolean;
  /** The filters and "Next change" buttons that src/client/compare.ts drives (true by default). */
  toolbar?: boolean;
  /** The page's summary (summary.ts), in place of the bare counts. */
  summary?: HTMLElement;
};

type Child = Node | string | false | undefined | null;

/** An element with attributes and children; text children become text nodes. */
export function h(tag: string, attributes: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child !== false && child !== undefined && child !== null) element.append(child);
  return element;
}

/** Word changes as the DiffText component writes them: `<del>`/`<ins>` with words for screen readers. */
export function diffText(parts: readonly DiffPart[]): Child[] {
  return curlParts(parts).map((part) => {
    if (part.op === 'equal') return part.text;
    const [tag, word] = part.op === 'delete' ? ['del', 'deleted'] : ['ins', 'inserted'];
    return h(tag, {}, h('span', { class: 'visually-hidden' }, `[${word}: `), part.text, h('span', { class: 'visually-hidden' }, ']'));
  });
}

function omissionNote(statement: Statement, omission: Omission, lead: string, linked: boolean): HTMLElement {
  const footnote = statement.footnotes.find((f) => f.label.toLowerCase() === omission.source.toLowerCase());
  const sourceName = footnote?.text.split(',')[0]?.trim() || omission.source;
  return h('span', { class: 'omission-note', 'data-omission': omission.key }, h('strong', {}, `${lead}:`), ` ${omission.note} `, linked ? h('a', { href: href(`/statements/${statement.id}/#fn-${footnote?.label ?? omission.source}`) }, `Source: ${sourceName}`) : `(source: ${sourceName})`);
}

/** The rows of the comparison, by section, with the toolbar the page's script drives. */
export function renderComparison(input: RenderInput): DocumentFragment {
  const { older, newer, sections, droppedSections, newerHasPage } = input;
  const formulaLabel = (id: string) => quoteLabel(input.formulas.find((formula) => formula.id === id)?.label ?? id);
  const topicLabel = (id: string) => input.topics.find((topic) => topic.id === id)?.label ?? id;
  const allRows = sections.flatMap((section) => section.rows);
  const droppedFormulas = new Set<string>();
  const introducedFormulas = new Set<string>();
  {
    const olderFormulas = new Set(clausesOf(older).flatMap((clause) => clause.formulas));
    const newerFormulas = new Set(clausesOf(newer).flatMap((clause) => clause.formulas));
    for (const row of allRows) {
      if (row.kind === 'dropped' || row.kind === 'changed') for (const id of row.formulas) if (olderFormulas.has(id) && !newerFormulas.has(id)) droppedFormulas.add(id);
      if (row.kind === 'added' || row.kind === 'changed') for (const id of row.formulas) if (newerFormulas.has(id) && !olderFormulas.has(id)) introducedFormulas.add(id);
    }
  }
  const shortTitleOf = (id: string | undefined) => (id && input.shortTitles.get(id)) ?? id ?? '';
  const rowHref = (row: CompareRow) => `#${row.anchors.find((anchor) => !anchor.includes('.')) ?? row.id}`;
  const rowKey = (row: CompareRow) => (row.to[0] ?? row.from[0])?.paragraphKey ?? row.id;
  const paired = (row: CompareRow) => row.from.length > 0 && row.to.length > 0 && row.kind !== 'moved-away' && row.evidence.basis !== 'identical' && row.score < 1;
  const rowLabel = (row: CompareRow) =>
    row.kind === 'undocumented' ? `Not documented in ${row.evidence.side === 'newer' ? newer.shortTitle : older.shortTitle}`
    : row.kind === 'moved-to' ? `Moved to ${shortTitleOf(row.evidence.statement)}`
    : kindLabels[row.kind];
  const renderings = (ids: string[] | undefined) => (ids ?? []).map(renderingName).join(', ') || 'no named translation';
  const evidenceNote = (row: CompareRow): string | undefined => {
    const evidence = row.evidence;
    if (row.kind === 'moved-away') return undefined;
    if (evidence.basis === 'paraphrase') return 'Only our paraphrases differ (they rest on the sources each statement has); no source documents a change.';
    if (evidence.basis === 'punctuation') return 'The same words: only punctuation, capitals or markup differ.';
    if (evidence.basis === 'translations') {
      const [lone, quoted] = !evidence.renderings?.older.length ? [older, evidence.renderings?.newer] : !evidence.renderings?.newer.length ? [newer, evidence.renderings?.older] : [undefined, undefined];
      if (lone) return `${lone.shortTitle} is our paraphrase and the other side quotes the ${renderings(quoted)}, so their differences are not evidence of a change.`;
      return `The quotes follow different translations (${older.shortTitle}: ${renderings(evidence.renderings?.older)}; ${newer.shortTitle}: ${renderings(evidence.renderings?.newer)}), so their differences are not evidence of a change.`;
    }
    if (evidence.basis === 'quotes') return `Quotes in the same translation differ (${renderings(evidence.renderings?.newer.filter((r) => evidence.renderings?.older.includes(r)))}); only those words are marked.`;
    return undefined;
  };
  const omissions = omissionsFor(newer, clausesOf(older));
  const rowOmissions = (row: CompareRow) => omissionsFor(newer, row.from).filter((omission) => omissions.includes(omission));
  const totalRows = allRows.filter((row) => row.kind !== 'moved-away').length;
  const changedRows = allRows.filter(isClaimedChange).length;
  const topicsPresent = input.topics.filter((topic) => allRows.some((row) => row.topics.includes(topic.id)));
  const counts = new Map(evidenceClasses.map((kind) => [kind, allRows.filter((row) => row.kind === kind).length]));

  const olderCell = (row: CompareRow): HTMLElement => {
    const gapped = row.kind === 'added' || (row.kind === 'undocumented' && row.evidence.side === 'older');
    return h('div', { class: 'cell older' },
      h('span', { class: 'cell-label' }, older.shortTitle),
      ...(gapped
        ? [h('p', { class: 'gap' },
            ...(row.kind === 'added'
              ? [h('strong', {}, `New in ${newer.shortTitle}:`), ` no counterpart in ${older.shortTitle}.`]
              : [h('strong', {}, `Not documented in ${older.shortTitle}:`), ' no source we cite shows this provision there, and none says it is new.']),
            ...row.formulas.filter((id) => introducedFormulas.has(id)).map((id) => h('span', { class: 'gap-formula' }, ` Introduces the formula ${formulaLabel(id)}.`)),
            row.evidence.documented && omissionNote(newer, row.evidence.documented, 'Documented addition', newerHasPage))]
        : [h('p', { class: 'text', lang: older.lang ?? 'en' }, ...diffText(row.older)),
           h('p', { class: 'refs' }, ...row.from.map((clause) => h('a', { href: href(`/statements/${older.id}/#${clause.id}`) }, `${older.shortTitle} ¶ ${clause.id}`)))])
    );
  };
  const newerCell = (row: CompareRow): HTMLElement => {
    let body: HTMLElement[];
    if (row.kind === 'dropped' || (row.kind === 'undocumented' && row.evidence.side === 'newer')) {
      body = [h('p', { class: 'gap' },
        ...(row.kind === 'dropped' ? [h('strong', {}, `Not in ${newer.shortTitle}.`)] : [h('strong', {}, `Not documented in ${newer.shortTitle}:`), ' no source we cite shows this provision there, and none says it was left out.']),
        ...row.formulas.filter((id) => droppedFormulas.has(id)).map((id) => h('span', { class: 'gap-formula' }, ` The formula ${formulaLabel(id)} is nowhere in ${newer.shortTitle}.`)),
        ...rowOmissions(row).map((omission) => omissionNote(newer, omission, 'Documented omission', newerHasPage)))];
    } else if (row.kind === 'moved-to') {
      body = [h('p', { class: 'gap' }, h('strong', {}, `Moved to ${shortTitleOf(row.evidence.statement)}`), ', signed the same day: ', h('a', { href: href(`/statements/${row.evidence.statement}/#${row.from[0]?.paragraphKey ?? ''}`) }, 'read it there'), '.')];
    } else if (row.kind === 'moved-away') {
      body = [h('p', { class: 'gap' }, h('strong', {}, `Moved in ${newer.shortTitle}`), ` to “${row.link?.section ?? ''}”: `, h('a', { href: `#${row.link?.id ?? ''}` }, 'see the clause there'), '.')];
    } else {
      body = [h('p', { class: 'text', lang: newer.lang ?? 'en' }, ...diffText(row.newer)),
        h('p', { class: 'refs' }, ...row.to.map((clause) => (newerHasPage ? h('a', { href: href(`/statements/${newer.id}/#${clause.id}`) }, `${newer.shortTitle} ¶ ${clause.id}`) : h('span', {}, `${newer.shortTitle} ¶ ${clause.id}`))))];
    }
    return h('div', { class: 'cell newer' }, h('span', { class: 'cell-label' }, newer.shortTitle), ...body);
  };
  const rowElement = (row: CompareRow): HTMLElement => {
    const note = evidenceNote(row);
    return h('div', { class: `row kind-${row.kind}${row.evidence.moved ? ' is-moved' : ''}`, id: row.id, 'data-kind': row.kind, 'data-basis': row.evidence.basis, 'data-topics': row.topics.join(' '), 'data-formulas': row.formulas.join(' '), 'data-change': isClaimedChange(row) ? '' : undefined, tabindex: '-1' },
      ...row.anchors.map((anchor) => h('span', { class: 'anchor', id: anchor })),
      h('div', { class: 'row-meta' },
        h('span', { class: 'kind-label', title: kindHelp[row.kind] }, rowLabel(row)),
        row.evidence.moved && row.kind !== 'moved-away' && h('span', { class: 'moved-label' }, 'Moved'),
        row.edited && h('span', { class: 'edited', title: "An editor's correction in alignments.yaml made or changed this pair" }, 'edited'),
        paired(row) && h('span', { class: 'similarity', title: 'How much of their wording the two sides share, as the aligner weighs it (rare words count more); 100% is the same text.' }, `${Math.round(row.score * 100)}% alike`),
        row.evidence.moved && row.kind !== 'moved-away' && row.link && h('a', { class: 'moved-link', href: `#${row.link.id}` }, `from “${row.link.section}”`),
        row.kind === 'moved-away' && row.link && h('a', { class: 'moved-link', href: `#${row.link.id}` }, `to “${row.link.section}”`),
        row.kind !== 'moved-away' && h('a', { class: 'permalink', href: rowHref(row) }, h('span', { 'aria-hidden': 'true' }, '¶'), ' ', h('span', { class: 'key' }, rowKey(row)), h('span', { class: 'visually-hidden' }, ' (permalink to this row)')),
        row.lineage && row.kind !== 'moved-away' && h('a', { class: 'history-link', href: href(`/clauses/${row.lineage}/`) }, 'History'),
        row.topics.length > 0 && h('span', { class: 'row-topics' }, row.topics.map(topicLabel).join(' · ')),
        note && h('p', { class: 'evidence-note' }, note),
        row.evidence.basis === 'documented' && row.evidence.documented && row.kind === 'changed' && h('p', { class: 'evidence-note' }, omissionNote(newer, row.evidence.documented, 'Documented change', newerHasPage))
      ),
      olderCell(row),
      newerCell(row)
    );
  };

  const fragment = document.createDocumentFragment();
  const meta = h('p', { class: 'meta' }, `${plural(totalRows, 'row')}, ${changedRows} with a change the evidence shows.`);
  const dropped = droppedSections.length > 0 && h('p', {}, `Parts of ${older.shortTitle} with no counterpart in ${newer.shortTitle}: `, ...droppedSections.flatMap((section, at) => [at > 0 ? ', ' : '', h('a', { href: `#${section.firstRow}` }, `${section.number ? `${section.number}. ` : ''}${section.heading}`)]), '.');
  // The full summary when the caller made one; else the rows by evidence alone.
  const summary = input.summary ?? h('section', { class: 'summary', 'aria-labelledby': 'summary-heading' },
    h('h2', { id: 'summary-heading' }, 'Summary'),
    h('dl', { class: 'counts' }, ...evidenceClasses.map((kind) => h('div', { class: `count kind-${kind}`, 'data-kind': kind, title: kindHelp[kind] }, h('dt', {}, h('span', { class: 'kind-label' }, kindLabels[kind])), h('dd', {}, String(counts.get(kind) ?? 0))))));
  summary.querySelector('h2')?.after(meta);
  if (dropped) summary.append(dropped);
  fragment.append(
    summary,
    h('div', { class: 'compare-main' },
      input.toolbar !== false && h('div', { class: 'toolbar', 'data-pagefind-ignore': '' },
        h('form', { class: 'filters', id: 'filters', action: '', method: 'get' },
          h('label', { class: 'topic-filter' }, 'Topic ', h('select', { name: 'topic', id: 'filter-topic' }, h('option', { value: '' }, 'All topics'), ...topicsPresent.map((topic) => h('option', { value: topic.id }, topic.label)))),
          h('label', {}, 'Kind ', h('select', { name: 'kind', id: 'filter-kind' }, h('option', { value: '' }, 'All kinds'), ...evidenceClasses.map((kind) => h('option', { value: kind }, kindLabels[kind])))),
          h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'changes', value: '1', id: 'filter-changes' }), ' Changes only'),
          h('p', { class: 'filter-status', role: 'status', id: 'filter-status' })
        ),
        h('p', { class: 'keys-hint' }, 'Keys: ', h('kbd', {}, 'j'), ' next change, ', h('kbd', {}, 'k'), ' previous.')
      ),
      h('div', { class: 'sticky-head', 'data-pagefind-ignore': '' },
        h('div', { class: 'columns-head', 'aria-hidden': 'true' },
          h('span', {}, `${older.shortTitle} `, h('span', { class: 'date' }, formatDate(older.date))),
          h('span', {}, `${newer.shortTitle} `, h('span', { class: 'date' }, newer.date ? formatDate(newer.date) : 'your text'))
        ),
        input.toolbar !== false && h('div', { class: 'change-nav', hidden: '' },
          h('button', { type: 'button', 'data-step': '-1', title: 'Previous change (k)' }, h('span', { 'aria-hidden': 'true' }, '↑'), ' Previous change'),
          h('button', { type: 'button', 'data-step': '1', title: 'Next change (j)' }, h('span', { 'aria-hidden': 'true' }, '↓'), ' Next change')
        )
      ),
      ...sections.map((section) => h('section', { class: 'cmp-section', 'aria-labelledby': section.id },
        h('h2', { id: section.id, class: 'cmp-section-heading' }, section.number ? h('span', { class: 'part' }, `${section.number}.`) : '', ` ${section.heading} `, h('span', { class: 'section-count' }, `${section.changed} of ${section.total} changed`)),
        ...section.rows.map(rowElement)
      )),
      h('p', { class: 'no-rows', id: 'no-rows', hidden: '' }, 'No row matches these filters.')
    )
  );
  return fragment;
}
