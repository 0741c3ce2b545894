/**
 * Layout of the clause graph as an alluvial picture: statements as columns in
 * date order, every clause a small node, every alignment a flow to the next
 * column, and stubs where a provision ends (dropped) or begins (added).
 * Nodes sit in topic bands aligned across columns, so a kept provision runs
 * straight and a change of place shows as a slanted flow. Pure geometry.
 *
 * Phases, as in d3-sankey: columnsOf → nodesOf → orderNodes → bandsOf →
 * placeNodes → flowsOf → stubsOf → summarise.
 */
import { linkHorizontal, scalePoint } from 'd3';
import type { AlignKind, ClauseGraph, GraphEdge, GraphNode } from '../lib/model/types.ts';
import { wrap } from './matrix.ts';

/** A band label wraps at this many characters by default (about 140 px at 11.5 px), one line every BAND_LINE_HEIGHT px. */
export const BAND_LABEL_CHARS = 22;
export const BAND_LINE_HEIGHT = 13;
/** Widths of an average character, in px, for the sizes the graph uses (band labels 11.5 px; column headings 13 px bold; counts 12 px), with a margin. */
export const BAND_CHAR_PX = 6.6;
export const HEADING_CHAR_PX = 8.2;
export const SUB_CHAR_PX = 7;
/** One line of a column heading every HEADING_LINE_HEIGHT px. */
export const HEADING_LINE_HEIGHT = 15;

/** Layout settings. */
export type FlowOptions = {
  /** Statement ids to draw as columns, in order (default: all of the graph's). */
  columns?: string[];
  /** Topic ids in band order, with labels; clauses of other topics go to a last band, "Other". */
  topics: Array<{ id: string; label: string }>;
  /** Height in px of one clause (default 6). */
  unit?: number;
  /** Width in px of a node bar (default 10). */
  nodeWidth?: number;
  /** Horizontal distance between columns in px (default 170). */
  columnGap?: number;
  /** Room for band labels on the left in px (default 150). */
  labelWidth?: number;
  /** Vertical gap between topic bands in px (default 8). */
  bandGap?: number;
  /** Room above the first band for column headings in px (default 44, or what the headings need). */
  top?: number;
  /** Column headings by statement id: a title, a short form (its year) for tight columns, and a line under it. */
  headings?: Record<string, { title: string; short: string; sub: string; subShort: string }>;
  /** Above this many flows, flows between the same two bands of neighbouring columns and of one kind are drawn as one bundle (default: never). */
  bundleAbove?: number;
};

/** A placed clause. */
export type FlowNode = { node: string; statementId: string; clauseId: string; paragraphKey: string; text: string; topic: string; column: number; x: number; y: number; width: number; height: number };
/** A placed alignment: a centre line drawn with a stroke of `width`. */
export type Flow = { from: string; to: string; kind: AlignKind; score: number; path: string; width: number; y0: number; y1: number };
/** A provision that ends after a column (`ended`) or begins in one (`begun`). */
export type Stub = { node: string; kind: 'ended' | 'begun'; path: string; width: number };
/** A topic band, the same height in every column. */
export type FlowBand = { topic: string; label: string; /** The label wrapped; the band is tall enough for every line. */ lines: string[]; y: number; height: number };
/** A column heading: its lines, fitted to the room between columns, and the line under them. */
export type FlowColumn = { id: string; index: number; x: number; lines: string[]; sub: string };
/** Flows of one kind between two bands of neighbouring columns, drawn as one. */
export type FlowBundle = { pair: number; older: string; newer: string; kind: AlignKind; fromBand: string; toBand: string; count: number; path: string; width: number; y0: number };
/** What happens between two neighbouring columns. */
export type FlowPair = { older: string; newer: string; kinds: Partial<Record<AlignKind, number>>; ended: number; begun: number; olderClauses: number; newerClauses: number };

/** The computed picture. */
export type FlowLayout = {
  width: number;
  height: number;
  unit: number;
  columns: FlowColumn[];
  bands: FlowBand[];
  nodes: FlowNode[];
  flows: Flow[];
  stubs: Stub[];
  pairs: FlowPair[];
  /** When dense (see bundleAbove): the flows as bundles, drawn instead of one line per flow. */
  bundles?: FlowBundle[];
};

/**
 * Lay out a clause graph. Only edges between neighbouring columns are drawn.
 *
 * @param graph the clause graph of one series.
 * @param options columns, topic bands and sizes.
 */
