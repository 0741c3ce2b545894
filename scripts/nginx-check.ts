/**
 * What users deploy, tested: build the site for a sub-path (BASE_PATH, default
 * /summit-diff/) into a temporary folder, serve it with Debian's nginx and the
 * server block the build wrote, and check over HTTP that every internal link of
 * every page and every line of the permalink list answers 200 (an alias answers
 * 301 to a page that does), that pages carry the CSP with frame-ancestors 'none',
 * that only hashed assets are cached for good, and that a missing page gets the
 * site's 404 page.
 * Usage: node scripts/nginx-check.ts [--site dir]   (--site: an existing build for BASE_PATH)
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { linksOf } from './links.ts';
import { serveWithNginx } from './nginx-server.ts';
import type { SiteServer } from './site-server.ts';
import { normaliseBase, withBase, withoutBase } from '../src/lib/model/href.ts';

const { values } = parseArgs({ options: { site: { type: 'string' } } });
const base = normaliseBase(process.env.BASE_PATH || '/summit-diff/');
const work = mkdtempSync(join(tmpdir(), 'summit-nginx-build-'));
// nginx's workers read as an unprivileged user: the folder holding the build must be readable.
chmodSync(work, 0o755);
const site = values.site ? resolve(values.site) : join(work, 'site');
const problems: string[] = [];
let server: SiteServer | undefined;

function finish(code: number): never {
  server?.close();
  rmSync(work, { recursive: true, force: true });
  process.exit(code);
}

if (!values.site) {
  const build = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, BASE_PATH: base, OUT_DIR: site } });
  if (build.status !== 0) {
    console.error('The sub-path build failed.');
    finish(1);
  }
}

try {
  server = await serveWithNginx(site, base);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  finish(1);
}
const origin = server.url;

async function get(path: string): Promise<Response> {
  return fetch(`${origin}${path}`, { redirect: 'manual' });
}

/** 200, or a 301 within the base to a path that answers 200. */
async function answers(path: string): Promise<string | undefined> {
  const response = await get(path);
  await response.arrayBuffer();
  if (response.status === 200) return undefined;
  if (response.status === 301) {
    const location = response.headers.get('location') ?? '';
    const target = new URL(location, `${origin}${path}`);
    if (target.origin !== origin || withoutBase(base, target.pathname) === undefined) return `301 to ${location}, off the site`;
    const next = await get(`${target.pathname}${target.search}`);
    await next.arrayBuffer();
    return next.status === 200 ? undefined : `301 to ${location}, which answers ${next.status}`;
  }
  return `answers ${response.status}`;
}

// Every internal link target of every page, once.
const targets = new Set<string>();
let pages = 0;
for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
  pages++;
  const file = join(entry.parentPath, entry.name);
  const path = withBase(base, `/${file.slice(site.length + 1).split('\\').join('/')}`.replace(/index\.html$/, ''));
  for (const link of linksOf(readFileSync(file, 'utf8'))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//') || link.startsWith('#')) continue;
    const url = new URL(link, `${origin}${path}`);
    targets.add(url.pathname);
  }
}
const permalinks = readFileSync('tests/permalinks.txt', 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
for (const url of permalinks) targets.add(withBase(base, url.split('#')[0] ?? '/'));

const queue = [...targets];
await Promise.all(
  Array.from({ length: 8 }, async () => {
    for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
      const problem = await answers(path);
      if (problem) problems.push(`${path}: ${problem}`);
    }
  })
);

// Headers and caching, as the host files promise.
const home = await get(base);
const policy = home.headers.get('content-security-policy') ?? '';
if (!/frame-ancestors 'none'/.test(policy)) problems.push(`${base}: no CSP with frame-ancestors 'none' (${policy || 'none'})`);
if (home.headers.get('x-content-type-options') !== 'nosniff') problems.push(`${base}: no nosniff`);
if (!home.headers.get('referrer-policy')) problems.push(`${base}: no Referrer-Policy`);
if (/immutable/.test(home.headers.get('cache-control') ?? '')) problems.push(`${base}: a page is cached as immutable`);
const asset = /href="([^"]*\/_astro\/[^"]+\.css)"/.exec(await home.text())?.[1];
if (!asset) problems.push(`${base}: no stylesheet in _astro/`);
else {
  const response = await get(asset);
  if (!/immutable/.test(response.headers.get('cache-control') ?? '')) problems.push(`${asset}: hashed asset not cached as immutable`);
  if (!/frame-ancestors 'none'/.test(response.headers.get('content-security-policy') ?? '')) problems.push(`${asset}: no CSP`);
}
const missing = await get(withBase(base, '/no-such-page/'));
if (missing.status !== 404 || !(await missing.text()).includes('<html')) problems.push(`a missing page answers ${missing.status} without the site's 404 page`);
const bare = await get(base.slice(0, -1) || '/');
if (base !== '/' && (bare.status !== 301 || bare.headers.get('location') !== base)) problems.push(`${base.slice(0, -1)} does not redirect to ${base}`);

for (const problem of problems) console.error(`NGINX  ${problem}`);
console.log(`nginx served ${pages} pages under ${base}: ${targets.size} link targets and ${permalinks.length} permalinks checked, ${problems.length} problems.`);
finish(problems.length > 0 ? 1 : 0);
