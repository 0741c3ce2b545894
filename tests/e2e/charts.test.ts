import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { latestPair } from '../../src/view/series.ts';
import { analyse } from '../../src/data/analysis.ts';
import { continuedCounts } from '../../src/lib/content/concordance.ts';
import { openPage, useBrowser } from './browser.ts';

const corpus = await loadCorpus(process.env.CONTENT_DIR ?? 'content');
const series = corpus.series[0]!;
const statements = corpus.statements.filter((s) => s.series === series.id);
const pair = latestPair(statements);
if (!pair) throw new Error('The corpus needs two statements of one kind in a series for the chart tests.');
const comparison = analyse(corpus).comparison(pair.older.id, pair.newer.id)!;
const formulasOf = (id: string) => new Set(statements.find((s) => s.id === id)!.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.clauses.flatMap((c) => c.formulas))));
const before = formulasOf(pair.older.id);
const after = formulasOf(pair.newer.id);
// A formula of the second-latest statement that the latest drops (lexicon order: the first such).
// Dropped by evidence: gone from the newer statement, and a source documents the omission or the change of a passage that held it.
const documented = new Set([...(pair.newer.omissions ?? []), ...(pair.newer.changes ?? [])].map((note) => note.key));
const heldIn = (id: string) => pair.older.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.clauses)).filter((clause) => clause.formulas.includes(id));
const dropped = corpus.formulas.filter((f) => before.has(f.id) && !after.has(f.id) && (pair.newer.complete || heldIn(f.id).some((clause) => documented.has(clause.paragraphKey) || documented.has(clause.id))));
const formula = dropped[0];
const { browser, baseUrl } = useBrowser();
const shots = 'tests/output';
await mkdir(shots, { recursive: true });

