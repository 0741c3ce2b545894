/** Scale: which pairs a series prebuilds, comparisons computed per pair and released, the redirect map, the card cache. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, comparisonCacheSize, compareModeOf, prebuiltPairs, type Analysis } from '../../src/data/analysis.ts';
import type { Corpus } from '../../src/data/load.ts';
import { redirectMap } from '../../src/data/redirects.ts';
import { readSeries } from '../../src/lib/content/series.ts';
import { normalize, normalizeOnce } from '../../src/lib/align/normalize.ts';
import { redirectTarget } from '../../src/client/redirect.ts';
import type { Statement } from '../../src/lib/model/types.ts';
import { statement } from './statements.ts';

const texts = ['Both sides deepen trade and investment.', 'They oppose unilateral sanctions.', 'They support the United Nations.', 'They will hold annual summits.'];
/** `n` statements a year apart, each a little different from the one before. */
function series(n: number): Statement[] {
  return Array.from({ length: n }, (_, at) =>
    statement(`s-${2000 + at}`, `${2000 + at}-05-01`, texts.map((text, k) => [`p${k}`, [k === at % texts.length ? `${text} Year ${at}.` : text]]))
  );
}
function corpusOf(statements: Statement[], compare?: 'all' | 'consecutive'): Corpus {
  return {
    statements,
    formulas: [],
    topics: [],
    series: [{ id: 'test', title: 'Test', description: '', statementIds: statements.map((s) => s.id), ...(compare ? { compare } : {}) }],
    corrections: [],
    concordance: [],
    secondConcordance: [],
    registry: [],
    moved: [],
    languageVersions: [],
    diagnostics: []
  };
}

describe('compare: all | consecutive', () => {
  it('series.yaml takes compare: all or consecutive, and refuses anything else at its line', () => {
    const good = readSeries({ path: 'series.yaml', text: '- { id: test, title: Test, compare: consecutive }\n' }, series(2));
    expect(good.diagnostics).toEqual([]);
    expect(good.series[0]!.compare).toBe('consecutive');
    const bad = readSeries({ path: 'series.yaml', text: '- id: test\n  title: Test\n  compare: some\n' }, series(2));
    expect(bad.diagnostics.map((d) => [d.rule, d.line])).toEqual([['series-invalid', 3]]);
  });

  it('defaults to every pair up to 12 statements and to consecutive pairs beyond; a series may say otherwise', () => {
    const entry = { id: 'test', title: 'Test', description: '', statementIds: [] };
    expect(compareModeOf(entry, 12)).toBe('all');
    expect(compareModeOf(entry, 13)).toBe('consecutive');
    expect(compareModeOf({ ...entry, compare: 'all' }, 40)).toBe('all');
    expect(compareModeOf({ ...entry, compare: 'consecutive' }, 3)).toBe('consecutive');
  });

  it('consecutive: each statement with the one before, and statements of one day with each other, so pairs grow with the statements', () => {
    const statements = series(6);
    const sameDay = { ...statement('side-2003', '2003-05-01', [['x', ['A side document.']]]), kind: 'side-statement' };
    const all = [...statements.slice(0, 4), sameDay, ...statements.slice(4)];
    const pairs = prebuiltPairs(all, 'consecutive').map((pair) => `${pair.older.id}/${pair.newer.id}`);
    for (let at = 1; at < statements.length; at++) expect(pairs).toContain(`${statements[at - 1]!.id}/${statements[at]!.id}`);
    expect(pairs).toContain('s-2003/side-2003');
    expect(pairs).toContain('s-2002/side-2003');
    expect(pairs).not.toContain('s-2000/s-2005');
    expect(prebuiltPairs(series(40), 'consecutive')).toHaveLength(39);
    expect(prebuiltPairs(series(6), 'all')).toHaveLength(15);
  });

  it('prebuilds the consecutive pairs of a long series, still compares any other pair on demand, and releases comparisons', () => {
    const statements = series(14);
    const analysis = analyse(corpusOf(statements));
    expect(analysis.series[0]!.compare).toBe('consecutive');
    expect(analysis.series[0]!.pairs).toHaveLength(13);
    expect(analysis.isPrebuilt('s-2000', 's-2001')).toBe(true);
    expect(analysis.isPrebuilt('s-2000', 's-2013')).toBe(false);
    const far = analysis.comparison('s-2000', 's-2013')!;
    expect(far.pairs.length).toBeGreaterThan(0);
    expect(analysis.comparison('s-2013', 's-2000')).toBeUndefined();
    const first = analysis.comparison('s-2000', 's-2001')!;
    const summary = analysis.summary('s-2000', 's-2001')!;
    expect(summary.report).toBe(first.report);
    // Once more pairs than the cache holds were compared, the first comparison is gone and is made anew; its summary stays.
    for (let at = 2; at < 2 + comparisonCacheSize + 1; at++) analysis.comparison(`s-${2000 + at - 1}`, `s-${2000 + at}`);
    const again = analysis.comparison('s-2000', 's-2001')!;
    expect(again).not.toBe(first);
    expect(again.report).toEqual(first.report);
    expect(analysis.summary('s-2000', 's-2001')).toBe(summary);
  });
});

