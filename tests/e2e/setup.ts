/**
 * Serve the built site (dist/) for the browser tests on a free port, and
 * hand the address to the tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: ChildProcess | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('No built site in dist/: run `npm run build` before the browser tests.');
  const port = await freePort();
  server = spawn(process.execPath, ['scripts/serve.ts', '--port', String(port), '--dir', 'dist'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    server?.stdout?.once('data', () => resolve());
    server?.once('exit', (code) => reject(new Error(`The test server exited with ${code}`)));
  });
  project.provide('baseUrl', `http://localhost:${port}`);
}

export async function teardown(): Promise<void> {
  server?.kill();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
