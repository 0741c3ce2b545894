/**
 * Serve the built site (dist/) on localhost: static files, directory
 * indexes, the 404 page with status 404, gzip for text, and caching headers.
 * Usage: node scripts/serve.ts [--port 4321] [--dir dist]
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.PORT ?? '4321' }, dir: { type: 'string', default: 'dist' } } });
const root = resolve(values.dir ?? 'dist');
const port = Number(values.port);

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
const cache = new Map<string, { body: Buffer; gzip?: Buffer }>();

async function resolveFile(pathname: string): Promise<string | undefined> {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
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

async function load(file: string): Promise<{ body: Buffer; gzip?: Buffer }> {
  const hit = cache.get(file);
  if (hit) return hit;
  const body = await readFile(file);
  const type = types[extname(file)] ?? 'application/octet-stream';
  const entry = compressible.test(type) && body.length > 512 ? { body, gzip: gzipSync(body) } : { body };
  cache.set(file, entry);
  return entry;
}

const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? '/', 'http://localhost');
    // A directory without its trailing slash: redirect, as static hosts do.
    if (!url.pathname.endsWith('/') && !extname(url.pathname)) {
      const dir = await resolveFile(`${url.pathname}/`);
      if (dir) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
    }
    let file = await resolveFile(url.pathname);
    let status = 200;
    if (!file) {
      file = join(root, '404.html');
      status = 404;
    }
    const entry = await load(file);
    const type = types[extname(file)] ?? 'application/octet-stream';
    const gzip = entry.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const immutable = url.pathname.startsWith('/_astro/') || url.pathname.startsWith('/pagefind/fragment/');
    response.writeHead(status, {
      'content-type': type,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {})
    });
    response.end(request.method === 'HEAD' ? undefined : gzip ? entry.gzip : entry.body);
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain' }).end(`Server error: ${error instanceof Error ? error.message : String(error)}`);
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Summit Diff is served at http://localhost:${port}/ (from ${values.dir}); stop with Ctrl+C.`);
});
