/**
 * Serve a built site with scripts/serve.ts on a free loopback port, for the
 * browser tests, the benchmarks and the Lighthouse and load runs.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const serveScript = fileURLToPath(new URL('./serve.ts', import.meta.url));
// The project's Node 24 (the `node` dev dependency): the browser tests call this from vitest,
// which may have been started on the system's Node.
const projectNode = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export type SiteServer = { port: number; url: string; close: () => void };

/** Start serving `dir`; resolves once the server says it listens. */
export async function serveSite(dir = 'dist'): Promise<SiteServer> {
  const port = await freePort();
  const child = spawn(projectNode, [serveScript, '--port', String(port), '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`The site server exited with ${code} before it listened.`)));
  });
  return { port, url: `http://localhost:${port}`, close: () => child.kill() };
}
