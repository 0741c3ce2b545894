import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { analyse, comparisonsOf, isClaimedChange, type Comparison } from '../../src/data/analysis.ts';
import { openPage, useBrowser } from './browser.ts';
import { clausesOf } from '../../src/lib/analyse/graph.ts';
import { concordancePairs } from '../../src/lib/content/concordance.ts';

const corpus = await loadCorpus(process.env.CONTENT_DIR ?? 'content');
const analysis = analyse(corpus);
// The prebuilt pairs (each has a page).
const comparisons = analysis.series.flatMap((series) => [...comparisonsOf(analysis, series)]);
const rowsOf = (comparison: Comparison) => comparison.sections.flatMap((section) => section.rows);

// A pair where a headline points at a dropped row (a drop a source documents, or a complete text's).
const target = comparisons
  .map((comparison) => {
    const headline = comparison.report.headlines.find((h) => rowsOf(comparison).find((row) => row.id === h.anchor)?.kind === 'dropped');
    return headline && { comparison, headline, row: rowsOf(comparison).find((row) => row.id === headline.anchor)! };
  })
  .find(Boolean);
if (!target) throw new Error('No pair of the corpus headlines a dropped clause: the compare test needs one.');
const { comparison, headline, row: droppedRow } = target;
const url = `/compare/${comparison.older.id}/${comparison.newer.id}/`;
const keyed = rowsOf(comparison).find((row) => row.anchors.some((anchor) => !anchor.includes('.')) && isClaimedChange(row));
const key = keyed?.anchors.find((anchor) => !anchor.includes('.'));
const { browser, baseUrl } = useBrowser();