const shoot = async (path: string, name: string) => {
  for (const width of [1280, 390]) {
    const { page } = await openPage(browser(), `${baseUrl}${path}`, { width, height: 800 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png` });
    await page.context().close();
  }
};

describe('formula tracker', () => {
  it('shows the dropped formula as absent in the latest statement, in the table and the matrix', async () => {
    expect(formula, 'the corpus has a formula dropped in the latest statement').toBeDefined();
    const { page, problems } = await openPage(browser(), `${baseUrl}/formulas/`);
    const row = page.locator(`table[data-table] tr[data-row="${formula!.id}"]`);
    await expect(row.getAttribute('data-dropped')).resolves.toBe('true');
    const headers = await page.locator('table[data-table] thead th').allTextContents();
    const column = headers.indexOf(pair.newer.shortTitle);
    const olderColumn = headers.indexOf(pair.older.shortTitle);
    expect(column).toBeGreaterThan(0);
    const cells = row.locator('td');
    await expect(cells.nth(column - 1).getAttribute('class')).resolves.toContain('state-absent');
    // The state in words is the glyph's name for screen readers (the glyph itself is drawn by CSS).
    await expect(cells.nth(column - 1).getByRole('img').getAttribute('aria-label')).resolves.toBe(`absent (documented) in ${pair.newer.shortTitle}`);
    await expect(cells.nth(olderColumn - 1).locator('a').getAttribute('href')).resolves.toMatch(new RegExp(`^/statements/${pair.older.id}/#`));
    expect(await page.locator(`#dropped a[href="/formulas/${formula!.id}/"]`).count()).toBe(1);
    // The glyphs differ in shape, not colour alone: the older statement's cell draws a disc (a border half its width
    // fills it), the newer one's a ring.
    const glyph = (index: number) => cells.nth(index).locator('.dot').evaluate((dot) => {
      const style = getComputedStyle(dot, '::before');
      return { width: parseFloat(style.width), border: parseFloat(style.borderTopWidth), visible: dot.getBoundingClientRect().width > 0 };
    });
    const disc = await glyph(olderColumn - 1);
    const ring = await glyph(column - 1);
    expect(disc.visible && ring.visible).toBe(true);
    expect(disc.border * 2).toBeGreaterThanOrEqual(disc.width);
    expect(ring.border * 2).toBeLessThan(ring.width);
    expect(ring.border).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('draws one matrix, its table: the formula beside its glyphs on a wide screen, above them on a phone, each glyph under its statement', async () => {
    for (const width of [1440, 360]) {
      const { page, problems } = await openPage(browser(), `${baseUrl}/formulas/`, { width, height: 800 });
      // One drawing for every width: no second matrix (an SVG per width) beside the table.
      expect(await page.locator('svg[data-matrix]').count()).toBe(0);
      expect(await page.locator('#matrix table[data-table]').count()).toBe(1);
      const row = page.locator(`table[data-table] tr[data-row="${formula!.id}"]`);
      const label = (await row.locator('th').boundingBox())!;
      const cells = row.locator('td.state');
      const count = await cells.count();
      expect(count).toBe(await page.locator('table[data-table] thead th abbr').count());
      const boxes = [];
      for (let index = 0; index < count; index++) boxes.push((await cells.nth(index).locator('.dot').boundingBox())!);
      for (const box of boxes) {
        if (width === 1440) {
          expect(box.x, 'glyphs right of the formula').toBeGreaterThanOrEqual(label.x + label.width - 1);
          expect(box.y + box.height / 2, 'glyphs on the formula’s line').toBeGreaterThan(label.y);
          expect(box.y + box.height / 2).toBeLessThan(label.y + label.height);
        } else expect(box.y, 'glyphs below the formula').toBeGreaterThanOrEqual(label.y + label.height - 1);
        expect(box.width).toBeGreaterThanOrEqual(24);
      }
      // Glyphs left to right, apart, each under its statement's head.
      const heads = page.locator('table[data-table] thead th:has(abbr)');
      for (let index = 0; index < count; index++) {
        const head = (await heads.nth(index).boundingBox())!;
        const centre = boxes[index]!.x + boxes[index]!.width / 2;
        expect(centre).toBeGreaterThan(head.x);
        expect(centre).toBeLessThan(head.x + head.width);
        if (index > 0) expect(boxes[index]!.x).toBeGreaterThanOrEqual(boxes[index - 1]!.x + boxes[index - 1]!.width);
      }
      // The formula's label is not clipped: its text fits its cell.
      expect(await row.locator('th a').evaluate((a) => a.scrollWidth <= a.clientWidth + 1)).toBe(true);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  it('filters to the dropped formulas instantly with JavaScript', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/formulas/`);
    await page.locator('a[data-filter="dropped"]').click();
    const visible = await page.locator('table[data-table] tr[data-row]:not([hidden])').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row')));
    expect(visible.sort()).toEqual(dropped.map((f) => f.id).sort());
    // Shown, not only unhidden: the rows the reader sees are the dropped formulas'.
    const shown = await page.locator('table[data-table] tr[data-row]').evaluateAll((rows) => rows.filter((row) => row.getBoundingClientRect().height > 0).length);
    expect(shown).toBe(dropped.length);
    await expect(page.locator('[data-status]').textContent()).resolves.toContain(`${dropped.length} of`);
    await page.locator('[data-sort]').selectOption('first');
    expect(await page.locator('table[data-table] tr[data-row]:not([hidden])').count()).toBe(dropped.length);
    expect(problems).toEqual([]);
  });

  it('without JavaScript, the filter links lead to server-rendered sections', async () => {
    const { page } = await openPage(browser(), `${baseUrl}/formulas/`, { javaScript: false });
    await expect(page.locator('a[data-filter="dropped"]').getAttribute('href')).resolves.toBe('#dropped');
    expect(await page.locator('#dropped li').count()).toBe(dropped.length);
    // Every formula the series' statements hold has its row (the first tracker is the first series').
    expect(await page.locator('[data-tracker]').first().locator('table[data-table] tr[data-row]').count()).toBe(new Set(statements.flatMap((s) => [...formulasOf(s.id)])).size);
    expect(await page.locator('#matrix table[data-table] .dot').first().isVisible()).toBe(true);
  });

  it('takes screenshots at 1280 and 390', async () => {
    await shoot('/formulas/', 'formulas');
    await shoot(`/formulas/${formula!.id}/`, 'formula');
  });
});

describe('one formula', () => {
  it('says plainly that the latest statement does not have it, and marks it in context', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/formulas/${formula!.id}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(formula!.label);
    await expect(page.locator('[data-summary]').first().textContent()).resolves.toContain(`Not in`);
    await expect(page.locator(`#in-${pair.newer.id} .absent-line`).textContent()).resolves.toContain(`Not in ${pair.newer.shortTitle}.`);
    expect(await page.locator(`#in-${pair.older.id} blockquote mark`).count()).toBeGreaterThan(0);
    if (formula!.zh) expect(await page.locator('[lang="zh"]').count()).toBe(1);
    expect(problems).toEqual([]);
  });
});

describe('topic view', () => {
  it('shows the formula’s topic across the statements with links to reading and compare pages', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/topics/${formula!.topic}/`);
    // A topic page draws the latest 6 statements as columns (README, Scale), every one when there are no more.
    const columns = 6;
    const shown = statements.slice(-columns);
    const headers = await page.locator('.topic-table thead th a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(headers).toEqual(shown.map((statement) => `/statements/${statement.id}/`));
    const heads = await page.locator('.topic-table thead th').allTextContents();
    for (const statement of shown) expect(heads.some((h) => h.includes(statement.shortTitle))).toBe(true);
    if (statements.length > columns) await expect(page.locator('[data-window]').first().textContent()).resolves.toContain(`latest ${columns} of ${statements.length} statements`);
    else expect(await page.locator('[data-window]').count()).toBe(0);
    expect(await page.locator('.topic-table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('.topic-table a[href^="/compare/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.topic-table a[href^="/statements/"]').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await shoot(`/topics/${formula!.topic}/`, 'topic');
  });
});

describe('clause graph', () => {
  it('draws flows as links with labels, reachable from the keyboard, with a tooltip', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/graph/`);
    const flows = page.locator('.only-wide svg[data-flow-graph] a.f-link');
    expect(await flows.count()).toBeGreaterThan(10);
    await expect(flows.first().getAttribute('aria-label')).resolves.toMatch(/\S/);
    await expect(flows.first().getAttribute('href')).resolves.toMatch(/^\/(clauses|statements)\//);
    let inGraph = false;
    for (let step = 0; step < 40 && !inGraph; step++) {
      await page.keyboard.press('Tab');
      inGraph = await page.evaluate(() => Boolean(document.activeElement?.closest('svg[data-flow-graph]')));
    }
    expect(inGraph).toBe(true);
    const first = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    await expect(page.locator('.graph-tip').first().isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
  });

  it('works without JavaScript: every flow is a link in the tab order', async () => {
    const { page } = await openPage(browser(), `${baseUrl}/graph/`, { javaScript: false });
    const tabbable = await page.locator('.only-wide svg[data-flow-graph] a.f-link:not([tabindex="-1"])').count();
    expect(tabbable).toBe(await page.locator('.only-wide svg[data-flow-graph] a.f-link').count());
    await shoot('/graph/', 'graph');
  });
});

describe('home page lead', () => {
  it('leads with what the latest statement dropped and added, linked to the compare rows', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/`);
    await expect(page.locator('#latest-heading').textContent()).resolves.toContain(pair.newer.shortTitle);
    // The dropped count says how many of those rows the concordance continues under another key, as the compare summary does.
    const continued = continuedCounts(comparison.pairs, pair.older, pair.newer, corpus.concordance).dropped;
    await expect(page.locator('#lead-continued').count()).resolves.toBe(continued > 0 ? 1 : 0);
    if (continued > 0) await expect(page.locator('#lead-continued').textContent()).resolves.toBe(` (${continued} continue under another key)`);
    const listed = await page.locator('[data-dropped] li').evaluateAll((items) => items.map((item) => item.getAttribute('data-formula')));
    expect(listed.length).toBeGreaterThan(0);
    for (const id of listed) expect(dropped.map((f) => f.id)).toContain(id);
    const link = page.locator('[data-dropped] li a').first();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^/compare/${pair.older.id}/${pair.newer.id}/#.+`));
    // Within one screen at 1280×800 and 390×800: the first dropped and the first added formula.
    for (const width of [1280, 390]) {
      const { page: view } = await openPage(browser(), `${baseUrl}/`, { width, height: 800 });
      for (const list of ['[data-dropped]', '[data-added]']) {
        const box = await view.locator(`${list} li`).first().boundingBox();
        expect(box && box.y + box.height, `${list} at ${width}`).toBeLessThanOrEqual(800);
      }
      await view.context().close();
    }
    await link.click();
    await page.waitForLoadState('load');
    const anchor = decodeURIComponent(href.split('#')[1]!);
    expect(await page.locator(`[id="${anchor}"]`).count()).toBe(1);
    expect(problems).toEqual([]);
    await shoot('/', 'home');
  });
});
