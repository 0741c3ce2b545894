/**
 * The site's index tables, from the clause graph of a series: how many clauses
 * each topic has in each statement, and which statements carry each provision.
 * Pure data in, plain data out.
 */
import type { ClauseGraph, Topic } from '../model/types.ts';

/** One topic's clause counts, one per statement of the graph (date order). */
export type TopicCountRow = { topic: Topic; counts: number[]; total: number; provisions: number };

/** Clause counts per topic and statement, and provisions (as on /clauses/) per topic; topics with the most clauses first (ties by label). */
export function topicCounts(graph: ClauseGraph, topics: readonly Topic[]): TopicCountRow[] {
  const column = new Map(graph.statements.map((id, at) => [id, at]));
  const rows = provisionRows(graph);
  return topics
    .map((topic) => {
      const counts = graph.statements.map(() => 0);
      for (const node of graph.nodes) {
        const at = column.get(node.statementId);
        if (at !== undefined && node.topics.includes(topic.id)) counts[at]!++;
      }
      const provisions = rows.filter((row) => row.topics.includes(topic.id)).length;
      return { topic, counts, total: counts.reduce((a, b) => a + b, 0), provisions };
    })
    .sort((a, b) => b.total - a.total || a.topic.label.localeCompare(b.topic.label));
}

/**
 * One provision: a paragraph where it first appears and the lineages of its
 * clauses; per statement in date order, the clause ids it has there (empty when absent).
 */
export type ProvisionRow = {
  /** Lineage ids of the provision's clauses, in reading order of the first paragraph. */
  lineages: string[];
  /** The paragraph key where the provision first appears. */
  label: string;
  /** The statement of that first paragraph. */
  firstStatement: string;
  topics: string[];
  clauses: string[][];
};

/**
 * Every provision of a series in order of first appearance (statement, then
 * reading order). Lineages that begin in the same paragraph form one provision.
 */
export function provisionRows(graph: ClauseGraph): ProvisionRow[] {
  const byNode = new Map(graph.nodes.map((node) => [node.node, node]));
  const order = new Map(graph.nodes.map((node, at) => [node.node, at]));
  const rows = new Map<string, { row: ProvisionRow; first: number }>();
  const column = new Map(graph.statements.map((statement, at) => [statement, at]));
  for (const lineage of graph.lineages) {
    const nodes = lineage.nodes.map((id) => byNode.get(id)).filter((node) => node !== undefined);
    const first = nodes[0];
    if (!first) continue;
    const key = `${first.statementId}/${first.paragraphKey}`;
    let entry = rows.get(key);
    if (!entry) {
      entry = {
        row: { lineages: [], label: first.paragraphKey, firstStatement: first.statementId, topics: [], clauses: graph.statements.map(() => []) },
        first: order.get(first.node) ?? 0,
      };
      rows.set(key, entry);
    }
    entry.row.lineages.push(lineage.id);
    // Each node to its statement's column (a scan of every statement per lineage grew as lineages x statements).
    for (const node of nodes) entry.row.clauses[column.get(node.statementId) ?? -1]?.push(node.node);
    entry.row.topics = [...new Set([...entry.row.topics, ...nodes.flatMap((node) => node.topics)])].sort();
  }
  return [...rows.values()]
    .sort((a, b) => a.first - b.first)
    .map(({ row }) => ({
      ...row,
      // Node ids (`<statement>/<clause>`) sorted in reading order, then reduced to clause ids.
      clauses: row.clauses.map((ids) => ids.length === 0 ? ids : [...new Set(ids)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).map((id) => byNode.get(id)!.id)),
    }));
}
