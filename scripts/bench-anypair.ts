/**
 * The JavaScript the browser-computed compare pages load, gzip-compressed, from a
 * built site (dist/ by default): /compare/pair/ (budget 120 KB), the 404 page and
 * what it adds at a compare address, /compare/yours/, and the .docx reader
 * (mammoth's browser build) that loads only when a Word file is dropped.
 * Also the open data they read. Exits 1 when /compare/pair/ is over its budget.
 * Usage: npm run bench:anypair [-- --dir dist]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' } } });
const dist = values.dir!;
const KB = 1024;
const budget = 120 * KB;
if (!existsSync(join(dist, 'compare', 'pair', 'index.html'))) {
  console.error(`No ${join(dist, 'compare', 'pair', 'index.html')}: run \`npm run build\` first.`);
  process.exit(1);
}

const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const staticImports = /(?:import|from)\s*["']([^"']+\.js)["']/g;
const dynamicImports = /import\(\s*[`"']([^`"']+\.js)[`"']\s*\)/g;

/** Scripts a set of entry scripts loads, following static imports. */
function closure(entries: Iterable<string>): Set<string> {
  const found = new Set<string>(entries);
  const queue = [...found];
  while (queue.length > 0) {
    const src = queue.shift()!;
    const code = readFileSync(join(dist, src), 'utf8');
    for (const match of code.matchAll(staticImports)) {
      const resolved = new URL(match[1]!, `http://x${src}`).pathname;
      if (!found.has(resolved)) {
        found.add(resolved);
        queue.push(resolved);
      }
    }
  }
  return found;
}

/** The scripts of a page as it loads: <script src> and modulepreload, and their static imports. */
function pageScripts(page: string): Set<string> {
  const html = readFileSync(join(dist, page), 'utf8');
  const entries = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((match) => match[1]!);
  return closure(entries);
}

/** The chunks a set of scripts imports dynamically (and their static imports), less the ones already loaded. */
function dynamicClosure(scripts: Set<string>, only?: RegExp): Set<string> {
  const entries = new Set<string>();
  for (const src of scripts) {
    const code = readFileSync(join(dist, src), 'utf8');
    for (const match of code.matchAll(dynamicImports)) {
      const resolved = new URL(match[1]!, `http://x${src}`).pathname;
      if (!only || only.test(resolved)) entries.add(resolved);
    }
  }
  const all = closure(entries);
  for (const src of scripts) all.delete(src);
  return all;
}

const total = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + gz(file), 0);
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const list = (files: Iterable<string>) => [...files].map((file) => `${file.replace(/^\/_astro\//, '')} ${kb(gz(file))}`).join(', ');

// The page's scripts and the chunks they import once the pair is computed (the compare page's filters).
const pairStatic = pageScripts('compare/pair/index.html');
const pair = new Set([...pairStatic, ...dynamicClosure(pairStatic)]);
const pairBytes = total(pair);
console.log(`/compare/pair/ loads ${kb(pairBytes)} of gzip-compressed JavaScript (budget ${kb(budget)}): ${list(pair)}`);

const notFound = pageScripts('404.html');
const fallback = dynamicClosure(notFound, /compare-any/);
console.log(`404 page: ${kb(total(notFound))} on any missing address; at a compare address it adds ${kb(total(fallback))} (${list(fallback)})`);

if (existsSync(join(dist, 'compare', 'yours', 'index.html'))) {
  const yours = pageScripts('compare/yours/index.html');
  console.log(`/compare/yours/ loads ${kb(total(yours))}: ${list(yours)}`);
  const docx = dynamicClosure(yours, /docx/);
  console.log(`.docx reader (mammoth's browser build and the HTML reader), loaded only for a dropped Word file: ${kb(total(docx))} (${list(docx)})`);
}

const statementFiles = readdirSync(join(dist, 'data', 'statements')).filter((file) => file.endsWith('.json')).map((file) => `data/statements/${file}`);
console.log(`open data read: compare-context.json ${kb(gz('data/compare-context.json'))}; ${statementFiles.length} statement files, ${kb(total(statementFiles) / Math.max(1, statementFiles.length))} each on average (gzip)`);

if (pairBytes > budget) {
  console.error(`Over budget: /compare/pair/ loads ${kb(pairBytes)} > ${kb(budget)}.`);
  process.exit(1);
}
