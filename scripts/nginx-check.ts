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
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { linksOf } from './links.ts';
import { freePort } from './site-server.ts';
import { normaliseBase, withBase, withoutBase } from '../src/lib/model/href.ts';

const nginx = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const { values } = parseArgs({ options: { site: { type: 'string' } } });
const base = normaliseBase(process.env.BASE_PATH || '/summit-diff/');
const work = mkdtempSync(join(tmpdir(), 'summit-nginx-'));
const root = join(work, 'root');
// nginx started by root reads as an unprivileged user: the temporary folder must be readable.
chmodSync(work, 0o755);
const site = values.site ? resolve(values.site) : join(root, ...base.split('/').filter(Boolean));
const problems: string[] = [];
let server: ReturnType<typeof spawn> | undefined;
// nginx never outlives this script, however it ends.
process.on('exit', () => server?.kill('SIGTERM'));

function finish(code: number): never {
  if (server?.pid) server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
  process.exit(code);
}

/** Resolve once the port accepts connections: polled every 50 ms, for up to `tries` attempts. */
async function listening(port: number, tries = 200): Promise<void> {
  for (let attempt = 0; attempt < tries; attempt++) {
    const ok = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        done(true);
      });
      socket.on('error', () => done(false));
    });
    if (ok) return;
    if (server?.exitCode !== null && server?.exitCode !== undefined) throw new Error(`nginx stopped (exit ${server.exitCode}).`);
    await new Promise((wait) => setTimeout(wait, 50));
  }
  throw new Error(`nginx does not listen on port ${port}.`);
}

if (!values.site) {
  const build = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, BASE_PATH: base, OUT_DIR: site } });
  if (build.status !== 0) {
    console.error('The sub-path build failed.');
    finish(1);
  }
} else {
  const parent = join(root, ...base.split('/').filter(Boolean).slice(0, -1));
  spawnSync('mkdir', ['-p', parent]);
  if (base !== '/') symlinkSync(site, join(root, ...base.split('/').filter(Boolean)));
  else {
    rmSync(root, { recursive: true, force: true });
    symlinkSync(site, root);
  }
}

// The server block the build wrote, with this machine's root and a free port.
const port = await freePort();
const written = readFileSync(join(site, 'nginx.conf'), 'utf8');
const block = written.replace(/^ {4}listen .*;$/m, `    listen 127.0.0.1:${port};`).replace(/^ {4}root .*;$/m, `    root ${root};`);
if (!block.includes(`location ${base} {`)) {
  console.error(`${join(site, 'nginx.conf')} is not for the base path ${base}: build with BASE_PATH=${base}.`);
  finish(1);
}
writeFileSync(join(work, 'server.conf'), block);
writeFileSync(
  join(work, 'nginx.conf'),
  [
    'worker_processes 1;',
    `pid ${join(work, 'nginx.pid')};`,
    `error_log ${join(work, 'error.log')} warn;`,
    'events { worker_connections 64; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    `  access_log off;`,
    `  client_body_temp_path ${work}/body; proxy_temp_path ${work}/proxy; fastcgi_temp_path ${work}/fastcgi; uwsgi_temp_path ${work}/uwsgi; scgi_temp_path ${work}/scgi;`,
    `  include ${join(work, 'server.conf')};`,
    '}',
    ''
  ].join('\n')
);
server = spawn(nginx, ['-p', work, '-c', join(work, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
try {
  await listening(port);
} catch (error) {
  console.error(String(error), readFileSync(join(work, 'error.log'), { encoding: 'utf8', flag: 'a+' }).slice(-2000));
  finish(1);
}
const origin = `http://127.0.0.1:${port}`;

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
