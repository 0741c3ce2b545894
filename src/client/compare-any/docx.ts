/**
 * A Word file read in the browser: mammoth's browser build turns it into HTML,
 * and the importer's HTML reader (src/lib/import/html.ts) into blocks. Loaded
 * only when a reader drops or chooses a .docx file (its own chunk).
 */
import mammoth from 'mammoth/mammoth.browser.min.js';
import { readHtml } from '../../lib/import/html.ts';
import type { ImportSource } from '../../lib/import/draft.ts';

/** The blocks of a .docx file. */
export async function readDocx(data: ArrayBuffer): Promise<ImportSource> {
  const result = await mammoth.convertToHtml({ arrayBuffer: data }, { styleMap: ["p[style-name='Title'] => h1:fresh"] });
  return readHtml(result.value);
}
