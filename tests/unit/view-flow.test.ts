import { beforeEach, describe, expect, it } from 'vitest';
import { flowLayout, statementOf } from '../../src/view/flow.ts';
import { mainLine } from '../../src/view/series.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { analyse } from '../../src/data/analysis.ts';
import type { ClauseGraph, GraphNode } from '../../src/lib/model/types.ts';

const node = (statementId: string, id: string, topics: string[]): GraphNode => ({
  id,
  node: `${statementId}/${id}`,
  statementId,
  sectionKey: 's',
  paragraphKey: id.split('.')[0]!,
  index: 0,
  text: `${statementId} ${id}`,
  html: '',
  footnotes: [],
  topics,
  formulas: [],
  quotes: [],
  position: { file: 'x.md', line: 1, column: 1 }
});

// a: p, q, r; b: p (same), q split into q1 q2, s (added); c: p (reworded); r and s end, q1 q2 merged into t.
const small: ClauseGraph = {
  series: 'test',
  statements: ['a', 'b', 'c'],
  nodes: [
    node('a', 'p.1', ['one']), node('a', 'q.1', ['two']), node('a', 'r.1', ['two']),
    node('b', 'p.1', ['one']), node('b', 'q.1', ['two']), node('b', 'q.2', ['two']), node('b', 's.1', ['one']),
    node('c', 'p.1', ['one']), node('c', 't.1', ['two'])
  ],
  edges: [
    { from: 'a/p.1', to: 'b/p.1', kind: 'same', score: 1 },
    { from: 'a/q.1', to: 'b/q.1', kind: 'split', score: 0.8 },
    { from: 'a/q.1', to: 'b/q.2', kind: 'split', score: 0.8 },
    { from: 'b/p.1', to: 'c/p.1', kind: 'reworded', score: 0.7 },
    { from: 'b/q.1', to: 'c/t.1', kind: 'merged', score: 0.6 },
    { from: 'b/q.2', to: 'c/t.1', kind: 'merged', score: 0.6 }
  ],
  lineages: [
    { id: 'p', nodes: ['a/p.1', 'b/p.1', 'c/p.1'] },
    { id: 'q', nodes: ['a/q.1', 'b/q.1', 'b/q.2', 'c/t.1'] },
    { id: 'r', nodes: ['a/r.1'] },
    { id: 's', nodes: ['b/s.1'] }
  ]
};
const topics = [{ id: 'one', label: 'One' }, { id: 'two', label: 'Two' }];

