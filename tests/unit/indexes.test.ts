import { beforeEach, describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/lib/analyse/graph.ts';
import { provisionRows, topicCounts } from '../../src/lib/analyse/indexes.ts';
import type { Alignment, Topic } from '../../src/lib/model/types.ts';
import { statement } from './statements.ts';

const topic = (id: string, label: string): Topic => ({ id, label, description: '', cues: [] });
const topics = [topic('energy', 'Energy'), topic('taiwan', 'Taiwan'), topic('arctic', 'Arctic')];

const a = statement('2022-a', '2022-02-04', [
  ['taiwan', [{ text: 'One China.', topics: ['taiwan'] }, { text: 'No independence.', topics: ['taiwan'] }]],
  ['gas', [{ text: 'Gas flows.', topics: ['energy'] }]]
]);
const b = statement('2023-b', '2023-03-21', [
  ['oil', [{ text: 'Oil flows.', topics: ['energy'] }]],
  ['taiwan', [{ text: 'One China.', topics: ['taiwan'] }]]
]);
const ab: Alignment = { older: '2022-a', newer: '2023-b', pairs: [
  { kind: 'added', from: [], to: ['oil.1'], score: 0 },
  { kind: 'same', from: ['taiwan.1'], to: ['taiwan.1'], score: 1 },
  { kind: 'dropped', from: ['taiwan.2'], to: [], score: 0 },
  { kind: 'dropped', from: ['gas.1'], to: [], score: 0 }
] };
// Built afresh before each test, not at load time, so that mutation testing sees which
// tests reach the code (tests/unit/README.md).
function setup() {
  const graph = buildGraph([a, b], [ab]);
  return { graph };
}
type Fixture = ReturnType<typeof setup>;
let graph!: Fixture['graph'];
beforeEach(() => {
  ({ graph } = setup());
});

describe('topicCounts', () => {
  it('topicCounts(graph, topics) counts the clauses of each topic per statement, most clauses first, and its provisions (paragraphs, not clauses)', () => {
    expect(topicCounts(graph, topics).map((row) => [row.topic.id, row.counts, row.total, row.provisions])).toEqual([
      ['taiwan', [2, 1], 3, 1],
      ['energy', [1, 1], 2, 2],
      ['arctic', [0, 0], 0, 0]
    ]);
  });
});

describe('provisionRows', () => {
  it('provisionRows(graph) makes one row per paragraph where a provision begins, in order of first appearance', () => {
    expect(provisionRows(graph).map((row) => [row.label, row.firstStatement, row.clauses])).toEqual([
      ['taiwan', '2022-a', [['taiwan.1', 'taiwan.2'], ['taiwan.1']]],
      ['gas', '2022-a', [['gas.1'], []]],
      ['oil', '2023-b', [[], ['oil.1']]]
    ]);
  });

  it('provisionRows(graph) keeps every lineage of a provision and the union of its topics', () => {
    const [taiwan] = provisionRows(graph);
    expect(taiwan!.lineages).toHaveLength(2);
    expect(taiwan!.topics).toEqual(['taiwan']);
  });
});