export function flowLayout(graph: ClauseGraph, options: FlowOptions): FlowLayout {
  const unit = options.unit ?? 6;
  const nodeWidth = options.nodeWidth ?? 10;
  const columnGap = options.columnGap ?? 170;
  const labelWidth = options.labelWidth ?? 150;
  const bandGap = options.bandGap ?? 8;
  const bandChars = options.labelWidth === undefined ? BAND_LABEL_CHARS : Math.max(8, Math.floor((labelWidth - 10) / BAND_CHAR_PX));
  const headingOf = headingFitter(options.headings, columnGap);

  const columns = columnsOf(graph, options.columns);
  const headed = columns.map((id) => headingOf(id));
  const top = options.top ?? Math.max(44, 10 + (Math.max(1, ...headed.map((h) => h.lines.length)) + 1) * HEADING_LINE_HEIGHT);
  const columnOf = new Map(columns.map((id, index) => [id, index]));
  const edges = graph.edges.filter((edge) => {
    const from = columnOf.get(statementOf(edge.from));
    const to = columnOf.get(statementOf(edge.to));
    return from !== undefined && to === from + 1;
  });
  const topicOrder = [...options.topics.map((topic) => topic.id), 'other'];
  const nodes = nodesOf(graph, columnOf, topicOrder);
  const outgoing = groupBy(edges, (edge) => edge.from);
  const incoming = groupBy(edges, (edge) => edge.to);
  const slots = (node: string) => Math.max(1, outgoing.get(node)?.length ?? 0, incoming.get(node)?.length ?? 0);

  const ordered = orderNodes(nodes, columns.length, incoming, topicOrder);
  const bands = bandsOf(ordered, topicOrder, options.topics, slots, unit, bandGap, top, bandChars);
  const x = scalePoint<number>()
    .domain(columns.map((_, index) => index))
    .range([labelWidth, labelWidth + columnGap * Math.max(0, columns.length - 1)]);
  const placed = placeNodes(ordered, bands, slots, unit, nodeWidth, (column) => x(column) ?? labelWidth);
  const byId = new Map(placed.map((node) => [node.node, node]));
  const flows = flowsOf(edges, byId, outgoing, incoming, unit);
  const stubs = stubsOf(placed, outgoing, incoming, columns.length, unit, columnGap);
  const pairs = summarise(columns, placed, edges, outgoing, incoming);
  const last = bands[bands.length - 1];
  // Room right of the last column for its centred heading.
  const lastHeading = headed[headed.length - 1];
  const right = Math.max(40, Math.ceil(Math.max(...(lastHeading ? [...lastHeading.lines.map((line) => line.length * HEADING_CHAR_PX), lastHeading.sub.length * SUB_CHAR_PX] : [0])) / 2) + 6);
  const layout: FlowLayout = {
    width: Math.ceil(labelWidth + columnGap * Math.max(0, columns.length - 1) + nodeWidth / 2 + right),
    height: Math.ceil((last ? last.y + last.height : top) + 12),
    unit,
    columns: columns.map((id, index) => ({ id, index, x: (x(index) ?? labelWidth) + nodeWidth / 2, lines: headed[index]!.lines, sub: headed[index]!.sub })),
    bands,
    nodes: placed,
    flows,
    stubs,
    pairs
  };
  if (flows.length > (options.bundleAbove ?? Number.POSITIVE_INFINITY)) layout.bundles = bundlesOf(layout, columns);
  return layout;
}

/** The statement id of a node id `<statementId>/<clauseId>`. */
export function statementOf(node: string): string {
  return node.slice(0, node.indexOf('/'));
}

function columnsOf(graph: ClauseGraph, wanted: string[] | undefined): string[] {
  if (!wanted) return graph.statements;
  for (const id of wanted) {
    if (!graph.statements.includes(id)) throw new Error(`flowLayout(): column \`${id}\` is not a statement of the graph (${graph.statements.join(', ')}): pass ids from graph.statements.`);
  }
  return wanted;
}

type Draft = { source: GraphNode; column: number; topic: string; order: number };

// A provision keeps one band through the years: the topic its lineage names most often.
function nodesOf(graph: ClauseGraph, columnOf: Map<string, number>, topicOrder: string[]): Draft[] {
  const lineageTopic = new Map<string, string>();
  const nodeById = new Map(graph.nodes.map((node) => [node.node, node]));
  const primary = (node: GraphNode | undefined) => node?.topics.find((topic) => topicOrder.includes(topic)) ?? 'other';
  for (const lineage of graph.lineages) {
    const tally = new Map<string, number>();
    for (const id of lineage.nodes) {
      const topic = primary(nodeById.get(id));
      tally.set(topic, (tally.get(topic) ?? 0) + 1);
    }
    let best = 'other';
    for (const [topic, count] of tally) if (best === 'other' || count > (tally.get(best) ?? 0)) best = topic;
    for (const id of lineage.nodes) lineageTopic.set(id, best);
  }
  const drafts: Draft[] = [];
  graph.nodes.forEach((node, order) => {
    const column = columnOf.get(node.statementId);
    if (column === undefined) return;
    drafts.push({ source: node, column, topic: lineageTopic.get(node.node) ?? primary(node), order });
  });
  return drafts;
}

