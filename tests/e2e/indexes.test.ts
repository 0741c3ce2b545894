import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { openPage, useBrowser } from './browser.ts';

const corpus = await loadCorpus(process.env.CONTENT_DIR ?? 'content');
const series = corpus.series[0]!;
const statements = corpus.statements.filter((s) => s.series === series.id).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
const clauseCount = (id: string) => statements.find((s) => s.id === id)!.sections.reduce((n, s) => n + s.paragraphs.reduce((m, p) => m + p.clauses.length, 0), 0);
const { browser, baseUrl } = useBrowser();

describe('index pages', () => {
  it('/statements/ lists every statement with its clause count and a link to compare it with the one before', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/statements/`);
    for (const [at, statement] of statements.entries()) {
      const row = page.locator(`.catalogue li[id="${statement.id}"]`);
      await expect(row.locator(`a[href="/statements/${statement.id}/"]`).textContent()).resolves.toBe(statement.title);
      await expect(row.locator('[data-clauses]').getAttribute('data-clauses')).resolves.toBe(String(clauseCount(statement.id)));
      if (at > 0) expect(await row.locator(`a[href="/compare/${statements[at - 1]!.id}/${statement.id}/"]`).count()).toBe(1);
    }
    expect(problems).toEqual([]);
  });

  it('/topics/ gives each topic its clause count per statement, linked to the topic page', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/topics/`);
    const topic = corpus.topics[0]!;
    const row = page.locator('tbody tr', { has: page.locator(`a[href="/topics/${topic.id}/"]`) });
    const counts = await row.locator('td.num').allTextContents();
    // The index draws the latest 12 statements as columns (README, Scale), every one when there are no more.
    const shown = statements.slice(-12);
    if (statements.length > shown.length) await expect(page.locator('[data-window]').first().textContent()).resolves.toContain(`latest 12 of ${statements.length} statements`);
    else expect(await page.locator('[data-window]').count()).toBe(0);
    // One cell per statement shown plus the provisions cell; the per-statement cells match the clauses tagged with the topic.
    const expected = shown.map((s) => s.sections.flatMap((x) => x.paragraphs.flatMap((p) => p.clauses)).filter((c) => c.topics.includes(topic.id)).length);
    expect(counts.slice(0, shown.length).map((text) => (text.trim() === '—none' ? 0 : Number(text.trim())))).toEqual(expected);
    expect(await page.locator('nav a[href="/topics/"][aria-current="page"]').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('/clauses/ marks, for a provision the latest statement dropped, where it stood and where it is missing', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/clauses/`);
    const rows = page.locator('.provision-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(10);
    const first = rows.first();
    await expect(first.locator('th a').getAttribute('href')).resolves.toMatch(/^\/clauses\/[^/]+\/$/);
    // The columns are the latest 12 statements (README, Scale), every one when there are no more.
    const shown = statements.slice(-12);
    await expect(page.locator('.provision-table thead abbr').evaluateAll((items) => items.map((item) => item.getAttribute('title')))).resolves.toEqual(shown.map((s) => s.title));
    const links = await page.locator('.provision-table td.present a').evaluateAll((items) => items.map((a) => a.getAttribute('href')!.split('/')[2]));
    for (const id of new Set(links)) expect(shown.map((s) => s.id)).toContain(id);
    if (shown.length === statements.length) {
      expect(links.length).toBeGreaterThan(0);
      // The first provision of the first statement is read there; statements without it say so to screen readers.
      await expect(first.locator('td.present a').first().getAttribute('href')).resolves.toMatch(new RegExp(`^/statements/${statements[0]!.id}/#`));
    } else {
      // The first provision of the first statement stood in an earlier statement: its "Earlier" cell counts it.
      await expect(page.locator('[data-window]').first().textContent()).resolves.toContain(`latest 12 of ${statements.length} statements`);
      expect(Number(await first.locator('td.num').first().textContent())).toBeGreaterThanOrEqual(1);
      // Every provision listed stands somewhere: in an earlier statement (counted) or in one shown (linked).
      const carried = await page.locator('.provision-table tbody tr').evaluateAll((items) =>
        items.map((item) => ({ id: item.id, earlier: Number(item.querySelector('td.num')?.textContent), shown: item.querySelectorAll('td.present a').length }))
      );
      expect(carried.filter((row) => !(row.earlier + row.shown >= 1))).toEqual([]);
    }
    const absent = await page.locator('.provision-table td.absent .visually-hidden').first().textContent();
    expect(absent).toMatch(/^not in /);
    expect(problems).toEqual([]);
  });
});

