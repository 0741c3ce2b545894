/**
 * Walk the built site and fail on any internal link or #fragment that does
 * not resolve; list the external links that are not https.
 * The site is checked as served under BASE_PATH (`--base` wins), `/` by default.
 * Usage: node scripts/check-links.ts [dist] [--base /summit-diff/]
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { checkLinks, type BuiltPage } from './links.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { base: { type: 'string' } } });
const root = positionals[0] ?? 'dist';
const base = values.base ?? process.env.BASE_PATH ?? '/';
const entries = await readdir(root, { recursive: true, withFileTypes: true });
const pages: BuiltPage[] = [];
const files = new Set<string>();
for (const entry of entries) {
  if (!entry.isFile()) continue;
  const full = join(entry.parentPath, entry.name);
  const path = `/${relative(root, full).split(sep).join('/')}`;
  files.add(path);
  if (entry.name.endsWith('.html')) {
    const url = path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
    pages.push({ path: url, html: await readFile(full, 'utf8') });
  }
}
const report = checkLinks(pages, files, base);
for (const link of report.broken) console.error(`BROKEN  ${link.page} → ${link.href}  (${link.reason})`);
for (const link of report.insecure) console.log(`not https  ${link.page} → ${link.href}`);
console.log(`Checked ${report.checked} links on ${pages.length} pages under ${base}: ${report.broken.length} broken, ${report.insecure.length} external links not https.`);
process.exit(report.broken.length > 0 ? 1 : 0);