describe('flowLayout', () => {
  it('flowLayout(graph) places columns left to right in date order', () => {
    const layout = flowLayout(small, { topics });
    expect(layout.columns.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    for (let i = 1; i < layout.columns.length; i++) expect(layout.columns[i]!.x).toBeGreaterThan(layout.columns[i - 1]!.x);
    for (const n of layout.nodes) expect(n.x + n.width / 2).toBeCloseTo(layout.columns[n.column]!.x);
  });

  it('flowLayout(graph) conserves counts: every clause continues or ends, arrives or begins', () => {
    const layout = flowLayout(small, { topics });
    expect(layout.flows).toHaveLength(small.edges.length);
    for (const pair of layout.pairs) {
      const sources = new Set(layout.flows.filter((f) => statementOf(f.from) === pair.older).map((f) => f.from));
      const targets = new Set(layout.flows.filter((f) => statementOf(f.to) === pair.newer).map((f) => f.to));
      expect(sources.size + pair.ended).toBe(pair.olderClauses);
      expect(targets.size + pair.begun).toBe(pair.newerClauses);
    }
    expect(layout.stubs.filter((s) => s.kind === 'ended').map((s) => s.node)).toEqual(['a/r.1', 'b/s.1']);
    expect(layout.stubs.filter((s) => s.kind === 'begun').map((s) => s.node)).toEqual(['b/s.1']);
  });

  it('flowLayout(graph) gives a split clause room for each of its flows', () => {
    const layout = flowLayout(small, { topics, unit: 6 });
    const q = layout.nodes.find((n) => n.node === 'a/q.1')!;
    const out = layout.flows.filter((f) => f.from === 'a/q.1');
    expect(out).toHaveLength(2);
    for (const f of out) {
      expect(f.y0).toBeGreaterThanOrEqual(q.y);
      expect(f.y0).toBeLessThanOrEqual(q.y + q.height + 1);
    }
    expect(new Set(out.map((f) => f.y0)).size).toBe(2);
  });

  it('flowLayout(graph) keeps a provision in one band and aligns bands across columns', () => {
    const layout = flowLayout(small, { topics });
    const band = (topic: string) => layout.bands.find((b) => b.topic === topic)!;
    for (const n of layout.nodes) {
      expect(n.y).toBeGreaterThanOrEqual(band(n.topic).y);
      expect(n.y + n.height).toBeLessThanOrEqual(band(n.topic).y + band(n.topic).height);
    }
    const p = layout.nodes.filter((n) => n.paragraphKey === 'p');
    expect(new Set(p.map((n) => n.y)).size).toBe(1);
  });

  it('flowLayout(graph) makes each band tall enough for its whole label, so no label is cut', () => {
    const long = [{ id: topics[0]!.id, label: 'Multipolarity, the UN and international order and the reform of global governance' }, ...topics.slice(1)];
    const layout = flowLayout(small, { topics: long });
    const band = layout.bands.find((b) => b.topic === long[0]!.id)!;
    // Every word of the label is on some line, and the lines fit the band (13 px a line).
    expect(band.lines.join(' ')).toBe(long[0]!.label);
    expect(band.lines.length).toBeGreaterThanOrEqual(4);
    expect(band.height).toBeGreaterThanOrEqual(band.lines.length * 13);
    for (const line of band.lines) expect(line.length).toBeLessThanOrEqual(22);
  });

  it('flowLayout(graph) counts a split or a merge once per pair of statements, as the compare page counts rows', () => {
    const layout = flowLayout(small, { topics, columns: ['a', 'b', 'c'] });
    expect(layout.pairs.map((pair) => pair.kinds)).toEqual([{ same: 1, split: 1 }, { reworded: 1, merged: 1 }]);
    // The picture still draws every line.
    expect(layout.flows.filter((flow) => flow.kind === 'split')).toHaveLength(2);
  });

  it('flowLayout(graph) draws only edges between neighbouring columns', () => {
    const layout = flowLayout(small, { topics, columns: ['a', 'c'] });
    expect(layout.flows).toEqual([]);
    expect(layout.pairs[0]!.ended).toBe(3);
  });

  it('flowLayout(graph) rejects a column that is not in the graph', () => {
    expect(() => flowLayout(small, { topics, columns: ['a', 'zz'] })).toThrow(/zz/);
  });
});

describe('flowLayout on the corpus', () => {
  // Built afresh before each test, not at load time (tests/unit/README.md).
  async function setup() {
    const corpus = await loadCorpus(process.env.CONTENT_DIR ?? 'content');
    const analysis = analyse(corpus);
    return { corpus, analysis };
  }
  type Fixture = Awaited<ReturnType<typeof setup>>;
  let corpus!: Fixture['corpus'];
  let analysis!: Fixture['analysis'];
  beforeEach(async () => {
    ({ corpus, analysis } = await setup());
  });
  it('flowLayout(series graph) has no overlapping nodes in a column and one node per clause', () => {
    for (const series of analysis.series) {
      const columns = mainLine(series.statements).map((s) => s.id);
      const layout = flowLayout(series.graph, { topics: corpus.topics, columns });
      expect(layout.nodes).toHaveLength(series.graph.nodes.filter((n) => columns.includes(n.statementId)).length);
      for (let c = 0; c < columns.length; c++) {
        const inColumn = layout.nodes.filter((n) => n.column === c).sort((a, b) => a.y - b.y);
        for (let i = 1; i < inColumn.length; i++) expect(inColumn[i]!.y).toBeGreaterThanOrEqual(inColumn[i - 1]!.y + inColumn[i - 1]!.height);
      }
      for (const f of layout.flows) expect(f.path).toMatch(/^M[\d.]+,[\d.]+C/);
      expect(layout.height).toBeGreaterThan(0);
    }
  });
});
