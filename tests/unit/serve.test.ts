import { spawn } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagePolicy, siteHandler } from '../../scripts/site-handler.ts';

const csp = "default-src 'self'; script-src 'self' 'sha256-abc='; object-src 'none'";
const root = mkdtempSync(join(tmpdir(), 'summit-diff-serve-'));
const page = (title: string) => `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${csp}"><title>${title}</title></head><body>${title}</body></html>`;
mkdirSync(join(root, '_astro'));
mkdirSync(join(root, 'statements', 'x'), { recursive: true });
writeFileSync(join(root, 'index.html'), page('Home'));
writeFileSync(join(root, '404.html'), page('Not found'));
writeFileSync(join(root, 'statements', 'x', 'index.html'), page('Statement x'));
writeFileSync(join(root, '_astro', 'app.js'), 'console.log(1);');

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
let server: Server;
let port = 0;
function send(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  server = createServer(siteHandler(root));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

describe('the site server', () => {
  it('serves a page with its own CSP, frame-ancestors and the security headers', async () => {
    const reply = await send('GET', '/');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Home');
    expect(reply.headers['content-security-policy']).toBe(`${csp}; frame-ancestors 'none'`);
    expect(reply.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['accept-ranges']).toBe('none');
  });

  it('answers malformed percent-encoding with 400', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/statements/%zz/']) expect((await send('GET', path)).status, path).toBe(400);
  });

  it('never redirects to another host', async () => {
    for (const path of ['/.//evil.example/%2E%2E%2Fstatements', '//evil.example/statements', '/\\evil.example/statements']) {
      const reply = await send('GET', path);
      const location = String(reply.headers.location ?? '');
      expect(location.startsWith('//') || location.startsWith('/\\') || /^[a-z]+:/i.test(location), `${path} → ${location}`).toBe(false);
    }
    const reply = await send('GET', '/statements/x?a=1');
    expect([reply.status, reply.headers.location]).toEqual([301, '/statements/x/?a=1']);
  });

  it('refuses methods other than GET and HEAD with 405, and request bodies with 413', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
      const reply = await send(method, '/', method === 'TRACE' ? undefined : 'x');
      expect([method, reply.status, reply.headers.allow]).toEqual([method, 405, 'GET, HEAD']);
    }
    // A 10 MB body announced: the answer comes before the body is sent, and the body is never read.
    const big = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'GET', path: '/', headers: { 'content-length': String(10 * 1024 * 1024) } }, (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
      req.write('x'.repeat(1024));
    });
    expect(big).toBe(413);
    const head = await send('HEAD', '/');
    expect([head.status, head.body]).toEqual([200, '']);
  });

  it('does not cache a 404 long, even under /_astro/, and discloses no path', async () => {
    const reply = await send('GET', '/_astro/missing.js');
    expect(reply.status).toBe(404);
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.body).toContain('Not found');
    expect((await send('GET', '/_astro/app.js')).headers['cache-control']).toContain('immutable');
  });

  it('serves a changed file anew', async () => {
    expect((await send('GET', '/statements/x/')).body).toContain('Statement x');
    const file = join(root, 'statements', 'x', 'index.html');
    writeFileSync(file, page('Statement x, revised'));
    const later = new Date(Date.UTC(2030, 0, 1));
    utimesSync(file, later, later);
    expect((await send('GET', '/statements/x/')).body).toContain('Statement x, revised');
  });

  it('gives a plain 404 without the folder when 404.html is missing', async () => {
    rmSync(join(root, '404.html'));
    const reply = await send('GET', '/nothing/here');
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain(root);
    expect(reply.body).not.toMatch(/ENOENT|\/tmp\//);
  });

  it('says plainly when the port is taken', async () => {
    const script = new URL('../../scripts/serve.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, [script, '--port', String(port), '--dir', root], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`Port ${port} is already in use (another server, or an earlier npm start?). Stop it, or serve on another port: npm run serve -- --port ${port + 1}`);
  });

  it('reads the policy from the meta tag, entities decoded', () => {
    expect(pagePolicy(`<meta http-equiv="content-security-policy" content="default-src &#39;self&#39;">`)).toBe("default-src 'self'; frame-ancestors 'none'");
  });
});
