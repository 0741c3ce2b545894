import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { analyse } from '../../src/data/analysis.ts';
import { openPage, useBrowser } from './browser.ts';

const corpus = await loadCorpus(process.env.CONTENT_DIR ?? 'content');
const statement = corpus.statements[corpus.statements.length - 1];
if (!statement) throw new Error('The corpus has no statements.');
const section = statement.sections[1] ?? statement.sections[0];
const paragraph = section?.paragraphs[0];
const clause = statement.sections.flatMap((s) => s.paragraphs).find((p) => p.clauses.length > 1)?.clauses[1];
const { browser, baseUrl } = useBrowser();

describe('home page', () => {
  it('lists every statement of the series on a timeline, linked to its reading page', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/`);
    const links = await page.locator('.timeline a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    for (const item of corpus.statements) expect(links).toContain(`/statements/${item.id}/`);
    expect(problems).toEqual([]);
  });
});

describe('statement page', () => {
  it('renders sections, every clause as an element with its id, permalinks and the edition notice', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/statements/${statement.id}/`);
    // The title as written, its quotes curled for reading.
    const h1 = (await page.locator('h1').textContent()) ?? '';
    expect(h1).not.toMatch(/["']/);
    expect(h1.replace(/[‘’]/g, "'").replace(/[“”]/g, '"')).toBe(statement.title);
    const clauseIds = statement.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.clauses.map((c) => c.id)));
    const rendered = await page.locator('.clause').evaluateAll((spans) => spans.map((span) => span.id));
    expect(rendered).toEqual(clauseIds);
    expect(await page.locator('.provision > a.permalink').count()).toBe(statement.sections.reduce((n, s) => n + s.paragraphs.length, 0));
    expect(await page.locator('.clause > a.permalink').count()).toBe(clauseIds.length);
    await expect(page.locator('.edition-notice').textContent()).resolves.toMatch(statement.edition === 'digest' ? /Digest edition/ : /Full text/);
    expect(await page.locator('.section-nav a').count()).toBeGreaterThanOrEqual(statement.sections.length);
    expect(problems).toEqual([]);
  });

  it('links a footnote reference to its note and the note back', async () => {
    const { page } = await openPage(browser(), `${baseUrl}/statements/${statement.id}/`);
    const reference = page.locator('a.fnref').first();
    const target = await reference.getAttribute('href');
    const referenceId = await reference.getAttribute('id');
    expect(target).toMatch(/^#fn-/);
    const note = page.locator(target ?? '#none');
    await expect(note.count()).resolves.toBe(1);
    await expect(note.locator(`a[href="#${referenceId}"]`).count()).resolves.toBe(1);
  });

  it('scrolls to and highlights the paragraph of a #key permalink', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/statements/${statement.id}/#${paragraph?.key}`);
    const target = page.locator(`[id="${paragraph?.key}"]`);
    await expect(target.evaluate((element) => element.classList.contains('is-target'))).resolves.toBe(true);
    // The highlight fades in (a CSS transition), so read it until it shows.
    await expect.poll(() => target.evaluate((element) => getComputedStyle(element).backgroundColor), { timeout: 3000 }).not.toBe('rgba(0, 0, 0, 0)');
    // Scrolling may be smooth: wait until the target is in view.
    await expect.poll(async () => {
      const box = await target.boundingBox();
      return box !== null && box.y >= 0 && box.y < 900;
    }).toBe(true);
    await expect(page.locator('#anchor-note').isHidden()).resolves.toBe(true);
    expect(problems).toEqual([]);
  });

  it('highlights a clause permalink', async () => {
    const { page } = await openPage(browser(), `${baseUrl}/statements/${statement.id}/#${clause?.id}`);
    await expect(page.locator(`[id="${clause?.id}"]`).evaluate((element) => element.classList.contains('is-target'))).resolves.toBe(true);
  });

  it('shows a visible note for an anchor that does not exist', async () => {
    const { page } = await openPage(browser(), `${baseUrl}/statements/${statement.id}/#no-such-provision`);
    const note = page.locator('#anchor-note');
    await expect(note.isVisible()).resolves.toBe(true);
    await expect(note.textContent()).resolves.toContain('#no-such-provision');
  });

  it('copies the full permalink when the control is used', async () => {
    const { page } = await openPage(browser(), `${baseUrl}/statements/${statement.id}/`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await page.locator(`[id="${paragraph?.key}"] > a.permalink`).click();
    await expect(page.locator('#copy-status').textContent()).resolves.toContain('copied');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${baseUrl}/statements/${statement.id}/#${paragraph?.key}`);
  });

  it('reads without JavaScript: the text and the :target highlight are there', async () => {
    const { page } = await openPage(browser(), `${baseUrl}/statements/${statement.id}/#${paragraph?.key}`, { javaScript: false });
    expect(await page.locator('.clause').count()).toBeGreaterThan(0);
    // The highlight fades in (a CSS transition), so read it until it shows.
    const target = page.locator(`[id="${paragraph?.key}"]`);
    await expect.poll(() => target.evaluate((element) => getComputedStyle(element).backgroundColor), { timeout: 3000 }).not.toBe('rgba(0, 0, 0, 0)');
  });
});

