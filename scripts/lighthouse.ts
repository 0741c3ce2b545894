/**
 * Lighthouse (mobile settings, simulated throttling) on one page of each
 * type, in Debian's Chromium, against the site served from dist/.
 * Prints performance and accessibility scores; exits 1 below the targets
 * (performance ≥ 95, accessibility 100). A page below target is run twice more
 * and judged on the median run, as timing scores vary between runs.
 * Usage: node scripts/lighthouse.ts [path …]
 */
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/browser/chromium.ts';
import { loadCorpus } from '../src/data/load.ts';
import { latestPair } from '../src/view/series.ts';
import { freePort, serveSite } from './site-server.ts';
import { parseArgs } from 'node:util';

const targets = { performance: 95, accessibility: 100 };

/** One page of each type; the statement and compare pages of the main line's latest pair (the largest). */
async function defaultPaths(): Promise<string[]> {
  const corpus = await loadCorpus(process.env.CONTENT_DIR ?? 'content');
  const statements = corpus.statements.filter((statement) => statement.series === corpus.series[0]?.id);
  const pair = latestPair(statements);
  return [
    '/',
    pair ? `/statements/${pair.newer.id}/` : '',
    pair ? `/compare/${pair.older.id}/${pair.newer.id}/` : '',
    '/formulas/',
    '/topics/',
    '/graph/',
    '/search/'
  ].filter(Boolean);
}

const { positionals } = parseArgs({ allowPositionals: true });
const paths = positionals.length > 0 ? positionals : await defaultPaths();
const server = await serveSite('dist');
const debugPort = await freePort();
const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, `--remote-debugging-port=${debugPort}`] });

let failed = false;
console.log('page                                          performance  accessibility');

/** One Lighthouse run of a page: its two scores and the audits, for a report of what failed. */
async function run(path: string) {
  const result = await lighthouse(`${server.url}${path}`, {
    port: debugPort,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility']
  });
  const categories = result?.lhr.categories;
  return {
    performance: Math.round((categories?.performance?.score ?? 0) * 100),
    accessibility: Math.round((categories?.accessibility?.score ?? 0) * 100),
    audits: result ? Object.values(result.lhr.audits) : []
  };
}

for (const path of paths) {
  // Timing scores vary from run to run on a shared machine. Lighthouse's own advice is
  // the median of five runs: a page below target gets four more runs, and the run with
  // the median performance score counts. (Three runs were not enough here: the commit
  // before this sitting's work scored /formulas/ 89, 90 and 91 on one idle afternoon.)
  let runs = [await run(path)];
  const meets = (r: (typeof runs)[number]): boolean => r.performance >= targets.performance && r.accessibility >= targets.accessibility;
  if (!meets(runs[0]!)) {
    for (let more = 0; more < 4; more++) runs.push(await run(path));
    runs.sort((a, b) => a.performance - b.performance);
  }
  const counted = runs[Math.floor(runs.length / 2)]!;
  const ok = meets(counted);
  if (!ok) failed = true;
  const note = runs.length > 1 ? `  (median of ${runs.length} runs: ${runs.map((r) => r.performance).join(', ')})` : '';
  console.log(`${path.padEnd(46)}${String(counted.performance).padStart(11)}  ${String(counted.accessibility).padStart(13)}  ${ok ? 'PASS' : 'FAIL'}${note}`);
  if (!ok) {
    for (const audit of counted.audits) {
      if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable') {
        console.log(`    ${audit.id}: ${audit.displayValue ?? ''} (${audit.score})`);
        // The first few offending elements, so that a failure says where to look.
        const items = (audit.details as { items?: Array<{ node?: { selector?: string; snippet?: string } }> } | undefined)?.items ?? [];
        for (const item of items.slice(0, 3)) if (item.node) console.log(`      ${item.node.selector ?? ''}  ${(item.node.snippet ?? '').slice(0, 120)}`);
      }
    }
  }
}
console.log(`Targets: performance ≥ ${targets.performance}, accessibility ${targets.accessibility} (mobile settings).`);
await browser.close();
server.close();
process.exit(failed ? 1 : 0);

