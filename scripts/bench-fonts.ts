/**
 * The script fonts of a built site: how many pages have one, how many files,
 * the largest and median font a page loads, and all of them together.
 * Reads the pages' @font-face rules (scripts/script-font.ts writes them).
 * Usage: node scripts/bench-fonts.ts [site folder, default dist]
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { reportLine } from './script-font.ts';

const dir = process.argv[2] ?? 'dist';
const base = process.env.BASE_PATH || '/';
const perPage: number[] = [];
const files = new Map<string, number>();
for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
  const html = await readFile(join(entry.parentPath, entry.name), 'utf8');
  const url = /url\('([^']*script-font\.[0-9a-f]+\.woff2)'\)/.exec(html)?.[1];
  if (!url) continue;
  const bytes = files.get(url) ?? (await stat(join(dir, url.slice(base.length)))).size;
  files.set(url, bytes);
  perPage.push(bytes);
}
console.log(reportLine({ pages: perPage.length, files: [...files].map(([name, bytes]) => ({ name, bytes, pages: 0, chars: 0 })), perPage }));
