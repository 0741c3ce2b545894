import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from './browser.ts';

// The 2024 → 2025 pair of the shipped digest: what its sources do and do not show (content/statements, sources.yaml).
const url = '/compare/2024-beijing/2025-moscow/';
const { browser, baseUrl } = useBrowser();

describe(`evidence on ${url}`, () => {
  it('keeps Taiwan, whose wordings come from our paraphrase and from TASS, with no strike or insert marks and a note saying why', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}${url}#taiwan-one-china`);
    const row = page.locator('.row:has([id="taiwan-one-china"]), .row[id="taiwan-one-china.1"]').first();
    await expect(row.getAttribute('data-kind')).resolves.toBe('kept');
    await expect(row.locator('del, ins').count()).resolves.toBe(0);
    await expect(row.locator('.evidence-note').textContent()).resolves.toContain('not evidence of a change');
    expect(problems).toEqual([]);
  });

  it('reports the dropped "not an alliance" wording as a drop a source documents, and headlines it', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}${url}`);
    const row = page.locator('.row[data-kind="dropped"]:has(.omission-note[data-omission="relations-nature"])').first();
    await expect(row.count()).resolves.toBe(1);
    await expect(page.locator('.headlines li').first().textContent()).resolves.toContain('does not say that the partnership is not an alliance');
    expect(problems).toEqual([]);
  });

  it('shows a provision no 2025 source documents as "Not documented", not as dropped, and leaves it out of the changes', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}${url}`);
    const row = page.locator('.row[data-kind="undocumented"]').first();
    await expect(row.locator('.kind-label').textContent()).resolves.toMatch(/^Not documented in (Moscow 2025|Beijing 2024)$/);
    await expect(row.getAttribute('data-change')).resolves.toBeNull();
    expect(problems).toEqual([]);
  });

  it('lists formulas found in the same day\'s strategic-stability statement as moved there, not dropped', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}${url}`);
    const dropped = await page.locator('.summary-grid h3:has-text("Formulas dropped") + ul li').allTextContents();
    const moved = await page.locator('.summary-grid h3:has-text("Moved to a statement of the same day") + ul li').allTextContents();
    expect(moved.some((label) => label.includes('nuclear war cannot be won'))).toBe(true);
    expect(dropped.some((label) => label.includes('nuclear war cannot be won'))).toBe(false);
    expect(problems).toEqual([]);
  });
});

describe('evidence elsewhere', () => {
  it('the history of the Taiwan provision strikes out nothing that only a translation or our paraphrase changed', async () => {
    // The history the 2025 Taiwan row links to: /clauses/taiwan-one-china/ in the shipped corpus; in a longer series
    // whose earlier statements dropped the paragraph and took it up again, the history it continues from there.
    const compare = await openPage(browser(), `${baseUrl}${url}#taiwan-one-china`);
    const history = await compare.page.locator('.row:has([id="taiwan-one-china"]), .row[id="taiwan-one-china.1"]').first().locator('a.history-link').getAttribute('href');
    if (resolve(process.env.CONTENT_DIR ?? 'content') === resolve('content')) expect(history).toBe('/clauses/taiwan-one-china/');
    const { page, problems } = await openPage(browser(), `${baseUrl}${history}`);
    // Every version whose note says nothing documented changed (in the shipped corpus, every one after the first)
    // strikes out nothing; a series with full texts before the digests may show their real changes in other steps.
    const steps = await page.locator('.lineage-step').evaluateAll((items) =>
      items.map((item) => ({ note: item.querySelector('.evidence-note')?.textContent ?? '', deleted: item.querySelectorAll('del').length, statement: item.id }))
    );
    const kept = steps.filter((step) => /No documented change|The same words/.test(step.note));
    expect(kept.map((step) => step.statement)).toEqual(expect.arrayContaining(['2023-moscow', '2024-beijing', '2025-moscow']));
    for (const step of kept) expect(step.deleted, step.statement).toBe(0);
    expect(problems).toEqual([]);
  });

  it('the home page says in one line what "not documented" means', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/`);
    await expect(page.locator('#not-documented-note').textContent()).resolves.toContain('not documented');
    expect(problems).toEqual([]);
  });
});

describe('placements on the reading page', () => {
  it('says under each part of a digest whether a source places it (2024 Part I is placed by the Chinese text repost)', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/statements/2024-beijing/`);
    const notes = await page.locator('.placement-note').evaluateAll((items) => items.map((item) => item.getAttribute('data-placement')));
    expect(notes).toContain('documented');
    expect(notes).toContain('inferred');
    expect(problems).toEqual([]);
  });
});