describe('the clause redirect map', () => {
  it('lists every alias of a lineage once, to its history, and never a lineage id', () => {
    const analysis = analyse(corpusOf(series(3)));
    const { redirects } = redirectMap(analysis);
    const ids = new Set(analysis.series[0]!.graph.lineages.map((lineage) => `/clauses/${lineage.id}/`));
    expect(Object.keys(redirects).length).toBeGreaterThan(0);
    for (const [from, to] of Object.entries(redirects)) {
      expect(ids.has(from), from).toBe(false);
      expect(ids.has(to), to).toBe(true);
    }
    expect(redirects['/clauses/p0-s-2001/']).toBe('/clauses/p0/');
  });

  it('never sends a history of one series to another: an alias that is a lineage id elsewhere is left out', () => {
    // Series one has the history `trade`; in series two, `trade` is only the base of a clause that joined `energy`.
    const graphOf = (lineages: Array<{ id: string; nodes: string[] }>, nodes: Array<{ node: string; id: string; statementId: string }>) =>
      ({ lineages, nodes, edges: [] }) as unknown as Analysis['series'][number]['graph'];
    const one = graphOf([{ id: 'trade', nodes: ['a/trade.1'] }], [{ node: 'a/trade.1', id: 'trade.1', statementId: 'a' }]);
    const two = graphOf([{ id: 'energy', nodes: ['b/energy.1', 'c/trade.1'] }], [{ node: 'b/energy.1', id: 'energy.1', statementId: 'b' }, { node: 'c/trade.1', id: 'trade.1', statementId: 'c' }]);
    const { redirects } = redirectMap({ series: [{ graph: one }, { graph: two }] as unknown as Analysis['series'] });
    expect(redirects['/clauses/trade/']).toBeUndefined();
    expect(redirects['/clauses/trade-c/']).toBe('/clauses/energy/');
  });

  it('the 404 page finds an address in the map under the base path, with or without its trailing slash', () => {
    const redirects = { '/clauses/a-2020/': '/clauses/a/' };
    expect(redirectTarget('/clauses/a-2020/', '/', redirects)).toBe('/clauses/a/');
    expect(redirectTarget('/sub/clauses/a-2020', '/sub/', redirects)).toBe('/sub/clauses/a/');
    expect(redirectTarget('/clauses/b-2020/', '/', redirects)).toBeUndefined();
    expect(redirectTarget('/other/clauses/a-2020/', '/sub/', redirects)).toBeUndefined();
  });
});

