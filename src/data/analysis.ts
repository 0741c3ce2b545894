/**
 * The analysis of the build, computed once and shared by every page and data
 * file: for every series, every ordered pair of its statements aligned and
 * diffed, the clause graph, the pair reports, and the rows of each compare page.
 * Pages only render from it.
 */
import { writeFileSync } from 'node:fs';
import { getCorpus } from './corpus.ts';
import type { Corpus } from './load.ts';
import type { Series } from '../lib/content/series.ts';
import type { AlignKind, AlignedPair, Clause, ClauseGraph, DiffPart, Lineage, PairReport, Statement } from '../lib/model/types.ts';
import { align } from '../lib/align/align.ts';
import { displayOrder } from '../lib/align/display-order.ts';
import { applyCorrections } from '../lib/content/corrections.ts';
import { wordDiff } from '../lib/analyse/diff.ts';
import { buildGraph, byDateThenId, clausesOf, linkedPairs, nodeId } from '../lib/analyse/graph.ts';
import { sectionsByClause } from '../lib/model/statement.ts';
import { anchorPage, reportPair } from '../lib/analyse/report.ts';
import { claimedChanges, classifyPairs, marksWithin, type EvidenceClass, type RowEvidence } from '../lib/analyse/evidence.ts';
import type { SeriesData } from '../lib/export/open-data.ts';
import { headingRows, removed, rowCounts, withRows, type HeadingRow } from '../view/compare-headings.ts';
import { paragraphGroupRows, placeRows } from '../view/compare-groups.ts';
import type { ParagraphGroup } from '../lib/align/paragraph-groups.ts';

/** The kind of a compare row: its evidence class, or the place a moved clause left. */
export type RowKind = EvidenceClass | 'moved-away';

/** One row of a compare page, ready to render. */
export type CompareRow = {
  kind: RowKind;
  /** The aligner's kind of the pair (same, reworded, moved, split, merged, dropped, added). */
  shape: AlignKind;
  /** What the row may claim, and why (evidence.ts). */
  evidence: RowEvidence;
  /** The row's element id, and every other anchor that leads to it. */
  id: string;
  anchors: string[];
  /** Clauses of the older and the newer statement. */
  from: Clause[];
  to: Clause[];
  /** What each side shows: equal and deleted parts on the left, equal and inserted parts on the right; marks only where they are evidence. */
  older: DiffPart[];
  newer: DiffPart[];
  score: number;
  /** True when an editor's correction (alignments.yaml) made or changed this pair. */
  edited: boolean;
  /** Topics and formulas of both sides, sorted. */
  topics: string[];
  formulas: string[];
  /** The lineage of the row's clause (newer side first). */
  lineage: string | undefined;
  /** For `moved` and `moved-away`: the id of the other row, and the section there. */
  link?: { id: string; section: string };
  /** For a heading row (full texts): what changed about the heading (view/compare-headings.ts). */
  heading?: HeadingRow['heading'];
  /** For a paragraph split or merge (full texts): the paragraphs on each side. */
  group?: ParagraphGroup;
};

/** A section of a compare page: a section of the newer statement, with its rows. */
export type CompareSection = {
  key: string;
  /** Element id of the heading. */
  id: string;
  number: string | undefined;
  heading: string;
  /** The heading's level (2 for `##`), and the key of the section it belongs to. */
  level: number;
  parent?: string;
  rows: CompareRow[];
  /** Rows that claim a change (changed, dropped, added, moved to, or a documented move), of all rows (the place a moved clause left is not counted). */
  changed: number;
  total: number;
};

/** A section of the older statement of which no clause is in the newer one. */
export type DroppedSection = { key: string; number: string | undefined; heading: string; clauses: number; firstRow: string };

/** Everything a compare page shows. */
export type Comparison = {
  older: Statement;
  newer: Statement;
  /** The pairs the site shows: the aligner's, with the editors' corrections applied. */
  pairs: AlignedPair[];
  /** The aligner's own pairs, before any correction (for the method page's figures). */
  alignerPairs: AlignedPair[];
  report: PairReport;
  /** The evidence of each pair, in the order of `pairs`. */
  evidence: RowEvidence[];
  sections: CompareSection[];
  droppedSections: DroppedSection[];
};

