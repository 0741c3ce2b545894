/**
 * Take screenshots of pages of a running site, to look at them as a reader.
 * Usage: node scripts/screenshot.ts [--full] [--dark] <base-url> <out-dir> <path>[@width[xheight]] …
 * --full takes the whole page, --dark emulates a dark colour scheme. Waits for
 * results the page is still loading (an element with aria-busy="true").
 */
import { chromium } from 'playwright-core';
import { chromiumPath, chromiumArgs } from '../tests/browser/chromium.ts';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { full: { type: 'boolean' }, dark: { type: 'boolean' } } });
const [base, out, ...paths] = positionals;
const fullPage = values.full === true;
const colorScheme = values.dark ? 'dark' : 'light';
if (!base || !out || paths.length === 0) {
  console.error('Usage: node scripts/screenshot.ts <base-url> <out-dir> <path>[@width[xheight]] …');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
for (const spec of paths) {
  const [path = '/', size = '1280'] = spec.split('@');
  const [width = 1280, height = 900] = size.split('x').map(Number);
  const page = await browser.newPage({ viewport: { width, height }, colorScheme });
  await page.goto(new URL(path, base).href);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  // A #fragment scrolls smoothly: wait until the scroll position holds still.
  let last = -1;
  for (let tries = 0; tries < 30; tries++) {
    await page.waitForTimeout(200);
    const y = await page.evaluate(() => window.scrollY);
    if (y === last) break;
    last = y;
  }
  const name = `${path.replace(/[^a-z0-9]+/gi, '_')}_${width}${colorScheme === 'dark' ? '_dark' : ''}.png`;
  await page.screenshot({ path: `${out}/${name}`, fullPage });
  console.log(`${out}/${name}`);
  await page.close();
}
await browser.close();
