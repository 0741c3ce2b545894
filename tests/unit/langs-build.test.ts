/**
 * The build on the invented original-language corpus (tests/fixtures/langs): the pages
 * declare each statement's language, so screen readers, hyphenation and fonts follow it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import { serveSite } from '../../scripts/site-server.ts';
import { chromiumArgs, chromiumPath } from '../browser/chromium.ts';
import { fixturesDir } from './fixtures.ts';

const out = join(mkdtempSync(join(tmpdir(), 'summit-langs-')), 'site');
afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

describe('build on tests/fixtures/langs', () => {
  it('statement pages and compare columns carry the statement language', () => {
    const build = spawnSync(process.execPath, ['scripts/build.ts'], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: join(fixturesDir, 'langs'), OUT_DIR: out } });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const page = (...path: string[]) => readFileSync(join(out, ...path, 'index.html'), 'utf8');
    expect(page('statements', '2019-velm-zh')).toMatch(/<article class="statement" lang="zh"/);
    expect(page('statements', '2023-velm-ru')).toMatch(/<article class="statement" lang="ru"/);
    const zh = page('compare', '2019-velm-zh', '2021-corra-zh');
    expect(zh.match(/<p class="text" lang="zh"/g)?.length).toBeGreaterThanOrEqual(12);
    expect(zh).not.toMatch(/<p class="text" lang="en"/);
    // The sentence that gained two words is marked word by word.
    expect(zh).toMatch(/<ins[^>]*>(?:<span class="visually-hidden">[^<]*<\/span>)?能源/);
    const ru = page('compare', '2021-corra-ru', '2023-velm-ru');
    expect(ru).toMatch(/<p class="text" lang="ru"/);
    expect(ru).not.toMatch(/<p class="text" lang="en"/);

    // Language versions (2024-lorn.zh.md, .ru.md, .en.md): compare pages pair like with like.
    for (const [older, newer, lang] of [['2020-lorn', '2024-lorn', 'zh'], ['2020-lorn-ru', '2024-lorn-ru', 'ru'], ['2020-lorn-en', '2024-lorn-en', 'en']]) {
      const texts = [...page('compare', older!, newer!).matchAll(/<p class="text" lang="([^"]+)"/g)].map((m) => m[1]);
      expect(texts.length, `${older} → ${newer}`).toBeGreaterThan(4);
      expect(new Set(texts), `${older} → ${newer}`).toEqual(new Set([lang]));
    }
    expect(existsSync(join(out, 'compare', '2020-lorn', '2024-lorn-ru'))).toBe(false);
    expect(existsSync(join(out, 'compare', '2024-lorn', '2024-lorn-ru'))).toBe(false);
    // The reading page of each version links to the others and to the side-by-side view.
    expect(page('statements', '2024-lorn-ru')).toMatch(/<article class="statement" lang="ru"/);
    expect(page('statements', '2024-lorn-ru')).toContain('href="/statements/2024-lorn/languages/"');
    expect(page('statements', '2024-lorn-ru')).toMatch(/<a href="\/statements\/2024-lorn\/" hreflang="zh" lang="zh">中文<\/a>/);
    expect(existsSync(join(out, 'statements', '2019-velm-zh', 'languages'))).toBe(false);
    // The catalogue links each version to the side-by-side view and declares its title's language.
    const catalogue = page('statements');
    expect(catalogue.match(/href="\/statements\/2024-lorn\/languages\/"[^>]*>3 languages side by side/g)).toHaveLength(3);
    expect(catalogue).toMatch(/<a href="\/statements\/2024-lorn-ru\/" lang="ru"[^>]*>Совместное заявление/);

    // The side-by-side view: one row per provision, one column per language, each with its lang.
    const view = page('statements', '2024-lorn', 'languages');
    const rows = [...view.matchAll(/<div class="version-row[^"]*" id="lang-([a-z-]+)"/g)].map((m) => m[1]);
    expect(rows).toHaveLength(43);
    expect(rows.indexOf('fishermen-licences')).toBe(rows.indexOf('waste-ban') + 1);
    const row = (key: string) => view.slice(view.indexOf(`id="lang-${key}"`), view.indexOf('<div class="version-row', view.indexOf(`id="lang-${key}"`) + 1));
    expect(row('water-share')).toContain('<div class="version-cell" lang="zh"');
    expect(row('water-share')).toMatch(/<div class="version-cell" lang="ru"[^>]*>[^]*Воды Лорна будут делиться поровну/);
    expect(row('water-share')).toMatch(/<div class="version-cell" lang="en"[^>]*>[^]*The waters of the Lorn will be shared equally/);
    expect(row('water-share')).not.toContain('discrepancy');
    // A provision one version lacks is a structural discrepancy, said in words (not by colour alone).
    expect(row('bird-reserve')).toContain('structural discrepancy');
    expect(row('bird-reserve')).toMatch(/<strong[^>]*>Missing:<\/strong> the <span lang="ru"[^>]*>русский<\/span> version has no provision <code[^>]*>bird-reserve<\/code>/);
    expect(row('fishermen-licences').match(/Missing:/g)).toHaveLength(2);
    expect(view).toMatch(/Structural discrepancies:/);
  }, 240_000);

  it('search: each language has its own Pagefind index, merged on the search page; Chinese queries are cut into words and the words marked', async () => {
    const entry = JSON.parse(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'ru', 'zh']);
    const server = await serveSite(out);
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const search = async (query: string) => {
        await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
        await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
        return page.locator('.search-result a.result-excerpt').evaluateAll((anchors) => anchors.map((a) => ({ text: a.textContent ?? '', marks: [...a.querySelectorAll('mark')].map((m) => m.textContent) })));
      };
      // A query of two Chinese words written without a space finds the clauses holding both, the words marked.
      const both = await search('船只开放');
      expect(both.map((hit) => hit.text)).toContain('洛恩河航道夏季向两国船只开放。');
      expect(both.find((hit) => hit.text === '洛恩河航道夏季向两国船只开放。')!.marks).toEqual(['船只开放']);
      for (const hit of both) expect(hit.marks.join(' ')).toMatch(/船只.*开放|开放.*船只/);
      // Words apart are marked apart.
      const apart = await search('航道开放');
      expect(apart.find((hit) => hit.text === '洛恩河航道夏季向两国船只开放。')!.marks).toEqual(['航道', '开放']);
      const channel = await search('航道');
      expect(channel.length).toBeGreaterThanOrEqual(4);
      for (const hit of channel) expect(new Set(hit.marks)).toEqual(new Set(['航道']));
      // The Russian and English indexes answer from the same page.
      expect((await search('Лорн')).length).toBeGreaterThan(0);
      expect((await search('river')).some((hit) => hit.marks.includes('river'))).toBe(true);
      expect(errors).toEqual([]);

      // The side-by-side view: no WCAG violation, and no sideways scroll on a phone (columns stack).
      await page.goto(`${server.url}/statements/2024-lorn/languages/`);
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
      await page.setViewportSize({ width: 360, height: 740 });
      await page.reload();
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await browser.close();
      server.close();
    }
  }, 240_000);
});
