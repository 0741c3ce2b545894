/**
 * Compare your own text (/compare/yours/): the reader's text, pasted or dropped
 * (plain text, Markdown, .docx), becomes a statement (src/lib/import/own-text.ts),
 * tagged with the site's formulas and topics, and is compared with a statement of
 * the site by the build's own code (src/lib/analyse/compare-rows.ts). Everything
 * happens here: the only requests are for the site's own open data, and the
 * text reaches the page through text nodes only.
 */
import '../styles/compare.css';
import { compileMatchers, tagStatement } from '../lib/analyse/tag.ts';
import { ownStatement, readOwnText } from '../lib/import/own-text.ts';
import type { ImportSource } from '../lib/import/draft.ts';
import { clausesOf } from '../lib/model/statement.ts';
import { plural } from '../lib/model/format.ts';
import { computePair, loadContext, PairError, seriesOf } from './compare-any/data.ts';
import { h, renderComparison } from './compare-any/render.ts';
import { renderSummary } from './compare-any/summary.ts';

const form = document.getElementById('own-form') as HTMLFormElement | null;
const textarea = document.getElementById('own-text') as HTMLTextAreaElement | null;
const fileInput = document.getElementById('own-file') as HTMLInputElement | null;
const olderSelect = document.getElementById('own-older') as HTMLSelectElement | null;
const complete = document.getElementById('own-complete') as HTMLInputElement | null;
const status = document.getElementById('own-status');
const result = document.getElementById('own-result');

/** A docx file's blocks as text in the box: headings as Markdown headings, paragraphs apart. */
function asText(source: ImportSource): string {
  return source.blocks.map((block) => (block.type === 'heading' ? `## ${block.text}` : block.text)).join('\n\n').replace(/\uE000[^\uE001]*\uE001/g, '');
}

async function readFile(file: File): Promise<void> {
  if (!textarea || !status) return;
  try {
    if (/\.docx$/i.test(file.name) || file.type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') {
      status.textContent = `Reading ${file.name}…`;
      const { readDocx } = await import('./compare-any/docx.ts');
      textarea.value = asText(await readDocx(await file.arrayBuffer()));
    } else textarea.value = await file.text();
    status.textContent = `Read ${file.name}: ${plural(textarea.value.split(/\n\s*\n/).filter((part) => part.trim()).length, 'paragraph')}. Choose a statement and press Compare.`;
  } catch (error) {
    status.textContent = `Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function compare(): Promise<void> {
  if (!textarea || !olderSelect || !status || !result) return;
  const text = textarea.value;
  if (!text.trim()) {
    status.textContent = 'Paste a text, or drop a file on the box, first.';
    textarea.focus();
    return;
  }
  status.textContent = 'Comparing in your browser…';
  try {
    const context = await loadContext();
    const olderId = olderSelect.value;
    const series = seriesOf(context, olderId);
    const older = series?.statements.find((statement) => statement.id === olderId);
    if (!series || !older) throw new PairError('Choose a statement to compare with.');
    const today = new Date().toISOString().slice(0, 10);
    const own = ownStatement(readOwnText(text), { id: 'your-text', title: 'Your text', shortTitle: 'Your text', date: today > older.date ? today : older.date, lang: older.lang, series: series.id, complete: complete?.checked ?? true });
    if (clausesOf(own).length === 0) throw new PairError('No sentence found in the text.');
    const tagged = tagStatement(own, compileMatchers(context.formulas, context.topics));
    const pair = await computePair(olderId, tagged.id, tagged);
    const rows = pair.sections.flatMap((section) => section.rows).filter((row) => row.kind !== 'moved-away');
    const formulas = [...new Set(clausesOf(tagged).flatMap((clause) => clause.formulas))].length;
    const heading = h('h2', { tabindex: '-1', id: 'own-heading' }, `What changed from ${pair.older.shortTitle} to your text`);
    result.replaceChildren(
      h('div', { class: 'compare', 'data-computed': 'browser', 'data-older': pair.older.id },
        h('header', { class: 'compare-header' }, heading,
          h('p', { class: 'computed-note' }, `Computed in your browser: ${plural(clausesOf(tagged).length, 'clause')} of your text, ${plural(formulas, 'tracked formula')} found in it. Nothing was sent anywhere.`)),
        renderComparison({
          older: pair.older, newer: tagged, sections: pair.sections, droppedSections: pair.droppedSections, formulas: context.formulas, topics: context.topics,
          shortTitles: new Map(series.statements.map((s) => [s.id, s.shortTitle])), newerHasPage: false, toolbar: false,
          summary: renderSummary({ newer: tagged, report: pair.report, formulas: context.formulas, noHeadlines: 'No formula was dropped or introduced, and no topic lost or gained more than one clause: the rows below show every change.' })
        })
      )
    );
    status.textContent = `Compared: ${plural(rows.length, 'row')}.`;
    heading.focus();
  } catch (error) {
    status.textContent = error instanceof PairError ? error.message : `The comparison failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

if (form && textarea) {
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void compare();
  });
  fileInput?.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void readFile(file);
  });
  textarea.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    textarea.classList.add('is-dragging');
  });
  textarea.addEventListener('dragleave', () => textarea.classList.remove('is-dragging'));
  textarea.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files[0];
    textarea.classList.remove('is-dragging');
    if (!file) return;
    event.preventDefault();
    void readFile(file);
  });
}
