import { describe, expect, it } from 'vitest';
import { toBibtex, toChicago } from '../../src/lib/export/cite.ts';
import { toAtom } from '../../src/lib/export/feed.ts';
import { cardSvg, wrap } from '../../src/view/card.ts';
import { movedNote, readMoved } from '../../src/lib/content/moved.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { parseXml } from './xml.ts';

const input = { title: 'Moscow 2023: Joint Statement & more', url: 'https://example.org/statements/2023-moscow/', site: 'Summit Diff', date: '2025-03-05' };

describe('toChicago() and toBibtex()', () => {
  it('cite the permanent URL and the build date', () => {
    expect(toChicago(input)).toBe('“Moscow 2023: Joint Statement & more.” Summit Diff. Last modified March 5, 2025. https://example.org/statements/2023-moscow/.');
    const bibtex = toBibtex(input);
    expect(bibtex).toMatch(/^@misc\{summitdiff-statements-2023-moscow,\n/);
    expect(bibtex).toContain('  title = {{Moscow 2023: Joint Statement \\& more}},');
    expect(bibtex).toContain('  url = {https://example.org/statements/2023-moscow/},');
    expect(bibtex).toContain('  urldate = {2025-03-05},');
    expect(bibtex).toContain('  month = mar,');
  });
});

describe('toAtom()', () => {
  it('writes well-formed Atom, newest first, dated by the statements', async () => {
    const corpus = await loadCorpus('tests/fixtures/series-b');
    const [a, b, c] = corpus.statements;
    const xml = toAtom(
      [{ statement: a! }, { statement: c!, previous: { statement: b!, headlines: [{ text: 'B drops “x & y”', weight: 1, anchor: 'row-1', basis: 'complete' }] } }, { statement: b!, previous: { statement: a!, headlines: [] } }],
      { title: 'T', subtitle: 'S', site: 'https://example.org/' }
    );
    const feed = parseXml(xml);
    expect(feed.name).toBe('feed');
    const entries = feed.children.filter((child) => typeof child !== 'string' && child.name === 'entry');
    expect(entries.length).toBe(3);
    expect(xml.indexOf(c!.id)).toBeLessThan(xml.indexOf(`statements/${a!.id}/`));
    expect(xml).toContain(`<updated>${c!.date}T00:00:00Z</updated>`);
    expect(xml).toContain('B drops “x &amp;amp; y”');
  });
});

describe('cardSvg()', () => {
  it('is 1200 × 630 and escapes its text', () => {
    const svg = cardSvg({ eyebrow: 'Compare', title: 'A <b> & B', subtitle: 'x', footer: 'example.org/' });
    expect(svg).toContain('width="1200" height="630"');
    expect(svg).toContain('A &lt;b&gt; &amp; B');
  });

  it('wraps within the line count and ends cut text with an ellipsis', () => {
    const lines = wrap('word '.repeat(100), 1040, 64, 0.6, 3);
    expect(lines.length).toBe(3);
    expect(lines[2]!.endsWith('…')).toBe(true);
  });
});

describe('readMoved()', () => {
  it('reads tests/fixtures/moved/moved.yaml and reports bad entries with their line', async () => {
    const corpus = await loadCorpus('tests/fixtures/moved');
    const { readFileSync } = await import('node:fs');
    const good = readMoved({ path: 'moved.yaml', text: readFileSync('tests/fixtures/moved/moved.yaml', 'utf8') }, corpus.statements);
    expect(good.diagnostics).toEqual([]);
    expect(good.moved.map((m) => m.anchor)).toEqual(['lorn-fishing', 'border-commission']);
    expect(movedNote(good.moved[0]!)).toContain('#lorn-fisheries');
    const bad = readMoved({ path: 'moved.yaml', text: '- statement: 2023-velm\n  anchor: one-river\n  to: lorn-water\n- statement: 2023-velm\n  anchor: gone\n  to: nowhere\n' }, corpus.statements);
    expect(bad.diagnostics.map((d) => `${d.line} ${d.rule}`)).toEqual(['2 moved-anchor-exists', '6 moved-target-missing']);
  });
});