describe(`compare page ${url}`, () => {
  it('shows a dropped clause on the older side with a gap on the newer side, and the headline links to it', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}${url}`);
    const row = page.locator(`[id="${droppedRow.id}"]`);
    await expect(row.getAttribute('data-kind')).resolves.toBe('dropped');
    const gap = (await row.locator('.cell.newer .gap').textContent()) ?? '';
    expect(gap).toContain(`Not in ${comparison.newer.shortTitle}.`);
    // The gap does not repeat the older text: the left column shows it.
    expect(gap).not.toContain(droppedRow.from[0]!.text.split(/\s+/).slice(0, 5).join(' '));
    await expect(row.locator('.cell.older .text').textContent()).resolves.toContain(droppedRow.from[0]!.text.split(/\s+/).slice(0, 5).join(' '));
    await expect(row.locator('.kind-label').first().textContent()).resolves.toBe('Dropped');
    // The summary's headline links to that row.
    await expect(page.locator(`.summary a[href="#${headline.anchor}"]`).first().textContent()).resolves.toBe(headline.text);
    expect(problems).toEqual([]);
  });

  it('marks word changes with <del> and <ins>, each labelled for screen readers, and every row with a kind', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}${url}`);
    const rows = rowsOf(comparison);
    const marks = await page.locator('.row').evaluateAll((items) => items.map((item) => ({ id: item.id, kind: item.getAttribute('data-kind'), marked: item.querySelectorAll('del, ins').length })));
    if (comparison.older.edition === 'digest' && comparison.newer.edition === 'digest') {
      // In the shipped digest no two quotes of one translation differ (npm run eval:evidence), so no row marks words;
      // a full text marks them (tests/e2e/series-b.test.ts).
      expect(marks.filter((row) => row.marked > 0)).toEqual([]);
    } else {
      // A full text marks the words of a row whose two sides' words differ, and none in a row whose words are the same.
      const words = (clauses: { text: string }[]) => clauses.map((clause) => clause.text).join(' ').split(/\s+/).filter(Boolean).join(' ');
      const same = rows.filter((row) => row.from.length > 0 && row.to.length > 0 && words(row.from) === words(row.to)).map((row) => row.id);
      const reworded = rows.filter((row) => row.from.length > 0 && row.to.length > 0 && words(row.from) !== words(row.to) && !row.heading).map((row) => row.id);
      expect(reworded.length).toBeGreaterThan(0);
      expect(marks.filter((row) => same.includes(row.id) && row.marked > 0)).toEqual([]);
      expect(marks.filter((row) => reworded.includes(row.id) && row.kind === 'changed' && row.marked === 0)).toEqual([]);
      expect(marks.filter((row) => reworded.includes(row.id) && row.kind === 'changed').length).toBeGreaterThan(0);
    }
    expect(await page.locator('.row').count()).toBe(rows.length);
    expect(await page.locator('.row > .row-meta > .kind-label').count()).toBe(rows.length);
    expect(await page.locator('.row a.permalink').count()).toBe(rows.filter((row) => row.kind !== 'moved-away').length);
    expect(problems).toEqual([]);
  });

  it('opens a #key permalink at its row and highlights it', async () => {
    expect(key).toBeDefined();
    const { page, problems } = await openPage(browser(), `${baseUrl}${url}#${key}`);
    const row = page.locator(`[id="${keyed!.id}"]`);
    await expect(page.locator(`[id="${key}"]`).evaluate((element) => element.classList.contains('is-target'))).resolves.toBe(true);
    // The highlight fades in (a CSS transition), so read it until it shows.
    await expect.poll(() => row.evaluate((element) => getComputedStyle(element).backgroundColor), { timeout: 3000 }).not.toBe('rgba(0, 0, 0, 0)');
    await expect.poll(async () => {
      const box = await row.boundingBox();
      return box !== null && box.y >= 0 && box.y < 900;
    }).toBe(true);
    await expect(page.locator('#anchor-note').isHidden()).resolves.toBe(true);
    expect(problems).toEqual([]);
  });

  it('moves focus to the next and previous changed row with j and k, and with the buttons', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}${url}`);
    const changed = rowsOf(comparison).filter(isClaimedChange).map((row) => row.id);
    const focused = () => page.evaluate(() => document.activeElement?.id);
    await page.keyboard.press('j');
    await expect.poll(focused).toBe(changed[0]);
    await page.keyboard.press('j');
    await expect.poll(focused).toBe(changed[1]);
    await page.keyboard.press('k');
    await expect.poll(focused).toBe(changed[0]);
    await page.locator('button[data-step="1"]').click();
    await expect.poll(focused).toBe(changed[1]);
    expect(problems).toEqual([]);
  });

  it('hides unchanged rows with "Changes only", by topic and by kind, and keeps the filter in the URL', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}${url}`);
    await page.locator('#filter-changes').check();
    for (const row of await page.locator('.row[data-kind="same"]').all()) await expect(row.isVisible()).resolves.toBe(false);
    expect(page.url()).toContain('changes=1');
    await page.locator('#filter-changes').uncheck();
    await page.locator('#filter-kind').selectOption('dropped');
    const visibleKinds = await page.locator('.row:visible').evaluateAll((rows) => [...new Set(rows.map((row) => row.getAttribute('data-kind')))]);
    expect(visibleKinds).toEqual(['dropped']);
    await page.locator('#filter-kind').selectOption('');
    const topic = droppedRow.topics[0];
    if (topic) {
      await page.locator('#filter-topic').selectOption(topic);
      const topicsShown = await page.locator('.row:visible').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-topics') ?? ''));
      expect(topicsShown.length).toBeGreaterThan(0);
      for (const topics of topicsShown) expect(topics.split(' ')).toContain(topic);
    }
    // A filtered URL opens filtered.
    const again = await openPage(browser(), `${baseUrl}${url}?kind=added`);
    await expect(again.page.locator('#filter-kind').inputValue()).resolves.toBe('added');
    expect(await again.page.locator('.row:visible').evaluateAll((rows) => rows.every((row) => row.getAttribute('data-kind') === 'added'))).toBe(true);
    expect([...problems, ...again.problems]).toEqual([]);
  });

  it('clears the filters when a link leads to a row they hide, and says so', async () => {
    // The summary's headline row is dropped: open the page filtered to added rows, at that row.
    const { page, problems } = await openPage(browser(), `${baseUrl}${url}?kind=added#${droppedRow.id}`);
    await expect(page.locator(`[id="${droppedRow.id}"]`).isVisible()).resolves.toBe(true);
    await expect(page.locator('#filter-kind').inputValue()).resolves.toBe('');
    await expect(page.locator('#filter-status').textContent()).resolves.toBe('Filters cleared to show the linked row.');
    expect(page.url()).not.toContain('kind=added');
    // The same when a link on the page is followed: filter to added rows again, then go to the dropped row.
    await page.locator('#filter-kind').selectOption('added');
    await expect(page.locator(`[id="${droppedRow.id}"]`).isVisible()).resolves.toBe(false);
    await page.evaluate(() => (location.hash = '#main'));
    await page.evaluate((id) => (location.hash = `#${id}`), droppedRow.id);
    await expect.poll(() => page.locator(`[id="${droppedRow.id}"]`).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('shows a linked row without JavaScript even when a filter would hide it', async () => {
    const { page } = await openPage(browser(), `${baseUrl}${url}#${droppedRow.id}`, { javaScript: false });
    await page.locator('#filter-kind').selectOption('added');
    await expect(page.locator(`[id="${droppedRow.id}"]`).isVisible()).resolves.toBe(true);
    const others = await page.locator('.row:visible').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kind')));
    expect(others.filter((kind) => kind !== 'added')).toEqual(['dropped']);
  });

  it('filters by kind and "changes only" without JavaScript', async () => {
    const { page } = await openPage(browser(), `${baseUrl}${url}`, { javaScript: false });
    await page.locator('#filter-changes').check();
    for (const row of await page.locator('.row[data-kind="same"]').all()) await expect(row.isVisible()).resolves.toBe(false);
    await page.locator('#filter-kind').selectOption('added');
    expect(await page.locator('.row:visible').evaluateAll((rows) => rows.every((row) => row.getAttribute('data-kind') === 'added'))).toBe(true);
  });

  it('filters by topic without JavaScript', async () => {
    const { page } = await openPage(browser(), `${baseUrl}${url}`, { javaScript: false });
    const topic = await page.locator('#filter-topic option').nth(1).getAttribute('value');
    expect(topic).toBeTruthy();
    const before = await page.locator('.row:visible').count();
    await page.locator('#filter-topic').selectOption(topic!);
    const visible = await page.locator('.row:visible').evaluateAll((rows) => rows.map((row) => (row.getAttribute('data-topics') ?? '').split(' ')));
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.length).toBeLessThan(before);
    expect(visible.every((topics) => topics.includes(topic!))).toBe(true);
  });

  it('says how alike the two sides of a loose pairing are (under 60%), and says nothing on close, identical, dropped or added rows', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}${url}`);
    const reworded = rowsOf(comparison).filter((row) => row.shape === 'reworded' && row.evidence.basis !== 'identical' && !row.edited);
    const loose = reworded.find((row) => row.score < 0.6);
    const close = reworded.find((row) => row.score >= 0.6);
    expect(loose ?? close).toBeDefined();
    if (loose) await expect(page.locator(`[id="${loose.id}"] .similarity`).textContent()).resolves.toBe(`${Math.round(loose.score * 100)}% alike`);
    if (close) expect(await page.locator(`[id="${close.id}"] .similarity`).count()).toBe(0);
    for (const kind of ['same', 'dropped', 'added']) {
      const row = rowsOf(comparison).find((r) => r.shape === kind);
      if (row) expect(await page.locator(`[id="${row.id}"] .similarity`).count(), kind).toBe(0);
    }
    expect(problems).toEqual([]);
  });

  it('keeps the site header on one line and the column heads clear of the change buttons, from tablet to desktop width', async () => {
    // Below 48rem the column heads give way to one column per row; the header must still be one line.
    for (const width of [700, 800, 1000, 1280]) {
      const { page, problems } = await openPage(browser(), `${baseUrl}${url}`, { width, height: 700 });
      await page.locator('.change-nav:not([hidden])').waitFor();
      await page.mouse.wheel(0, 2000);
      // Wait for the scroll to settle (the same offset two frames apart), not for a fixed time.
      await page.waitForFunction(() => new Promise<boolean>((resolve) => {
        const y = window.scrollY;
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(y > 0 && window.scrollY === y)));
      }));
      const header = (await page.locator('.site-header').boundingBox())!;
      expect(header.height, `header height at ${width}px`).toBeLessThan(60);
      if (width < 768) continue;
      const head = (await page.locator('.columns-head').boundingBox())!;
      const newerHead = (await page.locator('.columns-head > :last-child').boundingBox())!;
      const nav = (await page.locator('.change-nav').boundingBox())!;
      // The sticky column heads sit below the header, not under it.
      expect(head.y, `column heads at ${width}px`).toBeGreaterThanOrEqual(header.y + header.height - 1);
      // The newer column's text ends before the buttons start.
      const text = await page.locator('.columns-head > :last-child').evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return Math.max(...[...range.getClientRects()].map((r) => r.right));
      });
      expect(text, `newer head at ${width}px`).toBeLessThanOrEqual(nav.x);
      expect(newerHead.width).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    }
  });

  it('has a churn strip with a labelled link per section, and a pair picker that navigates', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}${url}`);
    const links = await page.locator('.churn a').evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute('href'), text: a.textContent ?? '' })));
    expect(links.length).toBe(comparison.sections.length + comparison.droppedSections.length);
    for (const link of links) {
      expect(link.text).toMatch(/changed|none with a counterpart/);
      await expect(page.locator(`[id="${link.href!.slice(1)}"]`).count()).resolves.toBe(1);
    }
    const series = analysis.series.find((s) => s.statements.some((st) => st.id === comparison.newer.id))!;
    const other = series.pairs.find((c) => c.older.id !== comparison.older.id || c.newer.id !== comparison.newer.id)!;
    await page.locator('.pair-picker select[name="older"]').selectOption(other.older.id);
    await page.locator('.pair-picker select[name="newer"]').selectOption(other.newer.id);
    await Promise.all([page.waitForURL(`**/compare/${other.older.id}/${other.newer.id}/`), page.locator('.pair-picker button').click()]);
    expect(problems).toEqual([]);
  });

  it('links each side to the clause on its reading page, and rows to their lineage', async () => {
    const { page } = await openPage(browser(), `${baseUrl}${url}`);
    const hrefs = await page.locator(`[id="${droppedRow.id}"] .refs a`).evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    // One link per clause of the row (a full text's paragraph may hold several).
    expect(hrefs).toEqual(droppedRow.from.map((clause) => `/statements/${comparison.older.id}/#${clause.id}`));
    const lineage = await page.locator(`[id="${droppedRow.id}"] a.history-link`).getAttribute('href');
    const history = await openPage(browser(), `${baseUrl}${lineage}`);
    expect(history.status).toBe(200);
    // Every statement of the series has a step, or (in a long series) is one of a run of statements without the
    // provision, which names its first and last statement and how many it covers.
    const order = analysis.series[0]!.statements.map((statement) => statement.id);
    const steps = await history.page.locator('.lineage-step').evaluateAll((items) =>
      items.map((item) => ({
        id: item.id,
        run: item.classList.contains('lineage-run'),
        ends: [...item.querySelectorAll('.gap a[href^="/statements/"]')].map((a) => a.getAttribute('href')!.split('/')[2]!),
        gap: item.querySelector('.gap')?.textContent ?? ''
      }))
    );
    const covered = steps.flatMap((step) => {
      if (!step.run) return [step.id];
      const ids = order.slice(order.indexOf(step.ends[0]!), order.indexOf(step.ends[1]!) + 1);
      expect(step.gap).toContain(` the ${ids.length} statements from `);
      return ids;
    });
    expect(covered).toEqual(order);
    // The newer statement says it lacks the provision: in its own step, or in the run that covers it.
    const own = steps.find((step) => step.id === comparison.newer.id);
    if (own) expect(own.gap).toContain(`Not in ${comparison.newer.shortTitle}`);
    else {
      const run = steps.find((step) => step.run && order.indexOf(step.ends[0]!) <= order.indexOf(comparison.newer.id) && order.indexOf(comparison.newer.id) <= order.indexOf(step.ends[1]!));
      expect(run).toBeDefined();
      // A run of full texts says "Not in"; one that holds a digest, "Not documented in" (a digest may leave a provision out).
      const editions = analysis.series[0]!.statements.filter((statement) => order.indexOf(statement.id) >= order.indexOf(run!.ends[0]!) && order.indexOf(statement.id) <= order.indexOf(run!.ends[1]!)).map((statement) => statement.edition);
      expect(run!.gap).toMatch(editions.every((edition) => edition === 'full') ? /^Not in the \d+ statements from / : /^Not documented in the \d+ statements from /);
    }
    expect(history.problems).toEqual([]);
  });
});

