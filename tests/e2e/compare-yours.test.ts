/**
 * Compare your own text (/compare/yours/): a statement of the site pasted back
 * with one paragraph taken out and one written in is compared in the browser;
 * the rows show exactly those changes and find the formula in the new paragraph;
 * no request leaves the site; pasted markup stays text; a .docx file is read;
 * without JavaScript the page says it needs it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { useBrowser } from './browser.ts';
import type { StatementFile } from '../../src/lib/export/compare-data.ts';

const dist = 'dist';
const { browser, baseUrl } = useBrowser();
const older = (JSON.parse(readFileSync(join(dist, 'data', 'statements', '2024-beijing.json'), 'utf8')) as StatementFile).statement;
const sectionWithTwo = older.sections.find((section) => section.paragraphs.length >= 2)!;
const removed = sectionWithTwo.paragraphs[1]!;
const added = 'The two sides declared that their friendship has no limits and that their cooperation will deepen every year.';
const pasted = older.sections
  .map((section) => [
    `## ${section.number ? `${section.number}. ` : ''}${section.heading}`,
    ...section.paragraphs.filter((paragraph) => paragraph !== removed).map((paragraph) => `${paragraph.clauses.map((clause) => clause.text).join(' ')} {#${paragraph.key}}`),
    ...(section === sectionWithTwo ? [added] : [])
  ].join('\n\n'))
  .join('\n\n');

type Row = { kind: string; formulas: string; older: string; newer: string; olderGap: boolean; newerGap: boolean; marks: number };

async function openTool(): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const context = await browser().newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(`${baseUrl}/compare/yours/`);
  return { page, requests, problems };
}

async function compareWith(page: Page, olderId: string): Promise<Row[]> {
  await page.selectOption('#own-older', olderId);
  await page.keyboard.press('Tab');
  await page.locator('#own-form button[type="submit"]').press('Enter');
  await page.locator('#own-result .row').first().waitFor();
  // Rows show curled quotes, as the prebuilt pages do; the text is compared with the source's straight ones.
  return page.evaluate(() => {
    const straight = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
    return [...document.querySelectorAll<HTMLElement>('#own-result .row')].map((row) => ({
      kind: row.dataset.kind ?? '',
      formulas: row.dataset.formulas ?? '',
      older: straight(row.querySelector('.cell.older .text')?.textContent ?? ''),
      newer: straight(row.querySelector('.cell.newer .text')?.textContent ?? ''),
      olderGap: row.querySelector('.cell.older .gap') !== null,
      newerGap: row.querySelector('.cell.newer .gap') !== null,
      marks: row.querySelectorAll('del, ins').length
    }));
  });
}

describe('compare your own text', () => {
  it('shows the paragraph taken out, the one written in (with its formula) and every other clause unchanged, and nothing leaves the site', async () => {
    const { page, requests, problems } = await openTool();
    await page.locator('#own-text').fill(pasted);
    const rows = await compareWith(page, older.id);
    const removedText = removed.clauses.map((clause) => clause.text).join(' ');
    expect(rows.filter((row) => row.newerGap && removedText.includes(row.older.trim()) && row.older.trim().length > 0).length).toBeGreaterThan(0);
    const addedRow = rows.find((row) => row.newer.includes('friendship has no limits'));
    expect(addedRow).toBeDefined();
    expect(addedRow!.olderGap).toBe(true);
    expect(addedRow!.formulas.split(' ')).toContain('no-limits');
    // Every other clause of the statement stands unchanged against itself.
    const kept = older.sections.flatMap((section) => section.paragraphs).filter((paragraph) => paragraph !== removed).flatMap((paragraph) => paragraph.clauses.map((clause) => clause.text));
    for (const text of kept) expect(rows.some((row) => row.older.includes(text) && row.newer.includes(text) && row.marks === 0), text).toBe(true);
    // The summary counts the rows the page shows: each kind's figure is the number of rows of that kind.
    const counts = (await page.locator('#own-result .summary .counts-line').textContent()) ?? '';
    const figure = (words: string) => Number(new RegExp(`(\\d+) ${words}`).exec(counts)?.[1] ?? 0);
    const ofKind = (kind: string) => rows.filter((row) => row.kind === kind).length;
    expect(counts).toMatch(/\d+ changed/);
    expect([figure('changed'), figure('added'), figure('dropped'), figure('kept'), figure('documented in only one')]).toEqual([ofKind('changed'), ofKind('added'), ofKind('dropped'), ofKind('kept'), ofKind('undocumented')]);
    expect(ofKind('kept')).toBeGreaterThan(0);
    // Focus moves to the result's heading, which names the pair.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('own-heading');
    await expect(page.locator('#own-status').textContent()).resolves.toMatch(/^Compared: \d+ rows\.$/);
    // Nothing but the site's own files was asked for, and only with GET.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((request) => !request.startsWith(`GET ${baseUrl}/`))).toEqual([]);
    expect(requests.some((request) => request.includes('/data/compare-context.json'))).toBe(true);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target.join(' ')}`)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('never runs pasted markup: a <script> and an <img onerror> stay text', async () => {
    const { page, problems } = await openTool();
    await page.locator('#own-text').fill('## I. Test\n\nThe sides agree <script>window.__pwned = 1</script> on trade.\n\nThey <img src="x" onerror="window.__pwned = 2"> welcome cooperation.');
    const rows = await compareWith(page, older.id);
    expect(rows.some((row) => row.newer.includes('<script>window.__pwned = 1</script>'))).toBe(true);
    expect(rows.some((row) => row.newer.includes('<img src="x" onerror="window.__pwned = 2">'))).toBe(true);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await expect(page.locator('#own-result script, #own-result img').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('reads a dropped .docx file (mammoth loads only then) and compares it', async () => {
    const { page, requests, problems } = await openTool();
    expect(requests.some((request) => /docx/.test(request))).toBe(false);
    await page.locator('#own-file').setInputFiles('tests/fixtures/import/statement.docx');
    await page.waitForFunction(() => (document.getElementById('own-status')?.textContent ?? '').startsWith('Read statement.docx'));
    await expect(page.locator('#own-text').inputValue()).resolves.toContain('## I. Energy');
    expect(requests.some((request) => /\/_astro\/docx\.[^/]+\.js$/.test(request))).toBe(true);
    const rows = await compareWith(page, older.id);
    expect(rows.some((row) => row.newer.includes('The Parties will link their power grids across the Veld river by 2028.'))).toBe(true);
    expect(requests.filter((request) => !request.startsWith(`GET ${baseUrl}/`))).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('fits a 360 px phone without sideways scrolling, before and after comparing', async () => {
    const context = await browser().newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/compare/yours/`);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await page.locator('#own-text').fill(pasted);
    await compareWith(page, older.id);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await context.close();
  }, 180_000);

  it('without JavaScript, says the tool needs it and links to the prebuilt comparisons', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/compare/yours/`);
    const note = await page.locator('noscript').first().innerHTML();
    expect(note).toContain('This tool needs JavaScript');
    expect(note).toContain('href="/compare/"');
    await expect(page.locator('#own-form').isHidden()).resolves.toBe(true);
    await context.close();
  });
});
