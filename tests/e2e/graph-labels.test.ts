import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from './browser.ts';

// The clause graph's text at every width from phone to desktop: column headings, the
// counts under them and band labels neither overlap one another nor run into the picture's
// bars, and none is cut off by the drawing's edges. Run on the built corpus, and on the
// eight-version fixture (CONTENT_DIR=tests/fixtures/versions8, built so) for the densest case.
const { browser, baseUrl } = useBrowser();
const widths = [360, 390, 768, 1024, 1280, 1440];

type Box = { text: string; left: number; right: number; top: number; bottom: number; group: number };

describe('graph labels', () => {
  for (const width of widths) {
    it(`neither overlap nor are cut at ${width} px`, async () => {
      const { page, problems } = await openPage(browser(), `${baseUrl}/graph/`, { width, height: 900 });
      const result = await page.evaluate(() => {
        const svg = [...document.querySelectorAll<SVGSVGElement>('svg[data-flow-graph]')].find((element) => element.getBoundingClientRect().width > 0)!;
        const frame = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll('text')];
        const box = (element: Element, text: string) => {
          const r = element.getBoundingClientRect();
          return { text, left: r.left, right: r.right, top: r.top, bottom: r.bottom, group: texts.indexOf(element.closest('text')!) };
        };
        // Each line of a heading or label is its own box (a <text>'s box would span all its lines).
        const labels = [...svg.querySelectorAll('.f-col tspan, .f-band-label tspan')].map((tspan) => box(tspan, tspan.textContent ?? ''));
        const bars = [...svg.querySelectorAll('.f-node')].map((node) => box(node, 'bar'));
        return { labels, bars, frame: { left: frame.left, right: frame.right, top: frame.top, bottom: frame.bottom, text: '', group: -1 } };
      });
      const overlap = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      const clashes: string[] = [];
      result.labels.forEach((a, at) => {
        // The lines of one label are set a line apart by construction; their font boxes (taller than the glyphs) may touch.
        for (const b of result.labels.slice(at + 1)) if (a.group !== b.group && overlap(a, b)) clashes.push(`“${a.text}” × “${b.text}”`);
        for (const bar of result.bars) if (overlap(a, bar)) {
          clashes.push(`“${a.text}” × a bar`);
          break;
        }
        if (a.left < result.frame.left - 0.5 || a.right > result.frame.right + 0.5 || a.top < result.frame.top - 0.5) clashes.push(`“${a.text}” cut by the edge`);
      });
      expect(result.labels.length).toBeGreaterThan(0);
      expect(clashes).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
