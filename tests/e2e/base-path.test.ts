/**
 * The site built for a sub-path (BASE_PATH=/summit-diff/, as on a project page of
 * a static host), into a temporary folder: no internal address leaves the base,
 * the link check passes under it, and the host files carry it. Then the smoke
 * set of browser tests runs against Debian's nginx with the server block the
 * build wrote, so what users deploy is what is tested.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, outsideBase, type BuiltPage } from '../../scripts/links.ts';
import { serveWithNginx } from '../../scripts/nginx-server.ts';
import type { SiteServer } from '../../scripts/site-server.ts';
import { openPage, useBrowser } from './browser.ts';

const base = '/summit-diff/';
const site = 'https://user.github.io';
const root = mkdtempSync(join(tmpdir(), 'summit-base-'));
// nginx's workers read as an unprivileged user: the temporary folder must be readable.
chmodSync(root, 0o755);
// The folder the server serves holds the site at summit-diff/, as a host serves a project page.
const out = join(root, 'summit-diff');
let server: SiteServer | undefined;
const { browser } = useBrowser();

const files = () =>
  readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
const read = (path: string) => readFileSync(join(out, path), 'utf8');

beforeAll(() => {
  // The subject is the base path, not the corpus: this builds the shipped `content`
  // whatever CONTENT_DIR says, so that a suite run on a large series (CONTENT_DIR=…)
  // does not rebuild that series here, within this hook's time.
  const build = spawnSync(process.execPath, ['scripts/build.ts', '--production'], {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: 'content', BASE_PATH: base, SITE_URL: site, OUT_DIR: out },
    timeout: 110_000
  });
  expect(build.status, build.stderr).toBe(0);
}, 120_000);

afterAll(() => {
  server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('a build with BASE_PATH=/summit-diff/', () => {
  it('writes no root-relative href, src or action outside the base, in any page', () => {
    const pages = files().filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    const outside = pages.flatMap((file) => outsideBase(readFileSync(file, 'utf8'), base).map((address) => `${relative(out, file)}: ${address}`));
    expect(outside).toEqual([]);
    // The home page's own links, read without the helper under test.
    const home = read('index.html');
    expect(home).toContain('href="/summit-diff/statements/"');
    expect(home).toContain('action="/summit-diff/search/"');
    expect(home).toMatch(/<link rel="stylesheet" href="\/summit-diff\/_astro\//);
    expect(home).toContain(`<meta property="og:image" content="${site}/summit-diff/og/default.png"`);
    // A page's script font (an inline @font-face, which the href check does not read) is under the base too.
    const fonts = pages.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/url\('([^']*script-font[^']*)'\)/g)].map((match) => match[1]!));
    expect(fonts.length).toBeGreaterThan(0);
    const all = files();
    for (const font of fonts) {
      expect(font).toMatch(/^\/summit-diff\/_astro\/script-font\.[0-9a-f]+\.woff2$/);
      expect(all).toContain(join(out, ...font.split('/').slice(2)));
    }
  });

  it('passes the link check under the base, and fails it at the root', () => {
    const pages: BuiltPage[] = [];
    const paths = new Set<string>();
    for (const file of files()) {
      const path = `/${relative(out, file).split(sep).join('/')}`;
      paths.add(path);
      if (file.endsWith('.html')) pages.push({ path: path.replace(/index\.html$/, ''), html: readFileSync(file, 'utf8') });
    }
    const broken = checkLinks(pages, paths, base).broken.map((link) => `${link.page} → ${link.href} (${link.reason})`);
    expect(broken).toEqual([]);
    expect(checkLinks(pages, paths, '/').broken.length).toBeGreaterThan(1000);
  });

  it('puts the base into open data, the feed, the sitemap, robots.txt and the host files', () => {
    const statements = JSON.parse(read('data/statements.json')) as { statements: Array<{ url: string }> };
    for (const statement of statements.statements) expect(statement.url).toMatch(/^\/summit-diff\/statements\/[^/]+\/$/);
    const feedLinks = [...read('feed.xml').matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);
    expect(feedLinks.length).toBeGreaterThan(5);
    for (const link of feedLinks) expect(link.startsWith(`${site}/summit-diff/`), link).toBe(true);
    const locs = [...read('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(locs).toContain(`${site}/summit-diff/statements/2024-beijing/`);
    for (const loc of locs) expect(loc.startsWith(`${site}/summit-diff/`), loc).toBe(true);
    expect(locs.some((loc) => /\/404\/?$/.test(loc))).toBe(false);
    expect(read('robots.txt')).toContain(`Sitemap: ${site}/summit-diff/sitemap-index.xml`);
    expect(read('_headers')).toMatch(/^\/summit-diff\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
    // Every alias of the redirect map is a redirect under the base, and none is in the sitemap or a page of its own.
    const aliases = Object.keys((JSON.parse(read('clauses/redirects.json')) as { redirects: Record<string, string> }).redirects);
    expect(aliases.length).toBeGreaterThan(0);
    // Redirects (301); the one rewrite (200) sends compare addresses without a page to the in-browser pair page.
    const redirects = read('_redirects').split('\n').filter((line) => line.startsWith('/') && !line.endsWith(' 200'));
    expect(redirects).toHaveLength(aliases.length);
    for (const alias of aliases) {
      const path = `/summit-diff${alias}`;
      expect(redirects.some((line) => line.startsWith(`${path} /summit-diff/clauses/`) && line.endsWith(' 301')), path).toBe(true);
      expect(locs).not.toContain(`${site}${path}`);
      expect(files()).not.toContain(join(out, ...alias.split('/').filter(Boolean), 'index.html'));
    }
  });

  it('searches when served under the base: Pagefind loads and the results link into the base', async () => {
    server = await serveWithNginx(out, base);
    const { page, problems } = await openPage(browser(), `${server.url}/summit-diff/search/?q=Taiwan`);
    await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
    const links = await page.locator('.search-result a.result-excerpt').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^\/summit-diff\/statements\/[^/]+\/#/);
    await page.locator('.search-result a.result-excerpt').first().click();
    await page.waitForURL(`${server.url}${links[0]}`);
    expect(problems).toEqual([]);
  });

  it('the pair picker navigates within the base, and the graph links its flows into it', async () => {
    server ??= await serveWithNginx(out, base);
    const { page, problems } = await openPage(browser(), `${server.url}/summit-diff/compare/2023-moscow/2024-beijing/`);
    await page.locator('.pair-picker select[name="older"]').selectOption('2022-beijing');
    await page.locator('.pair-picker select[name="newer"]').selectOption('2023-moscow');
    await Promise.all([page.waitForURL(`${server.url}/summit-diff/compare/2022-beijing/2023-moscow/`), page.locator('.pair-picker button').click()]);
    await page.goto(`${server.url}/summit-diff/graph/`);
    const flows = await page.locator('a.f-link').evaluateAll((anchors) => anchors.map((a) => [a.getAttribute('href') ?? '', a.getAttribute('data-lineage') ?? '']));
    expect(flows.length).toBeGreaterThan(10);
    for (const [link, lineage] of flows) {
      expect(link).toMatch(/^\/summit-diff\/(?:clauses|statements)\//);
      if (link!.includes('/clauses/')) expect(link).toBe(`/summit-diff/clauses/${lineage}/`);
    }
    expect(problems).toEqual([]);
  });

  it('opens a permalinked paragraph at its place, and highlights it', async () => {
    server ??= await serveWithNginx(out, base);
    const { page, problems } = await openPage(browser(), `${server.url}/summit-diff/statements/2022-beijing/#unilateralism`);
    const target = page.locator('[id="unilateralism"]');
    await expect(target.evaluate((element) => element.classList.contains('is-target'))).resolves.toBe(true);
    await expect.poll(async () => {
      const box = await target.boundingBox();
      return box !== null && box.y >= 0 && box.y < 900;
    }).toBe(true);
    expect(problems).toEqual([]);
  });

  it('follows a clause alias through nginx to the history within the base', async () => {
    server ??= await serveWithNginx(out, base);
    const { page, problems } = await openPage(browser(), `${server.url}/summit-diff/clauses/arctic-2022-beijing/`);
    // The 2022 Arctic clause belongs to the history that starts with it, at /clauses/arctic/.
    expect(new URL(page.url()).pathname).toBe('/summit-diff/clauses/arctic/');
    await expect(page.locator('a[href*="2022-beijing/#arctic"]').count()).resolves.toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it("answers a missing page with the site's 404 page, styled and linked within the base", async () => {
    server ??= await serveWithNginx(out, base);
    const response = await fetch(`${server.url}/summit-diff/no-such-page/`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toMatch(/<link rel="stylesheet" href="\/summit-diff\/_astro\//);
    expect(html).toContain('href="/summit-diff/"');
  });
});