describe('open data', () => {
  const fetchText = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`);
    expect(response.status).toBe(200);
    return response.text();
  };

  it('report.json agrees with the compare page: counts by kind and formulas dropped', async () => {
    const report = JSON.parse(await fetchText('/data/report.json')) as { pairs: Array<{ older: string; newer: string; counts: Record<string, number>; formulas: { dropped: string[] }; headlines: Array<{ url: string }> }> };
    expect(report.pairs.length).toBe(comparisons.length);
    const pair = report.pairs.find((p) => p.older === comparison.older.id && p.newer === comparison.newer.id)!;
    const { page } = await openPage(browser(), `${baseUrl}${url}`);
    const shown = await page.locator('.counts .count').evaluateAll((items) => Object.fromEntries(items.map((item) => [(item as HTMLElement).dataset.kind, Number(item.querySelector('dd')?.textContent)])));
    expect(shown).toEqual(pair.counts);
    await expect(page.locator('.summary .formula-list').first().locator('li').count()).resolves.toBe(pair.formulas.dropped.length);
    expect(pair.headlines[0]?.url.startsWith(url)).toBe(true);
  });

  it('clause-graph.json, formulas.json, statements.json and clauses.csv parse and agree with each other', async () => {
    const graph = JSON.parse(await fetchText('/data/clause-graph.json')) as { series: Array<{ nodes: Array<{ id: string; clause: string; statement: string; text: string; formulas: string[] }>; edges: Array<{ from: string; to: string }>; lineages: Array<{ id: string; nodes: string[] }> }> };
    const statements = JSON.parse(await fetchText('/data/statements.json')) as { statements: Array<{ id: string; clauses: number }> };
    const formulas = JSON.parse(await fetchText('/data/formulas.json')) as { formulas: Array<{ id: string; occurrences: Record<string, string[]> }> };
    const csv = await fetchText('/data/clauses.csv');
    const nodes = graph.series.flatMap((s) => s.nodes);
    expect(nodes.length).toBe(statements.statements.reduce((n, s) => n + s.clauses, 0));
    const ids = new Set(nodes.map((node) => node.id));
    for (const edge of graph.series.flatMap((s) => s.edges)) expect(ids.has(edge.from) && ids.has(edge.to)).toBe(true);
    expect(graph.series.flatMap((s) => s.lineages.flatMap((l) => l.nodes)).sort()).toEqual([...ids].sort());
    for (const formula of formulas.formulas) {
      for (const [statement, clauses] of Object.entries(formula.occurrences)) {
        for (const clause of clauses) expect(nodes.find((node) => node.id === `${statement}/${clause}`)?.formulas).toContain(formula.id);
      }
    }
    const records = parseCsv(csv);
    expect(records[0]).toEqual(['statement', 'date', 'section', 'paragraph', 'clause', 'text', 'topics', 'formulas']);
    expect(records.length - 1).toBe(nodes.length);
    const first = records[1]!;
    expect(nodes.find((node) => node.id === `${first[0]}/${first[4]}`)?.text).toBe(first[5]);
  });

  it('concordance.json lists every concordance pair with clause ids that are nodes of clause-graph.json', async () => {
    const data = JSON.parse(await fetchText('/data/concordance.json')) as { pairs: Array<{ older: string; newer: string; olderKey: string; newerKey: string; olderClauses: string[]; newerClauses: string[] }> };
    const graph = JSON.parse(await fetchText('/data/clause-graph.json')) as { series: Array<{ nodes: Array<{ id: string }> }> };
    const ids = new Set(graph.series.flatMap((s) => s.nodes.map((node) => node.id)));
    expect(data.pairs.map((pair) => `${pair.older}#${pair.olderKey}→${pair.newer}#${pair.newerKey}`)).toEqual(corpus.concordance.flatMap((entry) => entry.pairs.map((pair) => `${entry.older}#${pair.older}→${entry.newer}#${pair.newer}`)));
    for (const pair of data.pairs) {
      expect(pair.olderClauses.length).toBeGreaterThan(0);
      expect(pair.newerClauses.length).toBeGreaterThan(0);
      for (const clause of pair.olderClauses) expect(ids.has(`${pair.older}/${clause}`)).toBe(true);
      for (const clause of pair.newerClauses) expect(ids.has(`${pair.newer}/${clause}`)).toBe(true);
    }
  });
});