describe('documented omissions', () => {
  // The first statement of the series that records an omission, and the one before it.
  const at = statements.findIndex((s) => (s.omissions ?? []).length > 0);
  const omitting = statements[at];
  const previous = statements[at - 1];

  it('the corpus records at least one documented omission', () => {
    expect(omitting, 'a statement with `omissions` in its front matter').toBeDefined();
  });

  it('the statement page lists what sources say it leaves out, each with its source and a link to the comparison', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/statements/${omitting!.id}/`);
    const notes = page.locator('.edition-notice .omission-note');
    expect(await notes.count()).toBe(omitting!.omissions!.length);
    await expect(notes.first().textContent()).resolves.toContain(omitting!.omissions![0]!.note);
    const source = await notes.first().locator('a').getAttribute('href');
    expect(await page.locator(`[id="${source!.split('#')[1]}"]`).count()).toBe(1);
    expect(await page.locator(`.edition-notice a[href="/compare/${previous!.id}/${omitting!.id}/#${omitting!.omissions![0]!.key}"]`).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('the home page lead lists them when the latest statement has any', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/`);
    const latestId = await page.locator('[data-lead] a[href^="/compare/"]').first().getAttribute('href');
    const latest = statements.find((s) => latestId!.split('/')[3] === s.id);
    expect(await page.locator('.lead-omissions .omission-note').count()).toBe((latest?.omissions ?? []).length);
    expect(problems).toEqual([]);
  });

  it('the compare page says it in the summary and in the gap of the dropped row', async () => {
    const omission = omitting!.omissions![0]!;
    const { page, problems } = await openPage(browser(), `${baseUrl}/compare/${previous!.id}/${omitting!.id}/#${omission.key}`);
    await expect(page.locator('.omissions').textContent()).resolves.toContain(omission.note);
    // The key is the row's id or an anchor inside it.
    const row = page.locator(`.row[id="${omission.key}"], .row:has(> [id="${omission.key}"])`).first();
    await expect(row.locator('.gap .omission-note').textContent()).resolves.toContain(omission.note);
    expect(problems).toEqual([]);
  });
});

describe("editors' corrections", () => {
  it('a pairing forced in alignments.yaml shows on its compare page as one row, marked edited', async () => {
    const correction = corpus.corrections.find((c) => c.force.length > 0);
    expect(correction, 'the corpus has a correction with a forced link').toBeDefined();
    const link = correction!.force[0]!;
    // A link names a clause (key.n) or a paragraph (key, whose first clause is key.1).
    const olderClause = link.older.includes('.') ? link.older : `${link.older}.1`;
    const newerClause = link.newer.includes('.') ? link.newer : `${link.newer}.1`;
    const { page, problems } = await openPage(browser(), `${baseUrl}/compare/${correction!.older}/${correction!.newer}/`);
    const row = page.locator(`.row:has(a[href="/statements/${correction!.older}/#${olderClause}"]):has(a[href="/statements/${correction!.newer}/#${newerClause}"])`);
    expect(await row.count()).toBe(1);
    await expect(row.locator('.edited').textContent()).resolves.toBe('edited');
    expect(problems).toEqual([]);
  });
});

describe('lineage aliases', () => {
  it('an address named after a clause that joined a longer history sends the reader there, without JavaScript', async () => {
    const { readFileSync } = await import('node:fs');
    const [alias, target] = Object.entries((JSON.parse(readFileSync('dist/clauses/redirects.json', 'utf8')) as { redirects: Record<string, string> }).redirects)[0] ?? [];
    expect(alias, 'the built site has an alias in its redirect map').toBeDefined();
    const { page, problems } = await openPage(browser(), `${baseUrl}${alias}`, { javaScript: false });
    await page.waitForURL(`**${target}`);
    expect(await page.locator('.lineage-steps').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('the 404 page finds an alias in the redirect map and goes on, with JavaScript', async () => {
    const { readFileSync } = await import('node:fs');
    const [alias, target] = Object.entries((JSON.parse(readFileSync('dist/clauses/redirects.json', 'utf8')) as { redirects: Record<string, string> }).redirects)[0] ?? [];
    // A host without redirects answers the alias with the 404 page: served so here, for that address only.
    const { page } = await openPage(browser(), `${baseUrl}/method/`);
    await page.route(`${baseUrl}${alias}`, (route) => route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: readFileSync('dist/404.html', 'utf8') }));
    await page.goto(`${baseUrl}${alias}#x`);
    await page.waitForURL(`**${target}#x`);
    expect(await page.locator('.lineage-steps').count()).toBe(1);
  });
});
