/**
 * The clause graph of one series: every clause a node, every alignment
 * between neighbouring statements an edge, and lineages, the chains of one
 * provision through the years.
 */
import type { AlignedPair, Alignment, Clause, ClauseGraph, GraphEdge, GraphNode, Lineage, Statement } from '../model/types.ts';
import { clausesOf } from '../model/statement.ts';

/**
 * Build the clause graph of a series.
 *
 * Edges join each statement to the statements of the latest earlier date
 * ("consecutive"), and statements of the same date to each other (e.g. a joint
 * statement and a strategic-stability statement signed the same day). Lineages
 * are the connected components of those edges, except `dropped` and `added`,
 * which join nothing, and of the returns: a paragraph whose editor's key comes
 * back after statements without it joins where it last stood (`returns`); each
 * lineage lists its nodes in series order, then position. Alignments of other pairs are ignored.
 *
 * @param statements the statements of one series (any order; sorted by date, then id).
 * @param alignments alignments between statements of the series, older first.
 * @returns the graph; node ids are `<statementId>/<clauseId>`.
 */
export function buildGraph(statements: readonly Statement[], alignments: readonly Alignment[]): ClauseGraph {
  const ordered = [...statements].sort(byDateThenId);
  const series = ordered[0]?.series ?? '';
  const mixed = ordered.find((statement) => statement.series !== series);
  if (mixed) throw new Error(`buildGraph() takes one series, got \`${series}\` and \`${mixed.series}\`: group statements by series first.`);

  const nodes: GraphNode[] = ordered.flatMap((statement) => clausesOf(statement).map((clause) => ({ ...clause, node: nodeId(statement.id, clause.id) })));
  const known = new Set(nodes.map((node) => node.node));
  const linked = new Set(linkedPairs(ordered).map(([older, newer]) => `${older}\n${newer}`));

  const edges: GraphEdge[] = [];
  for (const alignment of [...alignments].sort((a, b) => rank(ordered, a) - rank(ordered, b))) {
    if (!linked.has(`${alignment.older}\n${alignment.newer}`)) continue;
    for (const pair of alignment.pairs) edges.push(...edgesOf(pair, alignment, known));
  }
  return { series, statements: ordered.map((statement) => statement.id), nodes, edges, lineages: lineagesOf(nodes, edges, returns(ordered, linked)) };
}

/**
 * Clauses of a provision that a statement lacks and a later one carries again, under the
 * same editor's key: the n-th clause of paragraph `k` where it returns, with the n-th
 * clause of `k` where it last stood. Only consecutive statements are aligned, so without
 * this the provision's history ended at the gap ("not documented in 2025") while 2025's
 * paragraph `arctic` began a history of its own. An explicit key is the editors' claim
 * that two paragraphs are one provision; a generated key claims nothing, and statements
 * the aligner compared keep its verdict. These join histories; they are not edges (the
 * graph's edges stay alignments between neighbours).
 */
function returns(ordered: readonly Statement[], linked: ReadonlySet<string>): Array<[string, string]> {
  const joins: Array<[string, string]> = [];
  const lastSeen = new Map<string, { statement: Statement; clauses: readonly Clause[] }>();
  for (const statement of ordered) {
    for (const section of statement.sections) {
      for (const paragraph of section.paragraphs) {
        if (!paragraph.explicitKey || paragraph.clauses.length === 0) continue;
        const before = lastSeen.get(paragraph.key);
        if (before && before.statement !== statement && !linked.has(`${before.statement.id}\n${statement.id}`)) {
          paragraph.clauses.forEach((clause, at) => {
            const earlier = before.clauses[at];
            if (earlier) joins.push([nodeId(before.statement.id, earlier.id), nodeId(statement.id, clause.id)]);
          });
        }
      }
    }
    // Updated after the statement, so that a key used twice in one statement does not join itself.
    for (const section of statement.sections) for (const paragraph of section.paragraphs) if (paragraph.explicitKey && paragraph.clauses.length > 0) lastSeen.set(paragraph.key, { statement, clauses: paragraph.clauses });
  }
  return joins;
}

/**
 * The pairs of statements whose alignments make the graph's edges: each
 * statement with every statement of the latest earlier date, and statements
 * of one date with each other.
 *
 * @param statements statements of one series.
 * @returns `[olderId, newerId]` pairs in series order.
 */
export function linkedPairs(statements: readonly Statement[]): Array<[string, string]> {
  const ordered = [...statements].sort(byDateThenId);
  const dates = [...new Set(ordered.map((statement) => statement.date))];
  const pairs: Array<[string, string]> = [];
  dates.forEach((date, index) => {
    const group = ordered.filter((statement) => statement.date === date);
    const previous = index > 0 ? ordered.filter((statement) => statement.date === dates[index - 1]) : [];
    for (const newer of group) {
      for (const older of previous) pairs.push([older.id, newer.id]);
      for (const older of group) if (older.id < newer.id) pairs.push([older.id, newer.id]);
    }
  });
  return pairs;
}

