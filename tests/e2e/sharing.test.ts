/**
 * Sharing on the built site (dist/): page metadata, social cards, citations,
 * the Atom feed and the URL contract; and moved anchors on a fixture build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { checkPermalinks } from '../../scripts/permalinks.ts';
import { parseXml } from '../unit/xml.ts';
import { openPage, useBrowser } from './browser.ts';
import { projectNode } from '../node.ts';

const corpus = await loadCorpus(process.env.CONTENT_DIR ?? 'content');
const pages = readdirSync('dist', { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name === 'index.html')
  .map((entry) => join(entry.parentPath, entry.name));
const read = (file: string) => readFileSync(file, 'utf8');
const metaOf = (html: string, key: string) => new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html)?.[1];
const pngSize = (file: string) => {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};
const { browser } = useBrowser();

describe('page metadata', () => {
  it('gives every page a title, a description, Open Graph and Twitter card tags, and an image that exists', () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const html = read(file);
      expect(/<title>[^<]+<\/title>/.test(html), file).toBe(true);
      for (const key of ['description', 'og:title', 'og:description', 'og:url', 'og:image', 'twitter:card', 'twitter:title', 'twitter:description', 'twitter:image']) {
        expect(metaOf(html, key), `${file}: ${key}`).toBeTruthy();
      }
      const image = new URL(metaOf(html, 'og:image')!).pathname;
      expect(existsSync(join('dist', image)), `${file}: ${image}`).toBe(true);
    }
  });
});

describe('social cards', () => {
  it('has a 1200 × 630 PNG for every compare page, every formula page and the default', () => {
    const compare = pages.filter((file) => /^dist\/compare\/[^/]+\/[^/]+\/index\.html$/.test(file));
    const formulas = pages.filter((file) => /^dist\/formulas\/[^/]+\/index\.html$/.test(file));
    expect(compare.length).toBeGreaterThan(0);
    expect(formulas.length).toBeGreaterThan(0);
    const cards = [
      'dist/og/default.png',
      ...compare.map((file) => file.replace(/^dist\/compare\/([^/]+)\/([^/]+)\/index\.html$/, 'dist/og/compare/$1/$2.png')),
      ...formulas.map((file) => file.replace(/^dist\/formulas\/([^/]+)\/index\.html$/, 'dist/og/formulas/$1.png'))
    ];
    for (const card of cards) expect(pngSize(card), card).toEqual({ width: 1200, height: 630 });
    for (const file of [...compare, ...formulas]) expect(metaOf(read(file), 'og:image'), file).toMatch(/\/og\/(?:compare|formulas)\/.+\.png$/);
  });
});

describe('Cite this page', () => {
  it('cites the permanent URL in Chicago and BibTeX on statement, compare and formula pages', () => {
    const samples = [pages.find((f) => /^dist\/statements\/[^/]+\//.test(f)), pages.find((f) => /^dist\/compare\/[^/]+\/[^/]+\//.test(f)), pages.find((f) => /^dist\/formulas\/[^/]+\//.test(f))];
    for (const file of samples) {
      expect(file).toBeTruthy();
      const html = read(file!);
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      const chicago = /<p class="cite-chicago">([^<]+)<\/p>/.exec(html)?.[1] ?? '';
      const bibtex = /<pre><code>(@misc[^<]+)<\/code><\/pre>/.exec(html)?.[1] ?? '';
      expect(chicago, file).toContain(`${canonical}.`);
      expect(bibtex, file).toContain(`url = {${canonical}}`);
      expect(chicago).toMatch(/Last modified [A-Z][a-z]+ \d{1,2}, \d{4}\./);
    }
  });
});

describe('feed.xml', () => {
  it('is well-formed Atom with one entry per statement, newest first', () => {
    const xml = read('dist/feed.xml');
    const feed = parseXml(xml);
    expect(feed.name).toBe('feed');
    expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    const entries = feed.children.filter((child) => typeof child !== 'string' && child.name === 'entry');
    expect(entries.length).toBe(corpus.statements.length);
    const dates = [...xml.matchAll(/<published>([^<]+)<\/published>/g)].map((m) => m[1]!);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('URL contract (tests/permalinks.txt)', () => {
  it('every listed URL and anchor still resolves in dist/', () => {
    const list = read('tests/permalinks.txt').split('\n');
    expect(list.filter((line) => line.includes('#')).length).toBeGreaterThan(100);
    expect(checkPermalinks('dist', list)).toEqual([]);
  });
});

describe('moved anchors (tests/fixtures/moved)', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'summit-moved-')), 'site');
  afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

  it('renders each moved anchor with its note, so old permalinks keep resolving', async () => {
    const build = spawnSync(projectNode, ['scripts/build.ts'], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: 'tests/fixtures/moved', OUT_DIR: out }, timeout: 55_000 });
    expect(build.status, build.stderr).toBe(0);
    const html = read(join(out, 'statements', '2023-velm', 'index.html'));
    expect(html).toMatch(/<span class="moved-anchor" id="lorn-fishing" data-moved-note="[^"]*#lorn-fisheries[^"]*"><\/span>\s*<div class="provision" id="lorn-fisheries"/);
    expect(html).toMatch(/id="border-commission" data-moved-note="[^"]*no longer has a provision on the border commission/);
    expect(checkPermalinks(out, ['/statements/2023-velm/#lorn-fishing', '/statements/2023-velm/#border-commission', '/statements/2023-velm/#never-was'])).toEqual([
      { line: 3, url: '/statements/2023-velm/#never-was', problem: expect.stringContaining('no element with id "never-was"') }
    ]);

    const port = 4700 + Math.floor(Math.random() * 200);
    const server = spawn(projectNode, ['scripts/serve.ts', '--port', String(port), '--dir', out], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise((resolve) => server.stdout?.once('data', resolve));
      const { page, problems } = await openPage(browser(), `http://localhost:${port}/statements/2023-velm/#lorn-fishing`);
      await expect(page.locator('#anchor-note').isVisible()).resolves.toBe(true);
      await expect(page.locator('#anchor-note').textContent()).resolves.toContain('now at #lorn-fisheries');
      expect(problems).toEqual([]);
    } finally {
      server.kill();
    }
  }, 60_000);
});
