/**
 * Serve the built site (dist/) for the browser tests on a free port, and
 * hand the address to the tests.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveSite, type SiteServer } from '../../scripts/site-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: SiteServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('No built site in dist/: run `npm run build` before the browser tests.');
  server = await serveSite('dist');
  project.provide('baseUrl', server.url);
}

export async function teardown(): Promise<void> {
  server?.close();
}