/** The analysis of one series. */
export type SeriesAnalysis = {
  series: Series;
  /** Statements in date order. */
  statements: Statement[];
  graph: ClauseGraph;
  /** Every ordered pair (older before newer in series order). */
  comparisons: Comparison[];
};

/** The analysis of the corpus. */
export type Analysis = {
  corpus: Corpus;
  series: SeriesAnalysis[];
  /** Comparison by `<older>/<newer>`. */
  comparison: (older: string, newer: string) => Comparison | undefined;
  /** Lineage of a node (`<statementId>/<clauseId>`). */
  lineageOf: (node: string) => Lineage | undefined;
  /** Milliseconds the analysis took. */
  milliseconds: number;
};

let cached: Promise<Analysis> | undefined;

/** The analysis of this build's corpus, computed once. */
export function getAnalysis(): Promise<Analysis> {
  cached ??= getCorpus().then((corpus) => {
    const started = performance.now();
    const analysis = analyse(corpus);
    analysis.milliseconds = performance.now() - started;
    const pairs = analysis.series.reduce((sum, series) => sum + series.comparisons.length, 0);
    console.log(`[summit-diff] analysis: ${corpus.statements.length} statements, ${pairs} pairs aligned, diffed and reported in ${analysis.milliseconds.toFixed(0)} ms`);
    // scripts/build.ts asks for the figure so that it can print the analysis share of the whole build.
    if (process.env.SUMMIT_DIFF_TIMING_FILE) writeFileSync(process.env.SUMMIT_DIFF_TIMING_FILE, JSON.stringify({ analysisMs: analysis.milliseconds }));
    return analysis;
  });
  return cached;
}

/**
 * Analyse a loaded corpus (pure apart from timing; exported for tests and scripts).
 *
 * @param corpus the loaded corpus.
 */
export function analyse(corpus: Corpus): Analysis {
  const byKey = new Map<string, Comparison>();
  const lineages = new Map<string, Lineage>();
  const registry = new Map(corpus.registry.map((entry) => [entry.id, entry]));
  const series = corpus.series.map((entry): SeriesAnalysis => {
    const statements = corpus.statements.filter((statement) => statement.series === entry.id).sort(byDateThenId);
    const alignments = new Map<string, AlignedPair[]>();
    const raw = new Map<string, AlignedPair[]>();
    statements.forEach((newer, at) => {
      for (const older of statements.slice(0, at)) {
        const pairs = align(clausesOf(older), clausesOf(newer), { formulas: corpus.formulas, lang: newer.lang });
        raw.set(`${older.id}/${newer.id}`, pairs);
        alignments.set(`${older.id}/${newer.id}`, applyCorrections(pairs, corpus.corrections ?? [], older, newer, { formulas: corpus.formulas }));
      }
    });
    const linked = linkedPairs(statements).map(([older, newer]) => ({ older, newer, pairs: alignments.get(`${older}/${newer}`)! }));
    const graph = buildGraph(statements, linked);
    for (const lineage of graph.lineages) for (const node of lineage.nodes) lineages.set(node, lineage);
    const comparisons: Comparison[] = [];
    statements.forEach((newer, at) => {
      for (const older of statements.slice(0, at)) {
        const pairs = alignments.get(`${older.id}/${newer.id}`)!;
        const companions = statements.filter((other) => other.date === newer.date && other.id !== newer.id && other.id !== older.id);
        const evidence = classifyPairs(pairs, { older, newer, registry, companions });
        const report = reportPair(older, newer, pairs, corpus.formulas, corpus.topics, statements.slice(0, at), companions, evidence);
        const shown = compareRows(older, newer, pairs, evidence, (node) => lineages.get(node)?.id);
        // Between full texts the page's rows (heading rows, paragraph groups) are what the summary counts.
        if (older.edition === 'full' && newer.edition === 'full') report.counts = rowCounts(shown.sections.flatMap((section) => section.rows));
        const comparison = { older, newer, pairs, alignerPairs: raw.get(`${older.id}/${newer.id}`)!, report, evidence, ...shown };
        comparisons.push(comparison);
        byKey.set(`${older.id}/${newer.id}`, comparison);
      }
    });
    return { series: entry, statements, graph, comparisons };
  });
  return {
    corpus,
    series,
    comparison: (older, newer) => byKey.get(`${older}/${newer}`),
    lineageOf: (node) => lineages.get(node),
    milliseconds: 0
  };
}

