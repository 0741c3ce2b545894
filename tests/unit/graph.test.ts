import { describe, expect, it } from 'vitest';
import { buildGraph, lineageAliases, linkedPairs } from '../../src/lib/analyse/graph.ts';
import type { Alignment } from '../../src/lib/model/types.ts';
import { statement } from './statements.ts';

const a = statement('2022-a', '2022-02-04', [['nature', ['Relations have no limits.']], ['trade', ['Trade grows.']]]);
const b = statement('2023-b', '2023-03-21', [['nature', ['Relations are not an alliance.']], ['energy', ['Gas flows.']]]);
const c = statement('2024-c', '2024-05-16', [['nature', ['Relations are not an alliance.']], ['energy', ['Gas flows.', 'Oil too.']]]);
const ab: Alignment = { older: '2022-a', newer: '2023-b', pairs: [
  { kind: 'reworded', from: ['nature.1'], to: ['nature.1'], score: 0.51234 },
  { kind: 'dropped', from: ['trade.1'], to: [], score: 0 },
  { kind: 'added', from: [], to: ['energy.1'], score: 0 }
] };
const bc: Alignment = { older: '2023-b', newer: '2024-c', pairs: [
  { kind: 'same', from: ['nature.1'], to: ['nature.1'], score: 1 },
  { kind: 'split', from: ['energy.1'], to: ['energy.1', 'energy.2'], score: 0.8 }
] };
const ac: Alignment = { older: '2022-a', newer: '2024-c', pairs: [{ kind: 'moved', from: ['trade.1'], to: ['energy.2'], score: 0.4 }] };