/** A small RFC 4180 reader, to check the CSV as a spreadsheet would read it. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') (field += '"'), at++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') record.push(field), (field = '');
    else if (char === '\r' && text[at + 1] === '\n') {
      record.push(field);
      records.push(record);
      (record = []), (field = ''), at++;
    } else field += char;
  }
  return records;
}

describe('every compare page of the corpus', () => {
  it('shows every clause of both statements in a row that links it, so no change goes unseen', async () => {
    expect(comparisons.length).toBeGreaterThan(1);
    for (const { older, newer } of comparisons) {
      const html = await (await fetch(`${baseUrl}/compare/${older.id}/${newer.id}/`)).text();
      for (const [statement, side] of [[older, 'older'], [newer, 'newer']] as const) {
        const missing = clausesOf(statement).filter((clause) => !html.includes(`href="/statements/${statement.id}/#${clause.id}"`));
        expect(missing.map((clause) => clause.id), `${side} clauses missing from /compare/${older.id}/${newer.id}/`).toEqual([]);
      }
    }
  });
});

describe('the concordance on compare pages', () => {
  // Every row without a counterpart (the aligner's dropped or added) whose paragraph the concordance names, on the page of that pair.
  const cases = comparisons.flatMap((comparison) => {
    const pairs = concordancePairs(corpus.concordance, comparison.older, comparison.newer);
    return rowsOf(comparison).flatMap((row) => {
      const older = row.kind !== 'moved-away' && row.shape === 'dropped' ? pairs.filter((pair) => row.from.some((clause) => clause.paragraphKey === pair.older)).map((pair) => ({ key: pair.newer, side: 'to' as const })) : [];
      const newer = row.kind !== 'moved-away' && row.shape === 'added' ? pairs.filter((pair) => row.to.some((clause) => clause.paragraphKey === pair.newer)).map((pair) => ({ key: pair.older, side: 'from' as const })) : [];
      const links = [...older, ...newer];
      return links.length ? [{ comparison, row, links }] : [];
    });
  });

  it('says where a dropped provision continues, and what an added one continues, with links to those rows', async () => {
    expect(cases.length, 'the corpus concordance names at least one dropped or added row').toBeGreaterThan(0);
    const pages = new Map<string, string>();
    for (const { comparison, row, links } of cases) {
      const path = `/compare/${comparison.older.id}/${comparison.newer.id}/`;
      if (!pages.has(path)) pages.set(path, await (await fetch(`${baseUrl}${path}`)).text());
      const html = pages.get(path)!;
      const start = html.indexOf(`id="${row.id}"`);
      const end = html.indexOf('class="row ', start);
      const rowHtml = html.slice(start, end < 0 ? undefined : end);
      expect(rowHtml, `${path}#${row.id}`).toContain('The editors’ concordance:');
      for (const link of links) {
        // The link leads to the row that holds the other paragraph.
        const target = rowsOf(comparison).find((other) => other.kind !== 'moved-away' && other[link.side].some((clause) => clause.paragraphKey === link.key));
        expect(rowHtml).toContain(`href="#${target?.id ?? link.key}">¶ ${link.key}</a>`);
        if (target) expect(html).toContain(`id="${target.id}"`);
      }
    }
    // Rows the concordance does not name carry no such note.
    const noted = [...pages.values()].reduce((sum, html) => sum + (html.match(/class="concordance-note"/g) ?? []).length, 0);
    expect(noted).toBe(cases.length);
  });

  it('counts in the summary the dropped and added rows that continue under another key', async () => {
    for (const comparison of comparisons) {
      const path = `/compare/${comparison.older.id}/${comparison.newer.id}/`;
      const html = await (await fetch(`${baseUrl}${path}`)).text();
      const mine = cases.filter((item) => item.comparison === comparison);
      const dropped = mine.filter((item) => item.row.shape === 'dropped').length;
      const added = mine.filter((item) => item.row.shape === 'added').length;
      if (dropped + added === 0) expect(html, path).not.toContain('id="continued-count"');
      else expect(html, path).toContain(`${dropped} of the ${comparison.older.shortTitle} rows and ${added} of the ${comparison.newer.shortTitle} rows without a counterpart continue a point under another key`);
    }
  });

  it('says on a history page where the point of a provision continues in a statement without it', async () => {
    let checked = 0;
    for (const { graph, statements } of analysis.series) {
      for (const entry of corpus.concordance) {
        const newer = statements.find((statement) => statement.id === entry.newer);
        if (!newer) continue;
        for (const pair of entry.pairs) {
          // Each history through a clause of the older paragraph that has no clause in the newer statement.
          const lineages = graph.lineages.filter((lineage) => {
            const nodes = graph.nodes.filter((node) => lineage.nodes.includes(node.node));
            return nodes.some((node) => node.statementId === entry.older && node.paragraphKey === pair.older) && !nodes.some((node) => node.statementId === newer.id);
          });
          for (const lineage of lineages) {
            const html = await (await fetch(`${baseUrl}/clauses/${lineage.id}/`)).text();
            const start = html.indexOf(`id="${newer.id}"`);
            const step = html.slice(start, html.indexOf('</li>', start));
            expect(step, `/clauses/${lineage.id}/ in ${newer.id}`).toContain(`<a href="/statements/${newer.id}/#${pair.newer}">¶ ${pair.newer}</a>`);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('says on a history page that begins in the newer statement which older point it continues', async () => {
    let checked = 0;
    for (const { graph } of analysis.series) {
      for (const entry of corpus.concordance) {
        for (const pair of entry.pairs) {
          const lineages = graph.lineages.filter((lineage) => {
            const first = graph.nodes.find((node) => node.node === lineage.nodes[0]);
            return first?.statementId === entry.newer && graph.nodes.some((node) => lineage.nodes.includes(node.node) && node.statementId === entry.newer && node.paragraphKey === pair.newer);
          });
          for (const lineage of lineages) {
            const html = await (await fetch(`${baseUrl}/clauses/${lineage.id}/`)).text();
            expect(html, `/clauses/${lineage.id}/`).toMatch(new RegExp(`this continues a point of .*<a href="/statements/${entry.older}/#${pair.older}">[^<]* ¶ ${pair.older}</a>`));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
