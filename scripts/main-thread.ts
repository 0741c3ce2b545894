/**
 * The main-thread work of loading a page on a phone-sized viewport, as CPU
 * time of Chromium's renderer thread (thread time, so a busy machine slows it
 * less than the wall-clock durations Lighthouse throttles): the total, the
 * longest task, and the time tasks spend past 50 ms (what Total Blocking Time
 * sums, before Lighthouse's 4x CPU slowdown). The median of several loads.
 * A figure to compare two builds of a page when Lighthouse's timing moves with
 * the machine's load.
 * Usage: node scripts/main-thread.ts [--runs N] [path …]   (default: / and the pages Lighthouse checks)
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/browser/chromium.ts';
import { serveSite } from './site-server.ts';

type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } };

const { positionals, values } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '5' } } });
const paths = positionals.length > 0 ? positionals : ['/', '/statements/2025-moscow/', '/formulas/', '/topics/', '/graph/', '/search/'];
const runs = Math.max(1, Number(values.runs));
const server = await serveSite(process.env.SITE_DIR ?? 'dist');
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

/** One load: the renderer main thread's top-level tasks, in ms of thread time. */
async function load(path: string): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink'] });
  await page.goto(`${server.url}${path}`);
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 500))));
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await context.close();
  const main = trace.traceEvents.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  // The renderer that loaded the page: the main thread that parsed HTML (the first, blank page's renderer does not).
  const parsed = (thread: TraceEvent) => trace.traceEvents.filter((event) => event.pid === thread.pid && event.tid === thread.tid && event.name === 'ParseHTML').length;
  const thread = [...main].sort((a, b) => parsed(b) - parsed(a))[0];
  if (!thread) return [];
  return trace.traceEvents.filter((event) => event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X' && event.name === 'RunTask').map((event) => (event.tdur ?? event.dur ?? 0) / 1000);
}

console.log(`page                         CPU total  longest task  past 50 ms   (ms of thread time, median of ${runs}, 412 px)`);
for (const path of paths) {
  const figures: Array<{ total: number; longest: number; past: number }> = [];
  await load(path); // a first load warms the browser's caches (fonts, code) and does not count
  for (let run = 0; run < runs; run++) {
    const tasks = await load(path);
    figures.push({ total: tasks.reduce((s, t) => s + t, 0), longest: Math.max(0, ...tasks), past: tasks.reduce((s, t) => s + Math.max(0, t - 50), 0) });
  }
  const cell = (key: 'total' | 'longest' | 'past', width: number) => String(Math.round(median(figures.map((f) => f[key])))).padStart(width);
  console.log(`${path.padEnd(28)}${cell('total', 10)}${cell('longest', 14)}${cell('past', 12)}`);
}
await browser.close();
server.close();
