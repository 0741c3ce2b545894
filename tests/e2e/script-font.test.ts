import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { missingFrom, scriptCharacters } from '../../scripts/script-font.ts';
import { openPage, useBrowser } from './browser.ts';

// The subset font for Chinese and Russian originals, as built into dist/.
const dist = 'dist';
const corpus = await loadCorpus(process.env.CONTENT_DIR ?? 'content');
const KB = 1024;

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

const fontFile = (await readdir(join(dist, '_astro'))).find((name) => /^script-font\..*\.woff2$/.test(name));
const pageChars = scriptCharacters(await Promise.all((await htmlFiles(dist)).map((path) => readFile(path, 'utf8'))));
// A formula whose Chinese original a formula page shows.
const zhFormula = corpus.formulas.find((formula) => formula.zh);
const { browser, baseUrl } = useBrowser();

describe('the script font', () => {
  it('is built, self-hosted, small, and has a glyph for every Chinese and Cyrillic character on the pages', async () => {
    expect(pageChars.some((char) => /[\u4e00-\u9fff]/u.test(char))).toBe(true);
    expect(fontFile).toBeDefined();
    const font = await readFile(join(dist, '_astro', fontFile!));
    expect(font.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(font.length).toBeLessThanOrEqual(48 * KB);
    await expect(missingFrom(font, pageChars)).resolves.toEqual([]);
  });

  it('renders a Chinese original in that font on its formula page', async () => {
    expect(zhFormula).toBeDefined();
    const { page, problems } = await openPage(browser(), `${baseUrl}/formulas/${zhFormula!.id}/`);
    const zh = page.locator(':lang(zh)').first();
    const text = (await zh.textContent()) ?? '';
    expect(text).toMatch(/[\u4e00-\u9fff]/u);
    await page.evaluate(() => document.fonts.ready);
    // The fonts Chromium really drew the original with (Chromium here has no CJK font of its own):
    // every Chinese character comes from the web font, none from a fallback box.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: ':lang(zh)' });
    await expect.poll(async () => {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts.filter((font) => font.isCustomFont).reduce((sum, font) => sum + font.glyphCount, 0);
    }).toBeGreaterThanOrEqual([...text].filter((char) => /[\u4e00-\u9fff]/u.test(char)).length);
    expect(problems).toEqual([]);
  });
});