// The rows of a compare page by newer section, with a row for the place each moved clause left.
function compareRows(older: Statement, newer: Statement, pairs: readonly AlignedPair[], evidence: readonly RowEvidence[], lineageOf: (node: string) => string | undefined): { sections: CompareSection[]; droppedSections: DroppedSection[] } {
  const olderClauses = new Map(clausesOf(older).map((clause) => [clause.id, clause]));
  const newerClauses = new Map(clausesOf(newer).map((clause) => [clause.id, clause]));
  const olderOrder = [...olderClauses.keys()];
  const olderSection = sectionsByClause(older);
  const newerSection = sectionsByClause(newer);
  const anchors = anchorPage(pairs, older, newer);

  const rows: CompareRow[] = pairs.map((pair, at) => {
    const from = pair.from.map((id) => olderClauses.get(id)!);
    const to = pair.to.map((id) => newerClauses.get(id)!);
    const sides = sidesOf(pair.kind, from, to);
    const clause = to[0] ?? from[0]!;
    const rowEvidence = evidence[at]!;
    return {
      kind: rowEvidence.class,
      shape: pair.kind,
      evidence: rowEvidence,
      ...anchors.rows[at]!,
      from,
      to,
      older: marksWithin(sides.older, rowEvidence.marks, 'older'),
      newer: marksWithin(sides.newer, rowEvidence.marks, 'newer'),
      score: pair.score,
      edited: pair.edited === true,
      topics: [...new Set([...from, ...to].flatMap((c) => c.topics))].sort(),
      formulas: [...new Set([...from, ...to].flatMap((c) => c.formulas))].sort(),
      lineage: lineageOf(nodeId(clause.statementId, clause.id))
    };
  });

  // Where a moved clause was: after the row holding the nearest earlier older clause that did not move.
  const rowOfOlder = new Map<string, number>();
  pairs.forEach((pair, at) => pair.from.forEach((id) => rowOfOlder.set(id, at)));
  const ghosts: Array<{ older: number; item: CompareRow }> = [];
  pairs.forEach((pair, at) => {
    // A move between parts is shown only where a source places both parts.
    if (pair.kind !== 'moved' || !evidence[at]!.moved) return;
    const moved = rows[at]!;
    const ghost: CompareRow = {
      kind: 'moved-away',
      shape: pair.kind,
      evidence: moved.evidence,
      id: `moved-${pair.from[0]}`,
      anchors: [],
      from: moved.from,
      to: [],
      older: [{ op: 'equal', text: moved.from.map((c) => c.text).join(' ') }],
      newer: [],
      score: pair.score,
      edited: moved.edited,
      topics: moved.topics,
      formulas: moved.formulas,
      lineage: moved.lineage,
      link: { id: moved.id, section: newerSection.get(moved.to[0]!.id)?.heading ?? '' }
    };
    moved.link = { id: ghost.id, section: olderSection.get(pair.from[0]!)?.heading ?? '' };
    ghosts.push({ older: olderOrder.indexOf(pair.from[0]!), item: ghost });
  });
  const ordered = displayOrder(rows, olderOrder.map((id) => {
    const row = rowOfOlder.get(id);
    return row !== undefined && pairs[row]!.kind !== 'moved' ? row : -1;
  }), ghosts);

  // Headings compared like clauses (full texts only): rows at section heads, and where a heading went.
  // Paragraph splits and merges (full texts only) as one row each.
  const headings = headingRows(older, newer, pairs, anchors.rows, sidesOf);
  const replace = new Map<number, CompareRow>([...headings.replace, ...paragraphGroupRows(older, newer, pairs, rows, sidesOf, removed)]);
  const placed = placeRows<CompareRow>(ordered, rows, { replace, before: headings.before, end: headings.end }, removed);
  const sections: CompareSection[] = newer.sections.map((section) => ({
    key: section.key,
    id: anchors.sections[section.key]!,
    number: section.number,
    heading: section.heading,
    level: section.level ?? 2,
    ...(section.parent ? { parent: section.parent } : {}),
    rows: headings.head.has(section.key) ? [headings.head.get(section.key)!] : [],
    changed: 0,
    total: 0
  }));
  const sectionAt = new Map(sections.map((section, at) => [section.key, at]));
  let current = 0;
  for (const section of sections) if (section.rows[0]) countRow(section, section.rows[0]);
  for (const row of placed) {
    const key = row.to[0] && newerSection.get(row.to[0].id)?.key;
    if (key !== undefined) current = sectionAt.get(key) ?? current;
    const section = sections[current];
    if (!section) continue;
    section.rows.push(row);
    countRow(section, row);
  }

  const aligned = new Set(pairs.filter((pair) => pair.kind !== 'dropped').flatMap((pair) => pair.from));
  const droppedSections = older.sections
    .filter((section) => section.paragraphs.some((p) => p.clauses.length > 0) && section.paragraphs.every((p) => p.clauses.every((c) => !aligned.has(c.id))))
    .map((section) => {
      const first = section.paragraphs.flatMap((p) => p.clauses)[0]!;
      return {
        key: section.key,
        number: section.number,
        heading: section.heading,
        clauses: section.paragraphs.reduce((n, p) => n + p.clauses.length, 0),
        firstRow: rows[rowOfOlder.get(first.id)!]!.id
      };
    });
  return { sections: withRows(sections), droppedSections };
}

