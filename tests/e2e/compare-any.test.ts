/**
 * A pair computed in the browser (src/client/compare-any.ts) shows the same rows
 * as the prebuilt page of that pair: the rows are read from both pages' DOM (ids,
 * kinds, anchors, the text of both sides with its <del>/<ins> marks), never from the
 * code under test. Three prebuilt pairs of the built site are checked through
 * /compare/pair/?older=…&newer=…, and one through the 404 page's fallback at its
 * own address (the prebuilt page answered as missing).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { openPage, useBrowser } from './browser.ts';

const dist = 'dist';
const prebuilt = readdirSync(join(dist, 'compare'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((older) => readdirSync(join(dist, 'compare', older.name), { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(join(dist, 'compare', older.name, entry.name, 'index.html'))).map((newer) => [older.name, newer.name] as const));
// The first, the last and one between: each a separate page load on a shared machine.
const checked = [...new Set([prebuilt[0], prebuilt[Math.floor(prebuilt.length / 2)], prebuilt[prebuilt.length - 1]])].filter((pair) => pair !== undefined);
if (prebuilt.length === 0) throw new Error('No prebuilt compare page in dist/compare/<older>/<newer>/: the test needs one.');
const { browser, baseUrl } = useBrowser();

type DomRow = { id: string; kind: string; anchors: string[]; older: string; newer: string; marks: number; section: string };

/** The rows of a compare page as its DOM shows them. */
function domRows(page: Page): Promise<DomRow[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('#compare .cmp-section .row')].map((row) => {
      const side = (name: string) => {
        const cell = row.querySelector(`.cell.${name}`);
        return (cell?.querySelector('.text') ?? cell?.querySelector('.gap strong'))?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      };
      return {
        id: row.id,
        kind: row.dataset.kind ?? '',
        anchors: [...row.querySelectorAll(':scope > .anchor')].map((anchor) => anchor.id),
        older: side('older'),
        newer: side('newer'),
        marks: row.querySelectorAll('del, ins').length,
        section: row.closest('section')?.getAttribute('aria-labelledby') ?? ''
      };
    })
  );
}

type DomSummary = { counts: string; headlines: Array<[string, string]>; evidence: string[]; formulas: string[]; pickerOlder: string; pickerNewer: string };

/** The summary of a compare page as its DOM shows it: counts line (without the list-view link), findings, rows by evidence, formula lists, and the pair picker's choice. */
function domSummary(page: Page): Promise<DomSummary> {
  return page.evaluate(() => {
    const summary = document.querySelector('#compare .summary');
    const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const countsLine = summary?.querySelector('.counts-line');
    return {
      counts: text(countsLine).replace(/ The changes in a list$/, ''),
      headlines: [...(summary?.querySelectorAll('ol.headlines a') ?? [])].map((link) => [text(link), link.getAttribute('href') ?? ''] as [string, string]),
      evidence: [...(summary?.querySelectorAll('dl.counts > div') ?? [])].map((entry) => text(entry)),
      formulas: [...(summary?.querySelectorAll('.summary-grid h3, .formula-list li') ?? [])].map((entry) => text(entry)),
      pickerOlder: document.querySelector<HTMLSelectElement>('#compare form.pair-picker select[name="older"]')?.value ?? '',
      pickerNewer: document.querySelector<HTMLSelectElement>('#compare form.pair-picker select[name="newer"]')?.value ?? ''
    };
  });
}

async function computedRows(page: Page): Promise<DomRow[]> {
  await page.locator('#compare[data-computed="browser"] .row').first().waitFor();
  return domRows(page);
}

describe('a pair computed in the browser', () => {
  it.each(checked)('%s → %s: /compare/pair/?older&newer shows the prebuilt page’s rows, and says it was computed in the browser', async (older, newer) => {
    const built = await openPage(browser(), `${baseUrl}/compare/${older}/${newer}/`);
    const expected = await domRows(built.page);
    expect(expected.length).toBeGreaterThan(0);
    const computed = await openPage(browser(), `${baseUrl}/compare/pair/?older=${older}&newer=${newer}`);
    expect(await computedRows(computed.page)).toEqual(expected);
    // The same summary: counts, findings with their row links, rows by evidence and formulas, and the picker set to this pair.
    const summary = await domSummary(built.page);
    expect(summary.counts).toMatch(/\d+ changed/);
    expect([summary.pickerOlder, summary.pickerNewer]).toEqual([older, newer]);
    expect(await domSummary(computed.page)).toEqual(summary);
    await expect(computed.page.locator('#compare .summary').count()).resolves.toBe(1);
    await expect(computed.page.locator('#computed-note').textContent()).resolves.toContain('computed it just now');
    expect([...built.problems, ...computed.problems]).toEqual([]);
    if (older === checked[0]![0] && newer === checked[0]![1]) {
      const results = await new AxeBuilder({ page: computed.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
    }
    await built.page.context().close();
    await computed.page.context().close();
  }, 180_000);

  it('at its own address, through the 404 page, with a #row fragment', async () => {
    const [older, newer] = prebuilt[prebuilt.length - 1]!;
    const built = await openPage(browser(), `${baseUrl}/compare/${older}/${newer}/`);
    const expected = await domRows(built.page);
    const target = expected.find((row) => row.anchors.some((anchor) => !anchor.includes('.')))!;
    const key = target.anchors.find((anchor) => !anchor.includes('.'))!;
    const notFound = readFileSync(join(dist, '404.html'), 'utf8');
    const context = await browser().newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    // The host has no page at this address: it answers with its 404 page, as a static host does.
    await page.route(`${baseUrl}/compare/${older}/${newer}/`, (route) => route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: notFound }));
    await page.goto(`${baseUrl}/compare/${older}/${newer}/#${key}`);
    expect(await computedRows(page)).toEqual(expected);
    await expect(page.locator('#compare h1').textContent()).resolves.toContain('What changed from');
    await expect(page.locator('[data-not-found]').first().isHidden()).resolves.toBe(true);
    await expect(page.locator(`[id="${target.id}"]`).evaluate((row) => row.classList.contains('is-target'))).resolves.toBe(true);
    expect(problems).toEqual([]);
    await context.close();
    await built.page.context().close();
  }, 180_000);

  it('fits a 360 px phone without sideways scrolling', async () => {
    const [older, newer] = prebuilt[0]!;
    const { page } = await openPage(browser(), `${baseUrl}/compare/pair/?older=${older}&newer=${newer}`, { width: 360, height: 740 });
    await computedRows(page);
    await expect(page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).resolves.toBeLessThanOrEqual(0);
    await page.context().close();
  }, 180_000);

  it('says why for a pair that does not exist, and without JavaScript says the page needs it', async () => {
    const { page } = await openPage(browser(), `${baseUrl}/compare/pair/?older=${prebuilt[0]![1]}&newer=${prebuilt[0]![0]}`);
    await page.waitForFunction(() => (document.getElementById('compare-any-status')?.textContent ?? '').includes('earlier statement comes first'));
    await page.context().close();
    const plain = await openPage(browser(), `${baseUrl}/compare/pair/?older=${prebuilt[0]![0]}&newer=${prebuilt[0]![1]}`, { javaScript: false });
    await expect(plain.page.locator('noscript').innerHTML()).resolves.toContain('needs JavaScript');
    await plain.page.context().close();
  });
});
