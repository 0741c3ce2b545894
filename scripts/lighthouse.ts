/**
 * Lighthouse (mobile settings, simulated throttling) on one page of each
 * type, in Debian's Chromium, against the site served from dist/.
 * Prints performance and accessibility scores; exits 1 below the targets
 * (performance ≥ 95, accessibility 100). A page below target is run twice more
 * and judged on the median run, as timing scores vary between runs.
 * With --detail, prints for each page the counted run's metrics (FCP, LCP, TBT,
 * CLS, Speed Index) and diagnostics (DOM size, render-blocking requests, main-thread
 * work, the largest contentful element); with --json DIR, writes that run's report
 * to DIR as JSON.
 * Usage: node scripts/lighthouse.ts [--detail] [--json DIR] [path …]
 */
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/browser/chromium.ts';
import { loadCorpus } from '../src/data/load.ts';
import { latestPair } from '../src/view/series.ts';
import { freePort, serveSite } from './site-server.ts';
import { parseArgs } from 'node:util';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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

const { positionals, values } = parseArgs({ allowPositionals: true, options: { detail: { type: 'boolean' }, json: { type: 'string' } } });
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
    audits: result ? Object.values(result.lhr.audits) : [],
    lhr: result?.lhr
  };
}

type Lhr = NonNullable<Awaited<ReturnType<typeof run>>['lhr']>;

/** The metrics and diagnostics of a run, a few lines. */
function detail(lhr: Lhr): string {
  const audit = (id: string) => lhr.audits[id];
  const value = (id: string) => audit(id)?.displayValue ?? '–';
  const items = (id: string) => ((audit(id)?.details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? []);
  const lines = [`    FCP ${value('first-contentful-paint')}, LCP ${value('largest-contentful-paint')}, TBT ${value('total-blocking-time')}, CLS ${value('cumulative-layout-shift')}, Speed Index ${value('speed-index')}`];
  const dom = items('dom-size').map((item) => `${String((item.statistic as string | undefined) ?? '')} ${String((item.value as { value?: number } | undefined)?.value ?? '')}`).join(', ');
  lines.push(`    DOM: ${dom || value('dom-size')}; main-thread work ${value('mainthread-work-breakdown')}; JS execution ${value('bootup-time')}`);
  const blocking = items('render-blocking-resources').map((item) => `${String(item.url).replace(/^https?:\/\/[^/]+/, '')} (${String(Math.round(Number(item.wastedMs ?? 0)))} ms)`);
  lines.push(`    render-blocking: ${blocking.join(', ') || 'none'}`);
  const lcp = items('largest-contentful-paint-element');
  const node = (lcp[0] as { items?: Array<{ node?: { selector?: string; snippet?: string } }> } | undefined)?.items?.[0]?.node ?? (lcp[0] as { node?: { selector?: string; snippet?: string } } | undefined)?.node;
  const phases = ((lcp[1] as { items?: Array<{ phase?: string; timing?: number }> } | undefined)?.items ?? []).map((phase) => `${phase.phase} ${Math.round(phase.timing ?? 0)} ms`);
  const lcpError = audit('largest-contentful-paint-element')?.errorMessage;
  lines.push(`    LCP element: ${node?.selector ?? (lcpError ? `(Lighthouse could not say: ${lcpError.slice(0, 80)})` : '–')}  ${(node?.snippet ?? '').slice(0, 100)}${phases.length ? `\n      phases: ${phases.join(', ')}` : ''}`);
  const breakdown = items('mainthread-work-breakdown').slice(0, 5).map((item) => `${String(item.groupLabel ?? item.group)} ${Math.round(Number(item.duration ?? 0))} ms`);
  lines.push(`    main thread: ${breakdown.join(', ')}`);
  const shifts = items('layout-shifts').slice(0, 3).map((item) => `${(item.node as { selector?: string } | undefined)?.selector ?? '?'} ${Number(item.score ?? 0).toFixed(3)}`);
  if (shifts.length) lines.push(`    layout shifts: ${shifts.join(', ')}`);
  const long = items('long-tasks').slice(0, 4).map((item) => `${String(item.url).replace(/^https?:\/\/[^/]+/, '')} ${Math.round(Number(item.duration ?? 0))} ms`);
  if (long.length) lines.push(`    long tasks: ${long.join(', ')}`);
  return lines.join('\n');
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
  if (values.detail && counted.lhr) console.log(detail(counted.lhr));
  if (values.json && counted.lhr) {
    await mkdir(values.json, { recursive: true });
    await writeFile(join(values.json, `${path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'home'}.json`), JSON.stringify(counted.lhr, null, 1));
  }
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

