import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { chromiumArgs, chromiumPath } from '../tests/browser/chromium.ts';
import { serveSite } from './site-server.ts';
const server = await serveSite(process.env.TRACE_DIR ?? 'dist');
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
for (const path of process.argv.slice(2)) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink'] });
  await page.goto(server.url + path);
  await page.waitForLoadState('load');
  await page.waitForTimeout(1000);
  const buf = await browser.stopTracing();
  const trace = JSON.parse(buf.toString());
  const events = trace.traceEvents ?? trace;
  // main thread: the renderer's CrRendererMain
  const main = events.find((e: any) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e: any) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const sums = new Map<string, number>();
  for (const e of onMain) sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  const tasks = onMain.filter((e: any) => e.name === 'RunTask' && (e.tdur ?? e.dur) > 20000).map((e: any) => Math.round((e.tdur ?? e.dur) / 1000));
  const all = onMain.filter((e: any) => e.name === 'RunTask').reduce((s: number, e: any) => s + (e.tdur ?? e.dur) / 1000, 0);
  const blocking = onMain.filter((e: any) => e.name === 'RunTask' && (e.tdur ?? e.dur) > 50000).reduce((s: number, e: any) => s + (e.tdur ?? e.dur) / 1000 - 50, 0);
  console.log(path.padEnd(24), 'total', Math.round(all), 'blocking>50', Math.round(blocking), 'long:', tasks.join(' '));
  //console.log([...sums].sort((a, b) => b[1] - a[1]).slice(0, 18).map(([n, d]) => `${n} ${d.toFixed(0)}`).join(', '));
  const dec = onMain.filter((e: any) => e.name === 'TextResourceDecoder::Decode' && e.dur > 5000).map((e: any) => `${Math.round(e.dur/1000)}@${Math.round((e.ts - onMain[0].ts)/1000)}`);
  //console.log('decode', dec.join(' '));
  // the children of each long RunTask: top names by self duration
  for (const t of onMain.filter((e: any) => e.name === 'RunTask' && (e.tdur ?? e.dur) > 50000)) {
    const kids = onMain.filter((e: any) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e.name !== 'RunTask');
    const top = new Map<string, number>();
    for (const k of kids) top.set(k.name, Math.max(top.get(k.name) ?? 0, (k.dur ?? 0) / 1000));
    //console.log(`  task ${Math.round(t.dur/1000)} ms @${Math.round((t.ts - onMain[0].ts)/1000)}:`, [...top].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, d]) => `${n} ${d.toFixed(0)}`).join(', '));
  }
  const big = onMain.filter((e: any) => e.name === 'RunTask').sort((a: any, b: any) => (b.tdur ?? b.dur) - (a.tdur ?? a.dur))[0];
  const inside = onMain.filter((e: any) => e.ts >= big.ts && e.ts + (e.dur ?? 0) <= big.ts + big.dur).sort((a: any, b: any) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map<string, number>();
  const stack: any[] = [];
  for (const e of inside) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    if (stack.length) self.set(stack.at(-1).name, (self.get(stack.at(-1).name) ?? 0) - (e.tdur ?? e.dur) / 1000);
    self.set(e.name, (self.get(e.name) ?? 0) + (e.tdur ?? e.dur) / 1000);
    stack.push(e);
  }
  console.log('   biggest task self times:', [...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, d]) => `${n} ${d.toFixed(0)}`).join(', '));
  await context.close();
}
await browser.close();
server.close();
