/** The provisions the search page lists for a query, in its order, read from the page as a reader gets it. */
import type { Page } from 'playwright-core';

export async function rankedKeys(page: Page, baseUrl: string, query: string): Promise<string[]> {
  await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
  return page.locator('#search-results > .search-result').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.key ?? ''));
}