/**
 * The id of a clause node.
 *
 * @param statementId statement id.
 * @param clauseId clause id within the statement.
 */
export function nodeId(statementId: string, clauseId: string): string {
  return `${statementId}/${clauseId}`;
}

export { clausesOf } from '../model/statement.ts';

/** The keys of a statement's paragraphs that carry an explicit key (not one generated from the text). */
export function explicitKeys(statement: Statement): Set<string> {
  return new Set(statement.sections.flatMap((section) => section.paragraphs.filter((paragraph) => paragraph.explicitKey).map((paragraph) => paragraph.key)));
}

/** Sort order of a series: date, then id. */
export function byDateThenId(a: Statement, b: Statement): number {
  return a.date.localeCompare(b.date) || a.id.localeCompare(b.id);
}

function rank(ordered: readonly Statement[], alignment: Alignment): number {
  const index = (id: string) => ordered.findIndex((statement) => statement.id === id);
  return index(alignment.older) * ordered.length + index(alignment.newer);
}

// Every older clause with every newer clause of the pair (one edge for 1:1, several for a split or merge).
function edgesOf(pair: AlignedPair, alignment: Alignment, known: Set<string>): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const from of pair.from) {
    for (const to of pair.to) {
      const edge = { from: nodeId(alignment.older, from), to: nodeId(alignment.newer, to), kind: pair.kind, score: round(pair.score) };
      if (!known.has(edge.from) || !known.has(edge.to)) {
        throw new Error(`buildGraph(): the alignment ${alignment.older} → ${alignment.newer} names clause \`${known.has(edge.from) ? edge.to : edge.from}\`, which is not in the statements: align the statements that were passed.`);
      }
      edges.push(edge);
    }
  }
  return edges;
}

// Connected components (union–find), named after their first node.
function lineagesOf(nodes: readonly GraphNode[], edges: readonly GraphEdge[], joins: ReadonlyArray<readonly [string, string]> = []): Lineage[] {
  const index = new Map(nodes.map((node, at) => [node.node, at]));
  const parent = nodes.map((_, at) => at);
  const find = (at: number): number => {
    while (parent[at] !== at) {
      parent[at] = parent[parent[at]!]!;
      at = parent[at]!;
    }
    return at;
  };
  for (const [from, to] of [...edges.map((edge) => [edge.from, edge.to] as const), ...joins]) {
    const a = find(index.get(from)!);
    const b = find(index.get(to)!);
    // The root is always the earlier node, so a component is named after its first clause.
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const members = new Map<number, string[]>();
  nodes.forEach((node, at) => {
    const root = find(at);
    const list = members.get(root);
    if (list) list.push(node.node);
    else members.set(root, [node.node]);
  });
  const taken = new Set<string>();
  const lineages: Lineage[] = [];
  for (const [root, list] of [...members].sort((a, b) => a[0] - b[0])) {
    const first = nodes[root]!;
    lineages.push({ id: uniqueId(lineageBase(first), first.statementId, taken), nodes: list });
  }
  return lineages;
}

/**
 * Other names of each lineage: `<base>-<statement>` for every clause in it, then `<base>`
 * (the id that clause gets when a lineage starts there and its base is taken).
 * When corrections or a better aligner regroup the graph, a published
 * `/clauses/<id>/` that named a clause keeps leading to the lineage that now
 * holds that clause. Real lineage ids win over aliases.
 */
export function lineageAliases(graph: ClauseGraph): Array<{ alias: string; lineage: string }> {
  const taken = new Set(graph.lineages.map((lineage) => lineage.id));
  const byNode = new Map(graph.nodes.map((node) => [node.node, node]));
  const aliases: Array<{ alias: string; lineage: string }> = [];
  const add = (alias: string, lineage: string): void => {
    if (taken.has(alias)) return;
    taken.add(alias);
    aliases.push({ alias, lineage });
  };
  for (const lineage of graph.lineages) {
    for (const id of lineage.nodes) {
      const node = byNode.get(id);
      if (node) add(`${lineageBase(node)}-${node.statementId}`, lineage.id);
    }
  }
  // A clause's own base (`bloc-confrontation`) was its history's address while the clause stood
  // alone; once the aligner joins it to an older lineage, that address leads there. Added after
  // every `<base>-<statement>`, and the earliest lineage wins where two clauses share a base.
  for (const lineage of graph.lineages) {
    for (const id of lineage.nodes) {
      const node = byNode.get(id);
      if (node) add(lineageBase(node), lineage.id);
    }
  }
  return aliases;
}

// `relations-nature.1` → `relations-nature`; `relations-nature.2` → `relations-nature-2`.
function lineageBase(clause: Clause): string {
  const [key, number] = clause.id.split('.');
  const base = number && number !== '1' ? `${key}-${number}` : (key ?? clause.id);
  return base.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

function uniqueId(base: string, statementId: string, taken: Set<string>): string {
  let id = base;
  if (taken.has(id)) id = `${base}-${statementId}`;
  for (let n = 2; taken.has(id); n++) id = `${base}-${statementId}-${n}`;
  taken.add(id);
  return id;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