describe('done once', () => {
  it('normalizeOnce gives normalize()’s tokens, once per text and lexicon', () => {
    const text = 'The sides oppose unilateral sanctions and long-arm jurisdiction.';
    expect(normalizeOnce(text)).toEqual(normalize(text));
    expect(normalizeOnce(text)).toBe(normalizeOnce(text));
    expect(normalizeOnce('双方的合作和交流', [], 'zh')).toEqual(['双方', '合作', '交流']);
  });

  it('a social card is rendered once per content: the next build takes it from the cache, byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-cards-'));
    process.env.CARD_CACHE_DIR = dir;
    try {
      const { cachedCard, cardCounts } = await import('../../src/data/og.ts');
      const text = { eyebrow: 'Compare', title: 'A → B', subtitle: 'Nothing changed.', footer: 'example.org/compare/a/b/' };
      const before = { ...cardCounts };
      const first = await cachedCard(text);
      const second = await cachedCard(text);
      const other = await cachedCard({ ...text, subtitle: 'One clause dropped.' });
      expect(cardCounts.rendered - before.rendered).toBe(2);
      expect(cardCounts.cached - before.cached).toBe(1);
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
      expect(Buffer.from(other).equals(Buffer.from(first))).toBe(false);
      expect(readdirSync(dir).filter((name) => name.endsWith('.png'))).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      delete process.env.CARD_CACHE_DIR;
    }
  });
});

describe('the permalink contract on a site that prebuilds some pairs', () => {
  it('an alias resolves through the redirect map, a pair not prebuilt is counted as compared in the browser, anything else is broken', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const { checkPermalinks } = await import('../../scripts/permalinks.ts');
    const site = mkdtempSync(join(tmpdir(), 'summit-permalinks-'));
    try {
      const page = (path: string, html = '<h1 id="top">x</h1>') => {
        mkdirSync(join(site, path), { recursive: true });
        writeFileSync(join(site, path, 'index.html'), html);
      };
      page('clauses/a');
      page('compare/s1/s2');
      mkdirSync(join(site, 'data'), { recursive: true });
      writeFileSync(join(site, 'clauses', 'redirects.json'), JSON.stringify({ redirects: { '/clauses/a-s2/': '/clauses/a/', '/clauses/b-s2/': '/clauses/b/' } }));
      const statements = ['s1', 's2', 's3'].map((id, at) => ({ id, series: 'x', date: `200${at}-01-01` }));
      writeFileSync(join(site, 'data', 'statements.json'), JSON.stringify({ statements }));
      writeFileSync(join(site, 'data', 'report.json'), JSON.stringify({ pairs: [], compare: [{ series: 'x', mode: 'consecutive', prebuilt: ['s1/s2', 's2/s3'] }] }));
      const inBrowser: string[] = [];
      const broken = checkPermalinks(site, ['/clauses/a-s2/', '/clauses/a-s2/#top', '/clauses/b-s2/', '/compare/s1/s2/', '/compare/s1/s3/', '/og/compare/s1/s3.png', '/compare/s2/s3/', '/compare/s3/s1/'], inBrowser);
      expect(broken.map((entry) => entry.url)).toEqual(['/clauses/b-s2/', '/compare/s2/s3/', '/compare/s3/s1/']);
      expect(inBrowser).toEqual(['/compare/s1/s3/', '/og/compare/s1/s3.png']);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('index pages past a threshold', () => {
  it('latestOf keeps the latest statements in order, all of them when there are no more', async () => {
    const { latestOf, pagesOf } = await import('../../src/view/window.ts');
    const ids = Array.from({ length: 30 }, (_, at) => `s${at}`);
    expect(latestOf(ids, 12)).toEqual(ids.slice(18));
    expect(latestOf(ids.slice(0, 5), 12)).toEqual(ids.slice(0, 5));
    const pages = pagesOf(ids, 12);
    expect(pages.map((page) => page.length)).toEqual([12, 12, 6]);
    expect(pages.flat()).toEqual(ids);
    expect(pagesOf([], 12)).toEqual([[]]);
  });
});
