/**
 * The request handler of scripts/serve.ts, apart so that tests can serve a
 * folder on a loopback port. Hand-written rather than sirv: sirv serves
 * precompressed files only, while the site is gzipped on the fly here, and
 * the handler is small enough to hold every rule below in one place.
 *
 * - GET and HEAD only (405 otherwise), no request bodies (413).
 * - 400 for a path that is not valid percent-encoding; nothing outside the folder.
 * - Redirects to a directory's slash stay on this host (never `//host/…`).
 * - Long caching only for found hashed assets; a 404 is never cached long.
 * - The file cache is keyed by size and modification time, so a rebuilt file is served new.
 * - Security headers on every response: the page's own CSP (from the meta tag
 *   the build writes) plus `frame-ancestors 'none'`, which only a header can carry.
 * - No byte ranges (`Accept-Ranges: none`); no file-system path in any response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2'
};
const compressible = /^(?:text\/|application\/(?:json|xml|javascript)|image\/svg)/;
/**
 * Policy for responses that are not pages (scripts, data, images). A script's own
 * response policy governs it when it runs as a worker (Pagefind searches in one and
 * fetches its index and wasm), so assets get the site's fetch rules, not `'none'`.
 */
const assetPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; frame-ancestors 'none'";

type Entry = { body: Buffer; gzip?: Buffer; size: number; mtimeMs: number; policy: string };

/** The CSP a built page declares in its meta tag, with frame-ancestors added (a meta tag cannot carry it). */
export function pagePolicy(html: string): string {
  const meta = /<meta\s+http-equiv=["']?content-security-policy["']?\s+content=(?:"([^"]*)"|'([^']*)')/i.exec(html);
  const declared = (meta?.[1] ?? meta?.[2] ?? "default-src 'self'").replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim().replace(/;\s*$/, '');
  return /frame-ancestors/.test(declared) ? declared : `${declared}; frame-ancestors 'none'`;
}

/** A request handler serving the built site in `root` (an absolute path). */
export function siteHandler(root: string): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const cache = new Map<string, Entry>();

  const maps = new Map<string, Promise<Record<string, string>>>();
  // The redirect map of the site under a path prefix (the base path), read once.
  function redirectsUnder(prefix: string): Promise<Record<string, string>> {
    let map = maps.get(prefix);
    if (!map) {
      map = resolveFile(`${prefix}clauses/redirects.json`)
        .then((file) => (file ? readFile(file, 'utf8') : '{}'))
        .then((text) => (JSON.parse(text) as { redirects?: Record<string, string> }).redirects ?? {})
        .catch(() => ({}));
      maps.set(prefix, map);
    }
    return map;
  }

  async function resolveFile(decoded: string): Promise<string | undefined> {
    const safe = normalize(decoded).replace(/^([/\\])+/, '');
    const candidate = join(root, safe);
    if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
    if (info?.isDirectory()) {
      const index = join(candidate, 'index.html');
      if ((await stat(index).catch(() => undefined))?.isFile()) return index;
    }
    return undefined;
  }

  async function load(file: string): Promise<Entry | undefined> {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const hit = cache.get(file);
    if (hit && hit.size === info.size && hit.mtimeMs === info.mtimeMs) return hit;
    const body = await readFile(file);
    const type = types[extname(file)] ?? 'application/octet-stream';
    const policy = extname(file) === '.html' ? pagePolicy(body.toString('utf8')) : assetPolicy;
    const entry: Entry = { body, size: info.size, mtimeMs: info.mtimeMs, policy, ...(compressible.test(type) && body.length > 512 ? { gzip: gzipSync(body) } : {}) };
    cache.set(file, entry);
    return entry;
  }

  const security = (policy: string) => ({
    'content-security-policy': policy,
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'accept-ranges': 'none'
  });
  const plain = (response: ServerResponse, status: number, text: string, extra: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...security(assetPolicy), ...extra }).end(`${text}\n`);
  };

  return async (request, response) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        request.resume();
        plain(response, 405, 'Method not allowed: this site is read with GET and HEAD.', { allow: 'GET, HEAD', connection: 'close' });
        return;
      }
      if (Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined) {
        plain(response, 413, 'A request to this site carries no body.', { connection: 'close' });
        return;
      }
      const raw = (request.url ?? '/').split('?')[0] ?? '/';
      const search = (request.url ?? '').includes('?') ? `?${(request.url ?? '').split('?').slice(1).join('?')}` : '';
      let decoded: string;
      try {
        decoded = decodeURIComponent(raw);
      } catch {
        plain(response, 400, 'Bad request: the address is not valid percent-encoding.');
        return;
      }
      if (decoded.includes('\0')) {
        plain(response, 400, 'Bad request.');
        return;
      }
      // A directory without its trailing slash: redirect, as static hosts do, always to a path on this host.
      if (!decoded.endsWith('/') && !extname(decoded) && (await resolveFile(`${decoded}/`))) {
        const local = `/${raw.replace(/^[/\\]+/, '')}/`.replace(/\\/g, '/');
        response.writeHead(301, { location: `${local}${search}`, 'cache-control': 'no-store', ...security(assetPolicy) }).end();
        return;
      }
      let status = 200;
      let entry = await resolveFile(decoded).then((file) => (file ? load(file) : undefined));
      // A clause alias: the build's redirect map sends it on, as the host files do on a static host.
      const alias = entry ? undefined : /^(.*\/)(clauses\/[^/]+)\/?$/.exec(decoded);
      if (alias) {
        const target = (await redirectsUnder(alias[1]!))[`/${alias[2]}/`];
        if (target) {
          response.writeHead(301, { location: `${encodeURI(alias[1]! + target.slice(1))}${search}`, 'cache-control': 'no-store', ...security(assetPolicy) }).end();
          return;
        }
      }
      let type = 'text/html; charset=utf-8';
      if (entry) {
        const file = await resolveFile(decoded);
        type = types[extname(file ?? '')] ?? 'application/octet-stream';
      } else {
        status = 404;
        entry = await load(join(root, '404.html'));
        if (!entry) {
          plain(response, 404, 'Not found.');
          return;
        }
      }
      const gzip = entry.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      const immutable = status === 200 && (decoded.startsWith('/_astro/') || decoded.startsWith('/pagefind/fragment/'));
      response.writeHead(status, {
        'content-type': type,
        'cache-control': status !== 200 ? 'no-cache' : immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        vary: 'accept-encoding',
        ...security(entry.policy),
        ...(gzip ? { 'content-encoding': 'gzip' } : {})
      });
      response.end(request.method === 'HEAD' ? undefined : gzip ? entry.gzip : entry.body);
    } catch {
      // Never the error's text: it can hold a file-system path.
      if (!response.headersSent) plain(response, 500, 'Internal server error.');
      else response.destroy();
    }
  };
}
