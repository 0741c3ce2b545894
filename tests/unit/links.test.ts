import { describe, expect, it } from 'vitest';
import { checkLinks, idsOf, linksOf } from '../../scripts/links.ts';

const pages = [
  { path: '/', html: '<a href="/statements/a/">A</a><a href="/statements/a/#p1">P1</a><a href="#top" id="top">top</a><link rel="canonical" href="https://x.org/">' },
  { path: '/statements/a/', html: '<div id="p1"></div><span id="p1.1"></span><a href="/data/x.json">data</a><a href="http://insecure.example/">old</a><a href="https://ok.example/">ok</a>' }
];

describe('checkLinks(pages, files)', () => {
  it('passes a site whose links and fragments resolve, and lists http links', () => {
    const report = checkLinks(pages, new Set(['/data/x.json']));
    expect(report.broken).toEqual([]);
    expect(report.insecure).toEqual([{ page: '/statements/a/', href: 'http://insecure.example/' }]);
  });

  it('reports a missing page, a missing file and a missing fragment', () => {
    const broken = checkLinks(
      [...pages, { path: '/x/', html: '<a href="/nowhere/">n</a><a href="/statements/a/#p2">p2</a><a href="/data/y.json">y</a><a href="/statements/a/#p1.1">ok</a>' }],
      new Set(['/data/x.json'])
    ).broken;
    expect(broken.map((link) => [link.href, link.reason])).toEqual([
      ['/nowhere/', 'no such page or file'],
      ['/statements/a/#p2', 'no element with id "p2"'],
      ['/data/y.json', 'no such page or file']
    ]);
  });
});

describe('idsOf(html) and linksOf(html)', () => {
  it('reads ids and links with entities decoded', () => {
    expect([...idsOf('<p id="a&amp;b"></p><p id=c></p>')]).toEqual(['a&b', 'c']);
    expect(linksOf('<a href="/a/?x=1&#x26;y=2">x</a><img src="/i.png"><form action="/search/">')).toEqual(['/a/?x=1&y=2', '/i.png', '/search/']);
  });
});
