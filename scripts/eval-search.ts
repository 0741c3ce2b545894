/**
 * Search quality on the built site: for each query of tests/search/queries.ts,
 * the provisions the search page lists (in headless Chromium, as a reader gets
 * them), scored against the provisions expected: precision@3 and mean
 * reciprocal rank, per query and overall. Exit code 1 when a query has no
 * expected provision in its top 3.
 * Usage: node scripts/eval-search.ts [--dir dist]   (build first)
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/browser/chromium.ts';
import { rankedKeys } from '../tests/search/ranked.ts';
import { searchQueries } from '../tests/search/queries.ts';
import { precisionAt, reciprocalRank } from '../src/lib/eval/search-quality.ts';
import { serveSite } from './site-server.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' } } });
const dir = values.dir ?? 'dist';
if (!existsSync(`${dir}/pagefind/pagefind.js`)) {
  console.error(`No search index in ${dir}/: run \`npm run build\` first.`);
  process.exit(1);
}
const server = await serveSite(dir);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
let precision = 0;
let reciprocal = 0;
let missed = 0;
try {
  const page = await browser.newPage();
  console.log(`${'query'.padEnd(28)} ${'P@3'.padStart(5)} ${'RR'.padStart(5)}  top 3`);
  for (const { query, expected } of searchQueries) {
    const ranked = await rankedKeys(page, server.url, query);
    const p = precisionAt(3, ranked, expected);
    const rr = reciprocalRank(ranked, expected);
    precision += p;
    reciprocal += rr;
    if (p === 0) missed++;
    console.log(`${query.padEnd(28)} ${p.toFixed(2).padStart(5)} ${rr.toFixed(2).padStart(5)}  ${ranked.slice(0, 3).map((key) => (expected.includes(key) ? `[${key}]` : key)).join(', ')}`);
  }
} finally {
  await browser.close();
  server.close();
}
const n = searchQueries.length;
console.log(`\n${n} queries: precision@3 ${(precision / n).toFixed(3)}, MRR ${(reciprocal / n).toFixed(3)}; ${missed} without an expected provision in the top 3.`);
process.exit(missed > 0 ? 1 : 0);
