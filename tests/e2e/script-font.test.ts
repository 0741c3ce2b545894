import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { missingFrom } from '../../scripts/script-font.ts';
import { openPage, useBrowser } from './browser.ts';

// The subset fonts for Chinese and Russian originals, as built into dist/: one per page that shows such text.
const dist = 'dist';
const corpus = await loadCorpus(process.env.CONTENT_DIR ?? 'content');
const KB = 1024;
// Han ideographs, CJK punctuation, fullwidth forms and Cyrillic: what a reader without a CJK font would see as boxes.
const SCRIPT = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u0400-\u04ff]/u;

/** The text a page shows (its body's text nodes, not scripts or styles), read with a parser of its own. */
function shownText(html: string): string {
  const parts: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text') parts.push(node.value);
    if (node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'head')) return;
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(fromHtml(html));
  return parts.join('');
}

/** The page's inline style rules (its `@font-face` is among them), read from the head. */
function inlineStyles(html: string): string {
  const styles: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'element' && node.tagName === 'style') styles.push((node as Element).children.map((child) => (child.type === 'text' ? child.value : '')).join(''));
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(fromHtml(html));
  return styles.join('\n');
}

/** The code points a `unicode-range` value lists. */
function rangePoints(range: string): Set<number> {
  const points = new Set<number>();
  for (const part of range.split(',')) {
    const match = /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part);
    if (!match) throw new Error(`Not a unicode-range part: ${part}`);
    const from = Number.parseInt(match[1]!, 16);
    const to = match[2] ? Number.parseInt(match[2], 16) : from;
    for (let point = from; point <= to; point++) points.add(point);
  }
  return points;
}

type Page = { path: string; chars: string[]; face: { url: string; range: Set<number> } | undefined };

const pages: Page[] = [];
for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || entry.name !== 'index.html') continue;
  const html = await readFile(join(entry.parentPath, entry.name), 'utf8');
  const chars = [...new Set([...shownText(html)].filter((char) => SCRIPT.test(char)))];
  const face = /@font-face\s*\{[^}]*font-family:\s*'Summit Scripts'[^}]*url\('([^']+)'\)[^}]*unicode-range:\s*([^;}]+)/.exec(inlineStyles(html));
  const path = `/${relative(dist, entry.parentPath).split(sep).join('/')}/`.replace(/^\/\/$/, '/');
  pages.push({ path, chars, face: face ? { url: face[1]!, range: rangePoints(face[2]!) } : undefined });
}
const withScripts = pages.filter((page) => page.chars.length > 0);
// A formula whose Chinese original a formula page shows.
const zhFormula = corpus.formulas.find((formula) => formula.zh);
const { browser, baseUrl } = useBrowser();

describe('the script fonts', () => {
  it('give each page that shows Chinese or Cyrillic text a self-hosted font of a few KB with a glyph for every such character on it', async () => {
    expect(withScripts.some((page) => page.chars.some((char) => /[\u4e00-\u9fff]/u.test(char)))).toBe(true);
    for (const page of withScripts) {
      expect(page.face, page.path).toBeDefined();
      const { url, range } = page.face!;
      // Served from the site itself, under the base path, in the hashed assets folder.
      expect(url, page.path).toMatch(/^\/_astro\/script-font\.[0-9a-f]+\.woff2$/);
      const font = await readFile(join(dist, url));
      expect(font.subarray(0, 4).toString('latin1')).toBe('wOF2');
      // Named by its content: two builds write the same name, and pages with the same characters share the file.
      expect(url).toContain(`.${createHash('sha256').update(font).digest('hex').slice(0, 12)}.`);
      expect(font.length, page.path).toBeLessThanOrEqual(8 * KB);
      await expect(missingFrom(font, page.chars), page.path).resolves.toEqual([]);
      // The rule's unicode-range lists every character of the page, so the browser uses the font for each.
      expect(page.chars.filter((char) => !range.has(char.codePointAt(0)!)), page.path).toEqual([]);
    }
  });

  it('cut each font to its page: no page of Latin text has one, and a range holds no character its page lacks', () => {
    for (const page of pages.filter((p) => p.chars.length === 0)) expect(page.face, page.path).toBeUndefined();
    for (const page of withScripts) {
      const shown = new Set(page.chars.map((char) => char.codePointAt(0)!));
      expect([...page.face!.range].filter((point) => !shown.has(point)).map((point) => String.fromCodePoint(point)), page.path).toEqual([]);
    }
    // Two formula pages with different originals get different fonts.
    expect(new Set(withScripts.map((page) => page.face!.url)).size).toBeGreaterThan(1);
  });

  it('renders a Chinese original in its page font on its formula page, and loads no other font', async () => {
    expect(zhFormula).toBeDefined();
    const { page, problems } = await openPage(browser(), `${baseUrl}/formulas/${zhFormula!.id}/`);
    const fonts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'font') fonts.push(new URL(request.url()).pathname);
    });
    await page.reload();
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
      const { fonts: drawn } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return drawn.filter((font) => font.isCustomFont).reduce((sum, font) => sum + font.glyphCount, 0);
    }).toBeGreaterThanOrEqual([...text].filter((char) => /[\u4e00-\u9fff]/u.test(char)).length);
    const own = pages.find((p) => p.path === `/formulas/${zhFormula!.id}/`)!.face!.url;
    expect(fonts).toEqual([own]);
    expect(problems).toEqual([]);
  });

  it('loads no font on a page without such text', async () => {
    const plain = pages.find((p) => p.path === '/formulas/')!;
    expect(plain.chars).toEqual([]);
    const { page, problems } = await openPage(browser(), `${baseUrl}/formulas/`);
    const fonts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'font') fonts.push(request.url());
    });
    await page.reload();
    await page.evaluate(() => document.fonts.ready);
    expect(fonts).toEqual([]);
    expect(problems).toEqual([]);
  });
});
