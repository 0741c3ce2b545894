/**
 * Take screenshots of pages of a running site, to look at them as a reader.
 * Usage: node scripts/screenshot.ts <base-url> <out-dir> <path>[@width[xheight]] …
 */
import { chromium } from 'playwright-core';
import { chromiumPath, chromiumArgs } from '../tests/browser/chromium.ts';
import { parseArgs } from 'node:util';

const [base, out, ...paths] = parseArgs({ allowPositionals: true }).positionals;
if (!base || !out || paths.length === 0) {
  console.error('Usage: node scripts/screenshot.ts <base-url> <out-dir> <path>[@width[xheight]] …');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
for (const spec of paths) {
  const [path = '/', size = '1280'] = spec.split('@');
  const [width = 1280, height = 900] = size.split('x').map(Number);
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(new URL(path, base).href);
  // A #fragment scrolls smoothly: wait until the scroll position holds still.
  let last = -1;
  for (let tries = 0; tries < 30; tries++) {
    await page.waitForTimeout(200);
    const y = await page.evaluate(() => window.scrollY);
    if (y === last) break;
    last = y;
  }
  const name = `${path.replace(/[^a-z0-9]+/gi, '_')}_${width}.png`;
  await page.screenshot({ path: `${out}/${name}`, fullPage: false });
  console.log(`${out}/${name}`);
  await page.close();
}
await browser.close();