// Within a column and band: clauses that continue a provision follow their predecessor's order; new ones come after, in reading order.
function orderNodes(drafts: Draft[], columnCount: number, incoming: Map<string, GraphEdge[]>, topicOrder: string[]): Draft[][] {
  const rank = new Map<string, number>();
  const result: Draft[][] = [];
  for (let column = 0; column < columnCount; column++) {
    const key = (draft: Draft) => {
      const ranks = (incoming.get(draft.source.node) ?? []).map((edge) => rank.get(edge.from)).filter((value): value is number => value !== undefined);
      return ranks.length > 0 ? Math.min(...ranks) : Number.POSITIVE_INFINITY;
    };
    const inColumn = drafts
      .filter((draft) => draft.column === column)
      .map((draft) => ({ draft, key: key(draft) }))
      .sort((a, b) => topicOrder.indexOf(a.draft.topic) - topicOrder.indexOf(b.draft.topic) || a.key - b.key || a.draft.order - b.draft.order)
      .map((entry) => entry.draft);
    inColumn.forEach((draft, index) => rank.set(draft.source.node, index));
    result.push(inColumn);
  }
  return result;
}

function bandsOf(columns: Draft[][], topicOrder: string[], topics: FlowOptions['topics'], slots: (node: string) => number, unit: number, bandGap: number, top: number, chars: number): FlowBand[] {
  const labelOf = new Map(topics.map((topic) => [topic.id, topic.label]));
  const bands: FlowBand[] = [];
  let y = top;
  for (const topic of topicOrder) {
    const tallest = Math.max(0, ...columns.map((column) => column.filter((draft) => draft.topic === topic).reduce((sum, draft) => sum + slots(draft.source.node), 0)));
    if (tallest === 0) continue;
    // Room for the whole label, however few clauses the band holds: a label is never cut.
    const label = labelOf.get(topic) ?? 'Other';
    const lines = wrap(label, chars);
    const height = Math.max(tallest * unit, lines.length * BAND_LINE_HEIGHT + 1);
    bands.push({ topic, label, lines, y, height });
    y += height + bandGap;
  }
  return bands;
}

function placeNodes(columns: Draft[][], bands: FlowBand[], slots: (node: string) => number, unit: number, nodeWidth: number, xOf: (column: number) => number): FlowNode[] {
  const bandOf = new Map(bands.map((band) => [band.topic, band]));
  const nodes: FlowNode[] = [];
  columns.forEach((column, index) => {
    const next = new Map<string, number>();
    for (const draft of column) {
      const band = bandOf.get(draft.topic)!;
      const y = next.get(draft.topic) ?? band.y;
      const height = slots(draft.source.node) * unit;
      next.set(draft.topic, y + height);
      const { node, statementId, id, paragraphKey, text } = draft.source;
      // One pixel of air between stacked clauses.
      nodes.push({ node, statementId, clauseId: id, paragraphKey, text, topic: draft.topic, column: index, x: xOf(index), y, width: nodeWidth, height: Math.max(1, height - 1) });
    }
  });
  return nodes;
}

// Each flow takes one unit-high slot on its source (slots ordered by target height) and on its target (ordered by source height).
function flowsOf(edges: GraphEdge[], byId: Map<string, FlowNode>, outgoing: Map<string, GraphEdge[]>, incoming: Map<string, GraphEdge[]>, unit: number): Flow[] {
  const slotOf = (list: GraphEdge[] | undefined, edge: GraphEdge, other: (edge: GraphEdge) => FlowNode) => {
    const sorted = [...(list ?? [])].sort((a, b) => other(a).y - other(b).y);
    return Math.max(0, sorted.indexOf(edge));
  };
  const link = linkHorizontal<[[number, number], [number, number]], [number, number]>()
    .source((d) => d[0])
    .target((d) => d[1]);
  return edges.map((edge) => {
    const from = byId.get(edge.from)!;
    const to = byId.get(edge.to)!;
    const y0 = from.y + (slotOf(outgoing.get(edge.from), edge, (e) => byId.get(e.to)!) + 0.5) * unit;
    const y1 = to.y + (slotOf(incoming.get(edge.to), edge, (e) => byId.get(e.from)!) + 0.5) * unit;
    return { from: edge.from, to: edge.to, kind: edge.kind, score: edge.score, path: link([[from.x + from.width, y0], [to.x, y1]]) ?? '', width: Math.max(1, unit - 1), y0, y1 };
  });
}

