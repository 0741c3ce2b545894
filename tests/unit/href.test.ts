import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseBase, withBase, withoutBase } from '../../src/lib/model/href.ts';
import { addressesOf, checkLinks, outsideBase } from '../../scripts/links.ts';

describe('withBase(base, path)', () => {
  it('puts a site path under the base, however the base is written', () => {
    expect(withBase('/', '/statements/a/#p1')).toBe('/statements/a/#p1');
    expect(withBase(undefined, '/feed.xml')).toBe('/feed.xml');
    expect(withBase('/summit-diff/', '/statements/a/#p1')).toBe('/summit-diff/statements/a/#p1');
    expect(withBase('/summit-diff', '/')).toBe('/summit-diff/');
    expect(withBase('summit-diff/', '/search/')).toBe('/summit-diff/search/');
  });

  it('leaves fragment and query addresses alone and refuses relative or protocol-relative paths', () => {
    expect(withBase('/b/', '#top')).toBe('#top');
    expect(withBase('/b/', '?q=x')).toBe('?q=x');
    expect(() => withBase('/b/', 'statements/')).toThrow(/starts with one "\/"/);
    expect(() => withBase('/b/', '//evil.example/')).toThrow();
  });

  it('withoutBase() undoes it and tells an address outside the base', () => {
    expect(normaliseBase('')).toBe('/');
    expect(withoutBase('/summit-diff/', '/summit-diff/compare/a/b/')).toBe('/compare/a/b/');
    expect(withoutBase('/summit-diff/', '/summit-diff')).toBe('/');
    expect(withoutBase('/summit-diff/', '/compare/a/b/')).toBeUndefined();
    expect(withoutBase('/summit-diff/', '/summit-different/')).toBeUndefined();
    expect(withoutBase('/', '/compare/')).toBe('/compare/');
  });
});

describe('links under a base path', () => {
  const pages = [
    { path: '/', html: '<a href="/b/statements/a/#p1">A</a><form action="/b/search/"></form><a href="statements/a/">relative</a>' },
    { path: '/statements/a/', html: '<div id="p1"></div><img src="/b/og/x.png"><a href="../../">home</a>' },
    { path: '/search/', html: '' }
  ];

  it('checkLinks(…, base) resolves links within the base and reports those outside it', () => {
    expect(checkLinks(pages, new Set(['/og/x.png']), '/b/').broken).toEqual([]);
    const broken = checkLinks([...pages, { path: '/x/', html: '<a href="/statements/a/">root</a><a href="/b/statements/a/#p9">p9</a>' }], new Set(['/og/x.png']), '/b/').broken;
    expect(broken).toEqual([
      { page: '/x/', href: '/statements/a/', reason: 'outside the base path /b/' },
      { page: '/x/', href: '/b/statements/a/#p9', reason: 'no element with id "p9"' }
    ]);
  });

  it('the same site checked at the root finds every based link broken', () => {
    expect(checkLinks(pages, new Set(['/og/x.png'])).broken.map((link) => link.href)).toEqual(['/b/statements/a/#p1', '/b/search/', '/b/og/x.png']);
  });

  it('outsideBase() lists the root-relative href, src and action values outside the base, on any element', () => {
    const html = '<link rel="canonical" href="https://x.org/b/"><link rel="alternate" href="/feed.xml"><a href="/b/ok/">ok</a><a href=\'/bad/\'>bad</a><form action="/search/"><svg><use xlink:href="/sprite.svg#a"/></svg><script src="//cdn.example/x.js"></script><img src=/img.png>';
    expect(addressesOf(html)).toHaveLength(8);
    expect(outsideBase(html, '/b/')).toEqual(['/feed.xml', '/bad/', '/search/', '/sprite.svg#a', '/img.png']);
    expect(outsideBase(html, '/')).toEqual([]);
  });
});

describe('no internal address by hand', () => {
  it('no page, component or layout writes a root-relative href, src, action or cite: each goes through href()', () => {
    const found: string[] = [];
    for (const entry of readdirSync('src', { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.astro')) continue;
      const file = join(entry.parentPath, entry.name);
      readFileSync(file, 'utf8').split('\n').forEach((line, at) => {
        for (const match of line.matchAll(/\s(?:href|src|action|cite)=(?:"\/(?!\/)|'\/(?!\/)|\{\s*[`'"]\/(?!\/))/g)) found.push(`${file}:${at + 1}: ${match[0].trim()}`);
      });
    }
    expect(found).toEqual([]);
  });
});
