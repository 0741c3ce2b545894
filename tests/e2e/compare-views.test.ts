import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { analyse, isClaimedChange, type Comparison } from '../../src/data/analysis.ts';
import { latestPair } from '../../src/view/series.ts';
import { openPage, useBrowser } from './browser.ts';

// The three views of the main line's latest pair (the largest compare page), and the reading comfort around them.
const corpus = await loadCorpus(process.env.CONTENT_DIR ?? 'content');
const analysis = analyse(corpus);
const series = analysis.series[0]!;
const pair = latestPair(series.statements)!;
const comparison = analysis.comparison(pair.older.id, pair.newer.id)!;
const rowsOf = (c: Comparison) => c.sections.flatMap((section) => section.rows);
const rows = rowsOf(comparison);
const side = `/compare/${pair.older.id}/${pair.newer.id}/`;
const changes = rows.filter(isClaimedChange);
const dropped = rows.find((row) => row.kind === 'dropped');
const { browser, baseUrl } = useBrowser();

describe(`the views of ${side}`, () => {
  it('links the three views to each other, each marking the one shown', async () => {
    for (const [path, name] of [[side, 'Side by side'], [`${side}list/`, 'List of changes'], [`${side}reading/`, 'Reading view']] as const) {
      const { page, problems } = await openPage(browser(), `${baseUrl}${path}`, { javaScript: false });
      await expect(page.locator('.view-nav a[aria-current="page"]').textContent()).resolves.toBe(name);
      expect(await page.locator('.view-nav a').count()).toBe(3);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  it('lists every change on one line, with its kind, linking to its row side by side (no JavaScript needed)', async () => {
    expect(changes.length).toBeGreaterThan(0);
    const { page, problems } = await openPage(browser(), `${baseUrl}${side}list/`, { javaScript: false });
    const lines = page.locator('.change-line');
    expect(await lines.count()).toBe(changes.length);
    const hrefs = await page.locator('.change-line a.change-words').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).hash.slice(1)));
    expect(hrefs).toEqual(changes.map((row) => row.id));
    for (const line of await lines.all()) expect(((await line.locator('.kind-label').textContent()) ?? '').trim()).not.toBe('');
    // One line each at desktop width: no line is taller than three lines of text.
    const heights = await lines.evaluateAll((items) => items.map((item) => item.getBoundingClientRect().height / parseFloat(getComputedStyle(item).lineHeight || '24')));
    for (const height of heights) expect(height).toBeLessThan(3.5);
    // A line's link lands on its row in the side-by-side view.
    const first = await page.locator('.change-line a.change-words').first().evaluate((link) => (link as HTMLAnchorElement).href);
    expect(first).toBe(`${baseUrl}${side}#${changes[0]!.id}`);
    await page.goto(first);
    await expect(page.locator(`[id="${changes[0]!.id}"]`).isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
  });

  it('reads the newer statement with its changes inline, and the plain-text switch leaves the newer text alone (no JavaScript needed)', async () => {
    expect(dropped).toBeDefined();
    const { page, problems } = await openPage(browser(), `${baseUrl}${side}reading/`, { javaScript: false });
    const kept = rows.find((row) => row.kind === 'kept' && row.to.length > 0)!;
    const text = await page.locator('#text').innerText();
    expect(text).toContain(kept.to[0]!.text.split(/\s+/).slice(0, 4).join(' ').replace(/"/g, '“'));
    const struck = page.locator('.r-block.kind-dropped del').first();
    await expect(struck.isVisible()).resolves.toBe(true);
    await page.locator('#plain-text').check();
    await expect(struck.isVisible()).resolves.toBe(false);
    await expect(page.locator('.r-label').first().isVisible()).resolves.toBe(false);
    expect(problems).toEqual([]);
  });

  it('keeps the plain-text switch across the views, and it works from the keyboard', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}${side}reading/`);
    const box = page.locator('#plain-text');
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box.isChecked()).resolves.toBe(true);
    await page.goto(`${baseUrl}${side}list/`);
    await expect(page.locator('#plain-text').isChecked()).resolves.toBe(true);
    // The list's deletions read as plain text: no strike-through, no background.
    const style = await page.locator('.change-line del').first().evaluate((element) => {
      const css = getComputedStyle(element);
      return `${css.textDecorationLine} ${css.backgroundColor}`;
    });
    expect(style).toBe('none rgba(0, 0, 0, 0)');
    await page.goto(`${baseUrl}${side}`);
    await expect(page.locator('#plain-text').isChecked()).resolves.toBe(true);
    await page.locator('#plain-text').focus();
    await page.keyboard.press('Space');
    await page.goto(`${baseUrl}${side}list/`);
    await expect(page.locator('#plain-text').isChecked()).resolves.toBe(false);
    expect(problems).toEqual([]);
  });
});

describe(`reading comfort on ${side}`, () => {
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    it(`fits the summary in one screen at ${width}×${height}`, async () => {
      const { page, problems } = await openPage(browser(), `${baseUrl}${side}`, { width, height });
      const box = await page.locator('.summary').boundingBox();
      expect(box).not.toBeNull();
      expect(box!.height).toBeLessThanOrEqual(height);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it('reaches the first row in at most 5 Tab presses, by a skip link', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}${side}`);
    const firstRow = rows[0]!.id;
    let presses = 0;
    const inFirstRow = () => page.evaluate((id) => document.activeElement?.closest('.row')?.id === id, firstRow);
    const onSkip = () => page.evaluate(() => document.activeElement?.textContent === 'Skip to the rows');
    while (presses < 5 && !(await onSkip()) && !(await inFirstRow())) {
      await page.keyboard.press('Tab');
      presses++;
    }
    if (await onSkip()) {
      await page.keyboard.press('Enter');
      while (presses < 5 && !(await inFirstRow())) {
        await page.keyboard.press('Tab');
        presses++;
      }
    }
    await expect(inFirstRow()).resolves.toBe(true);
    expect(presses).toBeLessThanOrEqual(5);
    expect(problems).toEqual([]);
  });

  it('shows at most four labels and links above a row’s text', async () => {
    const { page } = await openPage(browser(), `${baseUrl}${side}`);
    const counts = await page.locator('.row .row-meta').evaluateAll((metas) => metas.map((meta) => [...meta.children].filter((child) => child.tagName !== 'P' && (child as HTMLElement).offsetParent !== null).length));
    expect(counts.length).toBe(rows.length);
    expect(Math.max(...counts)).toBeLessThanOrEqual(4);
  });

  it('has an opaque sticky header: no text shows through', async () => {
    const { page } = await openPage(browser(), `${baseUrl}${side}`);
    for (const selector of ['.site-header', '.sticky-head']) {
      const css = await page.locator(selector).evaluate((element) => {
        const style = getComputedStyle(element);
        return { background: style.backgroundColor, filter: style.backdropFilter, position: style.position };
      });
      expect(css.position, selector).toBe('sticky');
      // rgb(…) is opaque; rgba(…, a) with a < 1 lets the rows show through.
      expect(css.background, selector).toMatch(/^rgb\(/);
    }
  });

  it('lands a permalink to a far row in place at once, without a glide', async () => {
    const far = rows.filter((row) => row.kind !== 'moved-away').at(-3)!;
    const { page, problems } = await openPage(browser(), `${baseUrl}${side}#${far.id}`);
    // Right after load, with no waiting: a smooth scroll would still be on its way down.
    const top = await page.locator(`[id="${far.id}"]`).evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(900);
    await expect(page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).resolves.toBe('auto');
    expect(problems).toEqual([]);
  });

  it('respects prefers-reduced-motion: a jump to the next change is instant and rows do not fade', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}${side}`);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const first = changes[0]!;
    await page.keyboard.press('j');
    // Read at the next frame: an instant scroll has already arrived.
    const top = await page.evaluate((id) => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(document.getElementById(id)!.getBoundingClientRect().top))), first.id);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    await expect(page.locator(`[id="${first.id}"]`).evaluate((element) => getComputedStyle(element).transitionDuration)).resolves.toBe('0s');
    expect(problems).toEqual([]);
  });
});
