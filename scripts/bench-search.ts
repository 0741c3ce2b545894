/**
 * Search benchmark: the bytes (as transferred, compressed) that a first and a
 * later query fetch in Chromium from the project server (gzip) on dist/, and
 * the time to index the corpus. Prints each figure with its target, PASS or FAIL.
 * Usage: node scripts/bench-search.ts [--dir dist] [--first Taiwan] [--later nuclear]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page, type Request } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/browser/chromium.ts';
import { resolve } from 'node:path';
import { indexRecords } from './search-index.ts';
import { loadCorpus } from '../src/data/load.ts';
import { analyse } from '../src/data/analysis.ts';
import { recordsOf } from '../src/data/search-records.ts';
import { serveSite } from './site-server.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, first: { type: 'string', default: 'Taiwan' }, later: { type: 'string', default: 'nuclear weapons' } } });
const targets = { firstKb: 150, laterKb: 20, indexSeconds: 10 };

const server = await serveSite(values.dir ?? 'dist');

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
let failed = false;
try {
  const page = await browser.newPage();
  const requests: Request[] = [];
  page.on('requestfinished', (request) => {
    if (!request.url().endsWith('/favicon.svg')) requests.push(request);
  });
  await page.goto(`${server.url}/search/`);
  await page.waitForLoadState('networkidle');
  const pageBytes = await bytesOf(requests.splice(0));
  const first = await query(page, values.first ?? 'Taiwan', requests);
  const later = await query(page, values.later ?? 'nuclear weapons', requests);

  const scratch = await mkdtemp(join(tmpdir(), 'summit-bench-search-'));
  const indexed = await indexRecords(scratch, recordsOf(analyse(await loadCorpus(resolve(process.env.CONTENT_DIR ?? 'content')))));
  await rm(scratch, { recursive: true, force: true });

  const rows: Array<[string, string, string, boolean]> = [
    [`first query “${values.first}” (${first.results} results, ${first.count} requests)`, kb(first.bytes), `≤ ${targets.firstKb} KB`, first.bytes <= targets.firstKb * 1024],
    [`later query “${values.later}” (${later.results} results, ${later.count} requests)`, kb(later.bytes), `≤ ${targets.laterKb} KB`, later.bytes <= targets.laterKb * 1024],
    [`index time (${indexed.records} clauses)`, `${(indexed.milliseconds / 1000).toFixed(2)} s`, `≤ ${targets.indexSeconds} s`, indexed.milliseconds <= targets.indexSeconds * 1000]
  ];
  console.log(`\nSearch page itself (HTML, CSS, JS, before any query): ${kb(pageBytes)} transferred.`);
  for (const [name, figure, target, pass] of rows) {
    console.log(`${pass ? 'PASS' : 'FAIL'}  ${name}: ${figure} (target ${target})`);
    if (!pass) failed = true;
  }
  console.log('\nFirst-query requests:');
  for (const line of first.detail) console.log(`  ${line}`);
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);

async function query(page: Page, text: string, requests: Request[]): Promise<{ bytes: number; count: number; results: number; detail: string[] }> {
  requests.splice(0);
  await page.locator('#search-results').evaluate((list) => list.setAttribute('aria-busy', 'true'));
  await page.fill('#search-q', text);
  await page.click('.search-query button[type="submit"]');
  await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
  await page.waitForLoadState('networkidle');
  const done = requests.splice(0);
  const detail = await Promise.all(done.map(async (request) => `${kb(await transferred(request))}  ${new URL(request.url()).pathname}`));
  return { bytes: await bytesOf(done), count: done.length, results: await page.locator('.search-result').count(), detail };
}

async function bytesOf(requests: Request[]): Promise<number> {
  let total = 0;
  for (const request of requests) total += await transferred(request);
  return total;
}

// Body as sent (gzip when the server compressed it) plus headers.
async function transferred(request: Request): Promise<number> {
  const sizes = await request.sizes();
  return sizes.responseBodySize + sizes.responseHeadersSize;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