describe('404 page', () => {
  it('answers 404 with a page that offers search and the statements', async () => {
    const { page, status } = await openPage(browser(), `${baseUrl}/statements/no-such-statement/`);
    expect(status).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    expect(await page.locator('main a[href^="/statements/"]').count()).toBe(corpus.statements.length);
    expect(await page.locator('main form[role="search"]').count()).toBe(1);
  });

  it('reads with curly quotes, clause numbers unlike footnotes, and keys shown only on request (without JavaScript)', async () => {
    const statement = corpus.statements.find((s) => s.sections.some((sec) => sec.paragraphs.some((p) => p.clauses.some((c) => c.text.includes('"')))))!;
    const { page } = await openPage(browser(), `${baseUrl}/statements/${statement.id}/`, { javaScript: false });
    const texts = await page.locator('.provision-text').allTextContents();
    expect(texts.join(' ')).toContain('“');
    expect(texts.join(' ')).not.toMatch(/"/);
    // A clause number sits on the line; a footnote number is raised.
    const clauseLift = await page.locator('.clause-link').first().evaluate((a) => getComputedStyle(a).verticalAlign);
    const footnoteTag = await page.locator('.provision-text sup, .provision-text a.fnref').first().evaluate((el) => el.closest('sup') !== null);
    expect(footnoteTag).toBe(true);
    expect(clauseLift).not.toBe('super');
    const key = page.locator('.provision-link .key').first();
    const width = () => key.evaluate((el) => el.getBoundingClientRect().width);
    expect(await width()).toBeLessThanOrEqual(1);
    await page.check('#show-keys');
    expect(await width()).toBeGreaterThan(10);
  });

  it('curls the quotes of a provision history\'s heading, as of its text', async () => {
    // A history whose first clause quotes within the words the heading shows (arctic in the shipped corpus).
    const graph = analyse(corpus).series[0]!.graph;
    const textOf = new Map(graph.nodes.map((node) => [node.node, node.text]));
    const quoting = graph.lineages.find((lineage) => (textOf.get(lineage.nodes[0]!) ?? '').split(/\s+/).slice(0, 12).join(' ').includes('"'))!;
    expect(quoting).toBeDefined();
    const { page } = await openPage(browser(), `${baseUrl}/clauses/${quoting.id}/`, { javaScript: false });
    const heading = (await page.locator('h1').textContent()) ?? '';
    expect(heading).toMatch(/[“”]/);
    expect(heading).not.toMatch(/"/);
    expect((await page.locator('meta[name="description"]').getAttribute('content')) ?? '').not.toMatch(/"/);
  });
});