describe('buildGraph', () => {
  it('buildGraph(statements, alignments) makes one node per clause, id `<statement>/<clause>`, in date order', () => {
    const graph = buildGraph([c, a, b], [ab, bc]);
    expect(graph.series).toBe('test');
    expect(graph.statements).toEqual(['2022-a', '2023-b', '2024-c']);
    expect(graph.nodes.map((node) => node.node)).toEqual(['2022-a/nature.1', '2022-a/trade.1', '2023-b/nature.1', '2023-b/energy.1', '2024-c/nature.1', '2024-c/energy.1', '2024-c/energy.2']);
    expect(graph.nodes[0]!.text).toBe('Relations have no limits.');
  });

  it('buildGraph(statements, alignments) turns aligned pairs into edges, a split into one edge per newer clause, and skips dropped and added', () => {
    const graph = buildGraph([a, b, c], [ab, bc]);
    expect(graph.edges).toEqual([
      { from: '2022-a/nature.1', to: '2023-b/nature.1', kind: 'reworded', score: 0.512 },
      { from: '2023-b/nature.1', to: '2024-c/nature.1', kind: 'same', score: 1 },
      { from: '2023-b/energy.1', to: '2024-c/energy.1', kind: 'split', score: 0.8 },
      { from: '2023-b/energy.1', to: '2024-c/energy.2', kind: 'split', score: 0.8 }
    ]);
  });

  it('buildGraph(statements, alignments) ignores alignments between statements that are not consecutive', () => {
    const graph = buildGraph([a, b, c], [ab, bc, ac]);
    expect(graph.edges.some((edge) => edge.from === '2022-a/trade.1')).toBe(false);
  });

  it('buildGraph(statements, alignments) chains a provision into one lineage named after its first clause', () => {
    const graph = buildGraph([a, b, c], [ab, bc]);
    expect(graph.lineages).toEqual([
      { id: 'nature', nodes: ['2022-a/nature.1', '2023-b/nature.1', '2024-c/nature.1'] },
      { id: 'trade', nodes: ['2022-a/trade.1'] },
      { id: 'energy', nodes: ['2023-b/energy.1', '2024-c/energy.1', '2024-c/energy.2'] }
    ]);
  });

  it('buildGraph joins the history of a provision that returns under its editor\'s key after a statement without it, clause by clause, with no edge', () => {
    const d = statement('2024-d', '2024-05-16', [['nature', ['Relations are not an alliance.']], ['trade', ['Trade grows again.', 'Payments in own currencies.']]]);
    const bd: Alignment = { older: '2023-b', newer: '2024-d', pairs: [
      { kind: 'same', from: ['nature.1'], to: ['nature.1'], score: 1 },
      { kind: 'added', from: [], to: ['trade.1'], score: 0 },
      { kind: 'added', from: [], to: ['trade.2'], score: 0 }
    ] };
    const graph = buildGraph([a, b, d], [ab, bd]);
    const lineageOf = (node: string) => graph.lineages.find((lineage) => lineage.nodes.includes(node))?.id;
    // 2023-b lacks `trade`: 2024-d's first trade clause continues 2022-a's, the second (no second clause before) starts its own.
    expect(lineageOf('2024-d/trade.1')).toBe('trade');
    expect(graph.lineages.find((lineage) => lineage.id === 'trade')?.nodes).toEqual(['2022-a/trade.1', '2024-d/trade.1']);
    expect(lineageOf('2024-d/trade.2')).not.toBe('trade');
    // The edges stay the alignments between neighbours.
    expect(graph.edges.some((edge) => edge.from === '2022-a/trade.1')).toBe(false);
    // A generated key claims nothing: no join.
    const generated = structuredClone(d);
    generated.sections[0]!.paragraphs[1]!.explicitKey = false;
    const apart = buildGraph([a, b, generated], [ab, bd]);
    expect(apart.lineages.find((lineage) => lineage.id === 'trade')?.nodes).toEqual(['2022-a/trade.1']);
    // Neighbours keep the aligner's verdict: 2023-b's own `trade`, left unpaired by the alignment, is not joined.
    const e = statement('2023-e', '2023-03-21', [['nature', ['Relations are not an alliance.']], ['trade', ['Barter only.']]]);
    const ae: Alignment = { older: '2022-a', newer: '2023-e', pairs: [{ kind: 'dropped', from: ['trade.1'], to: [], score: 0 }, { kind: 'added', from: [], to: ['trade.1'], score: 0 }] };
    const neighbours = buildGraph([a, e], [ae]);
    expect(neighbours.lineages.find((lineage) => lineage.id === 'trade')?.nodes).toEqual(['2022-a/trade.1']);
  });

  it('lineageAliases(graph) names every clause `<base>-<statement>` so a URL published before a regrouping still finds its lineage', () => {
    // Unaligned, 2023-b's nature.1 starts its own lineage, `nature-2023-b`.
    const apart = buildGraph([a, b], [{ older: '2022-a', newer: '2023-b', pairs: [] }]);
    expect(apart.lineages.map((lineage) => lineage.id)).toContain('nature-2023-b');
    // Aligned, it joins `nature`; the old id is now an alias of that lineage.
    const joined = buildGraph([a, b], [ab]);
    const aliases = new Map(lineageAliases(joined).map((entry) => [entry.alias, entry.lineage]));
    expect(joined.lineages.map((lineage) => lineage.id)).not.toContain('nature-2023-b');
    expect(aliases.get('nature-2023-b')).toBe('nature');
    expect(aliases.get('energy-2023-b')).toBe('energy');
    // A real lineage id is never shadowed by an alias.
    for (const lineage of joined.lineages) expect(aliases.has(lineage.id)).toBe(false);
  });

  it('lineageAliases(graph) keeps a clause\'s own history address when it joins an older lineage', () => {
    // Unaligned, 2023-b's energy.1 starts the lineage `energy`; moved from 2022-a's trade.1, it joins `trade`.
    const moved = buildGraph([a, b], [{ older: '2022-a', newer: '2023-b', pairs: [{ kind: 'moved', from: ['trade.1'], to: ['energy.1'], score: 0.6 }] }]);
    expect(moved.lineages.map((lineage) => lineage.id)).not.toContain('energy');
    const aliases = new Map(lineageAliases(moved).map((entry) => [entry.alias, entry.lineage]));
    expect(aliases.get('energy')).toBe('trade');
    expect(aliases.get('energy-2023-b')).toBe('trade');
  });

  it('buildGraph(statements, alignments) keeps lineage ids unique and URL-safe when a key starts two lineages', () => {
    const graph = buildGraph([a, b], [{ older: '2022-a', newer: '2023-b', pairs: [] }]);
    const ids = graph.lineages.map((lineage) => lineage.id);
    expect(ids).toEqual(['nature', 'trade', 'nature-2023-b', 'energy']);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
  });

  it('buildGraph(statements, alignments) links statements of the same date to each other', () => {
    const d = statement('2024-d', '2024-05-16', [['nature', ['Relations are not an alliance.']]]);
    const cd: Alignment = { older: '2024-c', newer: '2024-d', pairs: [{ kind: 'same', from: ['nature.1'], to: ['nature.1'], score: 1 }] };
    const bd: Alignment = { older: '2023-b', newer: '2024-d', pairs: [{ kind: 'same', from: ['nature.1'], to: ['nature.1'], score: 1 }] };
    expect(linkedPairs([a, b, c, d])).toEqual([['2022-a', '2023-b'], ['2023-b', '2024-c'], ['2023-b', '2024-d'], ['2024-c', '2024-d']]);
    const graph = buildGraph([a, b, c, d], [ab, bc, bd, cd]);
    expect(graph.lineages[0]!.nodes).toEqual(['2022-a/nature.1', '2023-b/nature.1', '2024-c/nature.1', '2024-d/nature.1']);
  });

  it('buildGraph(statements, alignments) throws, naming the clause, when an alignment names a clause not passed', () => {
    const bad: Alignment = { older: '2022-a', newer: '2023-b', pairs: [{ kind: 'same', from: ['nature.9'], to: ['nature.1'], score: 1 }] };
    expect(() => buildGraph([a, b], [bad])).toThrow(/2022-a\/nature\.9/);
  });

  it('buildGraph(statements, alignments) throws when statements of two series are mixed', () => {
    expect(() => buildGraph([a, { ...b, series: 'other' }], [])).toThrow(/one series/);
  });
});
