import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from './browser.ts';
import { rankedKeys } from '../search/ranked.ts';
import { searchQueries } from '../search/queries.ts';

const { browser, baseUrl } = useBrowser();
// The shipped corpus (no CONTENT_DIR, or the shipped folder): its own ranking is asserted exactly.
const shipped = resolve(process.env.CONTENT_DIR ?? 'content') === resolve('content');

describe('search finds the clause', () => {
  it('lists an expected provision in the top 3 for every query of the query set', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/search/`);
    const misses: string[] = [];
    for (const { query, expected } of searchQueries) {
      const ranked = await rankedKeys(page, baseUrl, query);
      if (!ranked.slice(0, 3).some((key) => expected.includes(key))) misses.push(`${query}: got ${ranked.slice(0, 3).join(', ')}; expected one of ${expected.join(', ')}`);
    }
    expect(misses).toEqual([]);
    expect(problems).toEqual([]);
  }, 180_000);

  it('"alliance": the not-an-alliance provision first, one result with its years, and every result shows the word', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/search/?q=alliance`);
    await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
    const keys = await page.locator('#search-results > .search-result').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.key));
    // The shipped corpus leads with it; a longer series (perturbed copies of the same clauses before them, where
    // other provisions say "alliance" as often) ranks its group in the top 3.
    if (shipped) expect(keys[0]).toBe('relations-nature');
    else expect(keys.slice(0, 3)).toContain('relations-nature');
    const group = page.locator('#search-results > .search-result[data-key="relations-nature"]');
    const years = await group.locator('.result-years a[href^="/statements/"]').allTextContents();
    expect(years.length).toBeGreaterThanOrEqual(3);
    expect(new Set(keys).size).toBe(keys.length);
    const shown = await page.locator('#search-results > .search-result').evaluateAll((items) => items.map((item) => [...item.querySelectorAll('mark')].map((mark) => mark.textContent ?? '').join(' ')));
    for (const marks of shown) expect(marks).toMatch(/allian/i);
    expect(problems).toEqual([]);
  });

  it('sorts by date on request and keeps it in the URL', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/search/?q=nuclear`);
    await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
    await page.locator('#search-results').evaluate((list) => list.setAttribute('aria-busy', 'true'));
    await page.selectOption('#search-sort', 'date');
    await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
    expect(new URL(page.url()).searchParams.get('sort')).toBe('date');
    const newest = await page.locator('#search-results > .search-result').evaluateAll((items) =>
      items.map((item) => Math.max(...[...item.querySelectorAll('.result-meta a, .result-years a[href^="/statements/"]')].map((a) => Number(/(\d{4})/.exec(a.textContent ?? '')?.[1] ?? 0))))
    );
    expect(newest.length).toBeGreaterThan(1);
    for (let k = 1; k < newest.length; k++) expect(newest[k]!).toBeLessThanOrEqual(newest[k - 1]!);
    expect(problems).toEqual([]);
  });
});