function countRow(section: CompareSection, row: CompareRow): void {
  if (row.kind === 'moved-away') return;
  section.total++;
  if (isClaimedChange(row)) section.changed++;
}

/**
 * True when a row claims a change in the statements: its evidence class says so, or a
 * source places it in another part.
 *
 * @param row a compare row.
 */
export function isClaimedChange(row: Pick<CompareRow, 'kind' | 'evidence'>): boolean {
  return row.kind !== 'moved-away' && (claimedChanges.has(row.evidence.class) || row.evidence.moved);
}

function sidesOf(kind: AlignKind, from: Clause[], to: Clause[]): { older: DiffPart[]; newer: DiffPart[] } {
  const olderText = from.map((c) => c.text).join(' ');
  const newerText = to.map((c) => c.text).join(' ');
  if (kind === 'dropped') return { older: [{ op: 'equal', text: olderText }], newer: [] };
  if (kind === 'added') return { older: [], newer: [{ op: 'equal', text: newerText }] };
  const diff = wordDiff(olderText, newerText);
  return {
    older: tidy(diff.parts.filter((part) => part.op !== 'insert')),
    newer: tidy(diff.parts.filter((part) => part.op !== 'delete'))
  };
}

/**
 * Diff parts made easier to read: a lone space between two changes of one kind
 * joins them, and a change's outer spaces are left unmarked.
 *
 * @param parts word-diff parts (one side, or both interleaved).
 */
export function tidy(parts: readonly DiffPart[]): DiffPart[] {
  const joined: DiffPart[] = [];
  for (const part of parts) {
    const last = joined[joined.length - 1];
    const beforeLast = joined[joined.length - 2];
    if (last && last.op === part.op) last.text += part.text;
    else if (part.op !== 'equal' && last?.op === 'equal' && /^\s+$/.test(last.text) && beforeLast?.op === part.op) {
      joined.pop();
      beforeLast.text += last.text + part.text;
    } else joined.push({ ...part });
  }
  const out: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  for (const part of joined) {
    if (part.op === 'equal') {
      push('equal', part.text);
      continue;
    }
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part.text) ?? [];
    push('equal', lead);
    push(part.op, core);
    push('equal', trail);
  }
  return out;
}

/**
 * The series of an analysis as the open data files take them.
 *
 * @param analysis the analysis.
 */
export function seriesData(analysis: Analysis): SeriesData[] {
  return analysis.series.map((series) => ({
    id: series.series.id,
    title: series.series.title,
    graph: series.graph,
    reports: series.comparisons.map((comparison) => comparison.report),
    rows: Object.fromEntries(
      series.comparisons.map((comparison) => [
        `${comparison.older.id}/${comparison.newer.id}`,
        comparison.pairs.map((pair, at) => {
          const evidence = comparison.evidence[at]!;
          return { from: pair.from, to: pair.to, kind: pair.kind, evidence: evidence.class, basis: evidence.basis, moved: evidence.moved, ...(evidence.statement ? { statement: evidence.statement } : {}), ...(evidence.documented ? { source: evidence.documented.source } : {}) };
        })
      ])
    )
  }));
}
