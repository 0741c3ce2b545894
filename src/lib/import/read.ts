/**
 * The reader for a file by its name (Markdown, HTML, plain text), with
 * invisible characters replaced in the raw text and counted; and the id an
 * imported statement gets by default.
 */
import { normaliseInvisibleCounted } from '../content/invisible.ts';
import { suggestId } from '../content/ids.ts';
import type { ImportFields, ImportSource } from './draft.ts';
import { readHtml } from './html.ts';
import { readMarkdown } from './markdown.ts';
import { readText } from './text.ts';

/** The formats `npm run import` reads, by extension. */
export const markdownExtensions = ['.md', '.markdown', '.mdown', '.mkd'];
export const htmlExtensions = ['.html', '.htm', '.xhtml'];

/**
 * Read a document's text with the reader its name calls for.
 *
 * @param name the file name (its extension chooses the reader; an HTML document is read as HTML whatever its name).
 * @param raw the file's text.
 */
export function readDocument(name: string, raw: string): ImportSource {
  const { text, counts } = normaliseInvisibleCounted(raw);
  const extension = /\.[^./\\]+$/.exec(name.toLowerCase())?.[0] ?? '';
  const source = htmlExtensions.includes(extension) || /^\s*<(?:!doctype html|html)/i.test(text) ? readHtml(text) : markdownExtensions.includes(extension) ? readMarkdown(text) : readText(text);
  source.invisible = counts;
  return source;
}

/**
 * The id of an imported statement: the file name made an id (`Terms of Service (2025).md` →
 * `terms-of-service-2025`), else the title and date (`terms-of-service-2025-06-05`). Versions of
 * one document imported from files named for them never share an id by default.
 *
 * @param fileName the imported file's name, without folders.
 * @param fields what the import read.
 */
export function defaultStatementId(fileName: string, fields: Pick<ImportFields, 'title' | 'date'>): string {
  const base = fileName.replace(/\.[^.]+$/, '');
  const fromName = suggestId(base)?.slice(0, 60).replace(/-+$/, '');
  if (fromName && !/^(?:index|document|statement|file|untitled|text|page|download)$/.test(fromName)) return fromName;
  const fromTitle = suggestId(`${(fields.title ?? '').split(/\s+/).slice(0, 6).join(' ')} ${fields.date ?? ''}`);
  return fromTitle?.slice(0, 60).replace(/-+$/, '') || fromName || 'imported-statement';
}

/**
 * Whether an id is taken in a statements folder: the file that holds it, compared without case
 * (ids are lowercase; `A.MD` and `a.md` would be one URL).
 *
 * @param id the id to write.
 * @param existing the file names in the statements folder.
 */
export function takenBy(id: string, existing: readonly string[]): string | undefined {
  return existing.find((name) => name.toLowerCase().replace(/\.md$/, '') === id);
}
