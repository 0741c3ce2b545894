/**
 * The URL contract: tests/permalinks.txt lists every published URL and anchor,
 * one a line. `check` (default) fails when one stops resolving: the page is
 * missing, or the anchor is not an id on it (an anchor declared in
 * moved.yaml renders as an id with a note, so it still resolves). A clause
 * alias resolves through the build's redirect map (`/clauses/redirects.json`)
 * to a page that exists. A compare page (and its card) of a pair the series does
 * not prebuild (report.json `compare`, series.yaml `compare:`) resolves in the
 * browser, which computes the pair from the open data: it is counted apart. `add`
 * appends what the built site newly publishes; lines are never removed.
 * Usage: node scripts/permalinks.ts [check|add] [--dir dist] [--list tests/permalinks.txt]
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

/** Where a line of the list stops resolving. */
export type Broken = { line: number; url: string; problem: string };

/** Compare addresses of pairs of one series that the site does not prebuild (`older/newer` → true), from report.json. */
export function browserPairs(siteDir: string): (older: string, newer: string) => boolean {
  const file = join(siteDir, 'data', 'report.json');
  const report = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { compare?: Array<{ prebuilt: string[] }>; pairs?: unknown[] }) : {};
  const statementsFile = join(siteDir, 'data', 'statements.json');
  const statements = existsSync(statementsFile) ? (JSON.parse(readFileSync(statementsFile, 'utf8')) as { statements: Array<{ id: string; series: string; date: string }> }).statements : [];
  const byId = new Map(statements.map((statement) => [statement.id, statement]));
  const prebuilt = new Set((report.compare ?? []).flatMap((entry) => entry.prebuilt));
  return (older, newer) => {
    const a = byId.get(older);
    const b = byId.get(newer);
    return report.compare !== undefined && !!a && !!b && a.series === b.series && a.date <= b.date && !prebuilt.has(`${older}/${newer}`);
  };
}

/**
 * Check each listed URL against a built site.
 *
 * @param siteDir the built site.
 * @param list the lines of the list (blank lines and `#` comments are skipped).
 */
export function checkPermalinks(siteDir: string, list: readonly string[], inBrowser: string[] = []): Broken[] {
  const ids = new Map<string, Set<string> | undefined>();
  const broken: Broken[] = [];
  const redirects = redirectMapOf(siteDir);
  const computed = browserPairs(siteDir);
  const fileOf = (path: string) => join(siteDir, decodeURIComponent(path), path.endsWith('/') ? 'index.html' : '');
  list.forEach((raw, at) => {
    const url = raw.trim();
    if (!url || url.startsWith('#')) return;
    const [listed = '', anchor] = url.split('#');
    // An alias with no page of its own answers with a redirect to the history that holds it now.
    const path = !existsSync(fileOf(listed)) && redirects[listed] ? redirects[listed] : listed;
    const file = fileOf(path);
    const pair = /^\/(?:og\/)?compare\/([^/]+)\/([^/]+?)(?:\/|\.png)$/.exec(path);
    if (pair && !existsSync(file) && computed(decodeURIComponent(pair[1]!), decodeURIComponent(pair[2]!))) {
      inBrowser.push(url);
      return;
    }
    if (!ids.has(file)) ids.set(file, existsSync(file) ? idsOf(readFileSync(file, 'utf8')) : undefined);
    const found = ids.get(file);
    if (!found) broken.push({ line: at + 1, url, problem: `no page ${relative(siteDir, file)}` });
    else if (anchor && !found.has(decodeURIComponent(anchor))) broken.push({ line: at + 1, url, problem: `no element with id "${anchor}" (declare it in moved.yaml if the provision moved or went)` });
  });
  return broken;
}

/**
 * The URLs a built site publishes: every page and data file, and on statement
 * pages every section, paragraph and clause anchor.
 *
 * @param siteDir the built site.
 */
export function publishedUrls(siteDir: string): string[] {
  const urls: string[] = [];
  const files = readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((file) => !/^(?:_astro|pagefind)\//.test(file) && file !== '404.html' && !/\.(?:css|js|map)$/.test(file))
    .sort();
  for (const file of files) {
    const url = `/${file.replace(/(?:^|\/)index\.html$/, (m) => (m.startsWith('/') ? '/' : ''))}`;
    urls.push(url);
    if (url === '/clauses/redirects.json') urls.push(...Object.keys(redirectMapOf(siteDir)));
    if (url.startsWith('/statements/') && file.endsWith('index.html')) {
      const html = readFileSync(join(siteDir, file), 'utf8');
      for (const [tag] of html.matchAll(/<(?:section|div|span)\s[^>]*>/g)) {
        const id = /\sid="([^"]+)"/.exec(tag)?.[1];
        if (id && /\sclass="(?:statement-section|provision|clause)"/.test(tag)) urls.push(`${url}#${id}`);
      }
    }
  }
  return [...new Set(urls)];
}

/** The build's clause redirect map (alias path → history path), empty when the site has none. */
export function redirectMapOf(siteDir: string): Record<string, string> {
  const file = join(siteDir, 'clauses', 'redirects.json');
  return existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { redirects?: Record<string, string> }).redirects ?? {}) : {};
}

function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"')));
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { dir: { type: 'string', default: 'dist' }, list: { type: 'string', default: 'tests/permalinks.txt' } } });
  const listFile = values.list ?? 'tests/permalinks.txt';
  const siteDir = values.dir ?? 'dist';
  const lines = existsSync(listFile) ? readFileSync(listFile, 'utf8').split('\n') : [];
  if (positionals[0] === 'add') {
    const known = new Set(lines.map((line) => line.trim()));
    const added = publishedUrls(siteDir).filter((url) => !known.has(url));
    const text = lines.join('\n').replace(/\n*$/, '\n');
    writeFileSync(listFile, `${lines.length > 0 && text.trim() ? text : '# Published URLs and anchors (the URL contract). Never remove a line: see README, Permalinks.\n'}${added.map((url) => `${url}\n`).join('')}`);
    console.log(`${added.length} new URLs added to ${listFile}.`);
  } else {
    const inBrowser: string[] = [];
    const broken = checkPermalinks(siteDir, lines, inBrowser);
    for (const entry of broken) console.error(`${listFile}:${entry.line}  ${entry.url}  ${entry.problem}`);
    if (inBrowser.length > 0) console.log(`${inBrowser.length} addresses are pairs this site compares in the browser (not prebuilt): ${inBrowser.slice(0, 5).join(', ')}${inBrowser.length > 5 ? ', …' : ''}`);
    console.log(broken.length === 0 ? `All ${lines.filter((l) => l.trim() && !l.startsWith('#')).length} permalinks resolve.` : `${broken.length} permalinks no longer resolve.`);
    process.exit(broken.length === 0 ? 0 : 1);
  }
}
