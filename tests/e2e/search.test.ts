import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { openPage, useBrowser } from './browser.ts';

const corpus = await loadCorpus(process.env.CONTENT_DIR ?? 'content');
// The shipped corpus (no CONTENT_DIR, or the shipped folder): its own results are asserted exactly.
const shipped = resolve(process.env.CONTENT_DIR ?? 'content') === resolve('content');
const in2025 = new Set(corpus.statements.filter((s) => s.date.startsWith('2025')).map((s) => s.id));
const { browser, baseUrl } = useBrowser();

async function results(url: string) {
  const opened = await openPage(browser(), `${baseUrl}${url}`);
  await opened.page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
  return opened;
}

describe('search page', () => {
  it('finds "Taiwan" in 2025 only, marks the match, and opens the clause', async () => {
    const { page, problems } = await results('/search/?q=Taiwan&year=2025');
    const links = await page.locator('.search-result a.result-excerpt').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(in2025.has(link.split('/')[2]!), link).toBe(true);
    await expect(page.locator('.search-result mark').first().textContent()).resolves.toMatch(/taiwan/i);
    await expect(page.locator('.search-result .result-meta').first().textContent()).resolves.toMatch(/Moscow 2025/);
    const target = links[0]!;
    await page.locator('.search-result a.result-excerpt').first().click();
    await page.waitForURL(`${baseUrl}${target}`);
    const id = decodeURIComponent(target.split('#')[1]!);
    await expect.poll(() => page.locator(`[id="${id}"]`).evaluate((element) => element.classList.contains('is-target'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('finds a formula under another of its wordings: "no alliance" finds "non-alignment"', async () => {
    const { page, problems } = await results('/search/?q=no+alliance');
    const texts = await page.locator('.search-result a.result-excerpt').allTextContents();
    expect(texts.some((text) => /non-alignment/i.test(text) && !/no alliance/i.test(text))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('keeps query and filters in the URL, both ways', async () => {
    const { page, problems } = await results('/search/?q=security&statement=2024-beijing&topic=nuclear');
    await expect(page.locator('#search-q').inputValue()).resolves.toBe('security');
    await expect(page.locator('#filter-statement').inputValue()).resolves.toBe('2024-beijing');
    const links = await page.locator('.search-result a.result-excerpt').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.startsWith('/statements/2024-beijing/#')).toBe(true);
    await page.locator('#search-results').evaluate((list) => list.setAttribute('aria-busy', 'true'));
    await page.selectOption('#filter-change', 'unchanged');
    await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
    expect(new URL(page.url()).search).toBe('?q=security&statement=2024-beijing&topic=nuclear&change=unchanged');
    const before = await page.locator('.search-result a.result-excerpt').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    await page.reload();
    await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
    await expect(page.locator('#filter-change').inputValue()).resolves.toBe('unchanged');
    await expect(page.locator('.search-result a.result-excerpt').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))).resolves.toEqual(before);
    expect(problems).toEqual([]);
  });

  it('shows a clause unchanged over versions as one result naming each version, a filtered one leading', async () => {
    const { page, problems } = await results('/search/?q=%22use+outer+space+for+armed+confrontation%22');
    const result = page.locator('.search-result[data-key="outer-space"]');
    await expect(result.count()).resolves.toBe(1);
    const leading = await result.locator('.result-excerpt').getAttribute('href');
    const versions = await result.locator('.result-years a[href^="/statements/"]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    if (shipped) {
      expect(leading).toBe('/statements/2025-moscow/#outer-space.1');
      expect(versions).toEqual(['/statements/2024-beijing/#outer-space.1', '/statements/2025-moscow/#outer-space.1']);
    } else {
      // A longer series (perturbed copies before the shipped statements): one result names every statement whose
      // outer-space paragraph says the phrase, oldest first, the shipped unchanged pair among them, and leads with one of them.
      const phrase = ' use outer space for armed confrontation ';
      const words = (text: string) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
      const saying = corpus.statements
        .filter((statement) => statement.series === corpus.series[0]!.id)
        .flatMap((statement) => statement.sections.flatMap((section) => section.paragraphs.filter((paragraph) => paragraph.key === 'outer-space').flatMap((paragraph) => paragraph.clauses)).filter((clause) => words(clause.text).includes(phrase)).slice(0, 1).map((clause) => `/statements/${statement.id}/#${clause.id}`));
      expect(versions).toEqual(saying);
      expect(versions).toEqual(expect.arrayContaining(['/statements/2024-beijing/#outer-space.1', '/statements/2025-moscow/#outer-space.1']));
      expect(saying).toContain(leading);
    }
    // Filtered to 2024, the same record leads with its 2024 version and still names 2025.
    const filtered = await results('/search/?q=%22use+outer+space+for+armed+confrontation%22&year=2024');
    const lead = filtered.page.locator('.search-result[data-key="outer-space"]');
    await expect(lead.locator('.result-excerpt').getAttribute('href')).resolves.toBe('/statements/2024-beijing/#outer-space.1');
    await expect(lead.locator('.result-years').textContent()).resolves.toContain('Moscow 2025');
    expect(problems).toEqual([]);
    expect(filtered.problems).toEqual([]);
  });

  it('submits the header search box to /search/?q=… and shows results', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/`);
    await page.fill('#site-search', 'nuclear');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=nuclear$/);
    await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('loads Pagefind only when searching, and explains itself without JavaScript', async () => {
    const { page } = await openPage(browser(), `${baseUrl}/statements/${corpus.statements[0]!.id}/`);
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(scripts.some((name) => name.includes('/pagefind/'))).toBe(false);
    const off = await openPage(browser(), `${baseUrl}/search/?q=Taiwan`, { javaScript: false });
    await expect(off.page.locator('.search-nojs').textContent()).resolves.toContain('needs JavaScript');
    expect(await off.page.locator('.search-nojs a[href^="/statements/"]').count()).toBe(corpus.statements.length);
  });
});
