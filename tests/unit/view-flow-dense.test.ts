import { beforeEach, describe, expect, it } from 'vitest';
import { flowLayout, HEADING_CHAR_PX, BAND_CHAR_PX } from '../../src/view/flow.ts';
import { mainLine } from '../../src/view/series.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { analyse } from '../../src/data/analysis.ts';

// Eight versions of a long statement (tests/fixtures/versions8): the graph at its densest.
// Built afresh before each test, not at load time, so that mutation testing sees which
// tests reach the code (tests/unit/README.md).
async function setup() {
  const corpus = await loadCorpus('tests/fixtures/versions8');
  const series = analyse(corpus).series[0]!;
  const columns = mainLine(series.statements).map((s) => s.id);
  const clauses = (id: string) => series.graph.nodes.filter((n) => n.statementId === id).length;
  const headings = Object.fromEntries(series.statements.map((s) => [s.id, { title: s.shortTitle, short: s.date.slice(0, 4), sub: `${clauses(s.id)} clauses`, subShort: String(clauses(s.id)) }]));
  return { corpus, series, columns, headings };
}
type Fixture = Awaited<ReturnType<typeof setup>>;
let corpus!: Fixture['corpus'];
let series!: Fixture['series'];
let columns!: Fixture['columns'];
let headings!: Fixture['headings'];
beforeEach(async () => {
  ({ corpus, series, columns, headings } = await setup());
});
const count = (id: string) => series.graph.nodes.filter((n) => n.statementId === id).length;

describe('flowLayout with eight versions of a long statement', () => {
  it('has eight columns of about 150 clauses each', () => {
    expect(columns).toHaveLength(8);
    for (const id of columns) expect(count(id)).toBeGreaterThan(130);
  });

  for (const [name, labelWidth, columnGap] of [['wide', 170, 152], ['narrow', 120, 150], ['tight', 120, 40]] as const) {
    it(`fits each column heading into the room between columns (${name}: ${columnGap} px apart), whole words or the year`, () => {
      const layout = flowLayout(series.graph, { topics: corpus.topics, columns, labelWidth, columnGap, headings });
      for (const column of layout.columns) {
        const title = headings[column.id]!.title;
        // Either the whole title, wrapped, or its year: never a word cut or dropped.
        expect([title, headings[column.id]!.short]).toContain(column.lines.join(' '));
        for (const line of column.lines) expect(line.length * HEADING_CHAR_PX).toBeLessThanOrEqual(columnGap);
      }
      // Headings of neighbouring columns, centred on them, cannot meet.
      const widest = Math.max(...layout.columns.flatMap((column) => column.lines.map((line) => line.length * HEADING_CHAR_PX)));
      expect(widest).toBeLessThanOrEqual(columnGap);
      // Band labels fit left of the first column, and the bands are tall enough for their lines.
      for (const band of layout.bands) {
        for (const line of band.lines) expect(4 + line.length * BAND_CHAR_PX).toBeLessThanOrEqual(labelWidth);
        expect(band.lines.join(' ')).toBe(band.label);
      }
      // The first band starts below the headings.
      const lines = Math.max(...layout.columns.map((column) => column.lines.length)) + 1;
      expect(layout.bands[0]!.y).toBeGreaterThanOrEqual(16 + lines * 15 - 15 + 4);
    });
  }

  it('bundles the flows when dense, and every flow is in exactly one bundle', () => {
    const plain = flowLayout(series.graph, { topics: corpus.topics, columns, headings });
    expect(plain.bundles).toBeUndefined();
    const dense = flowLayout(series.graph, { topics: corpus.topics, columns, headings, bundleAbove: 600 });
    expect(dense.flows.length).toBeGreaterThan(600);
    expect(dense.bundles).toBeDefined();
    expect(dense.bundles!.reduce((sum, bundle) => sum + bundle.count, 0)).toBe(dense.flows.length);
    // Far fewer marks to draw, one per pair of bands and kind.
    expect(dense.bundles!.length).toBeLessThan(dense.flows.length / 5);
    const keys = dense.bundles!.map((bundle) => `${bundle.pair} ${bundle.fromBand} ${bundle.toBand} ${bundle.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