function stubsOf(nodes: FlowNode[], outgoing: Map<string, GraphEdge[]>, incoming: Map<string, GraphEdge[]>, columnCount: number, unit: number, columnGap: number): Stub[] {
  const length = Math.min(48, columnGap * 0.28);
  const stubs: Stub[] = [];
  for (const node of nodes) {
    const y = node.y + unit / 2;
    if (node.column < columnCount - 1 && !outgoing.has(node.node)) {
      // A dropped provision ends in a bar across the line.
      stubs.push({ node: node.node, kind: 'ended', path: `M${node.x + node.width},${y}h${length}m0,${-unit}v${2 * unit}`, width: Math.max(1, unit - 1) });
    }
    if (node.column > 0 && !incoming.has(node.node)) {
      stubs.push({ node: node.node, kind: 'begun', path: `M${node.x - length},${y}h${length}`, width: Math.max(1, unit - 1) });
    }
  }
  return stubs;
}

function summarise(columns: string[], nodes: FlowNode[], edges: GraphEdge[], outgoing: Map<string, GraphEdge[]>, incoming: Map<string, GraphEdge[]>): FlowPair[] {
  const pairs: FlowPair[] = [];
  for (let index = 0; index + 1 < columns.length; index++) {
    const older = columns[index]!;
    const newer = columns[index + 1]!;
    // Counted as the compare page counts rows: a split (one clause into several lines) or a merge once.
    const rows = new Map<AlignKind, Set<string>>();
    for (const edge of edges) {
      if (statementOf(edge.from) !== older) continue;
      const row = edge.kind === 'split' ? edge.from : edge.kind === 'merged' ? edge.to : `${edge.from}\u0000${edge.to}`;
      const set = rows.get(edge.kind) ?? new Set<string>();
      set.add(row);
      rows.set(edge.kind, set);
    }
    const kinds: Partial<Record<AlignKind, number>> = Object.fromEntries([...rows].map(([kind, set]) => [kind, set.size]));
    const olderNodes = nodes.filter((node) => node.statementId === older);
    const newerNodes = nodes.filter((node) => node.statementId === newer);
    pairs.push({
      older,
      newer,
      kinds,
      ended: olderNodes.filter((node) => !outgoing.has(node.node)).length,
      begun: newerNodes.filter((node) => !incoming.has(node.node)).length,
      olderClauses: olderNodes.length,
      newerClauses: newerNodes.length
    });
  }
  return pairs;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * How a column's heading fits the room between columns (the column gap, less a
 * little air): its title wrapped, or when a word of it would not fit or it
 * would take more than three lines, its short form (the year); the line under
 * it likewise. Widths are estimated from average character widths.
 */
function headingFitter(headings: FlowOptions['headings'], columnGap: number): (id: string) => { lines: string[]; sub: string } {
  const room = columnGap - 10;
  const chars = Math.max(1, Math.floor(room / HEADING_CHAR_PX));
  return (id) => {
    const heading = headings?.[id];
    if (!heading) return { lines: [id], sub: '' };
    const lines = wrap(heading.title, chars);
    const fits = lines.length <= 3 && lines.every((line) => line.length <= chars);
    return {
      lines: fits ? lines : [heading.short],
      sub: heading.sub.length * SUB_CHAR_PX <= room ? heading.sub : heading.subShort
    };
  };
}

/** Flows grouped by pair of columns, source band, target band and kind: one thick line each, from the middle of its sources to the middle of its targets. */
function bundlesOf(layout: FlowLayout, columns: string[]): FlowBundle[] {
  const byId = new Map(layout.nodes.map((node) => [node.node, node]));
  const groups = groupBy(layout.flows, (flow) => [byId.get(flow.from)!.column, byId.get(flow.from)!.topic, byId.get(flow.to)!.topic, flow.kind].join('\u0000'));
  const link = linkHorizontal<[[number, number], [number, number]], [number, number]>()
    .source((d) => d[0])
    .target((d) => d[1]);
  const bundles: FlowBundle[] = [];
  for (const flows of groups.values()) {
    const first = flows[0]!;
    const from = byId.get(first.from)!;
    const to = byId.get(first.to)!;
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const y0 = mean(flows.map((flow) => flow.y0));
    const y1 = mean(flows.map((flow) => flow.y1));
    bundles.push({
      pair: from.column,
      older: columns[from.column]!,
      newer: columns[to.column]!,
      kind: first.kind,
      fromBand: from.topic,
      toBand: to.topic,
      count: flows.length,
      // Thicker the more flows it holds (60% of their sum, at most 24 px), so that bundles of a band stay apart.
      width: Math.max(1.5, Math.min(flows.reduce((sum, flow) => sum + flow.width, 0) * 0.6, 24)),
      path: link([[from.x + from.width, y0], [to.x, y1]]) ?? '',
      y0
    });
  }
  return bundles.sort((a, b) => a.pair - b.pair || a.y0 - b.y0);
}
