/**
 * The compare page's view model: the rows of a pair of statements by section of
 * the newer one, each with its diff parts (marks only where they are evidence),
 * the place each documented move left, and the older sections left out entirely.
 * Built from one pair's aligned pairs and evidence (src/data/analysis.ts computes those).
 */
import type { AlignKind, AlignedPair, Clause, DiffPart, Statement } from '../lib/model/types.ts';
import { displayOrder } from '../lib/align/display-order.ts';
import { wordDiff } from '../lib/analyse/diff.ts';
import { clausesOf, nodeId } from '../lib/analyse/graph.ts';
import { sectionsByClause } from '../lib/model/statement.ts';
import { anchorPage } from '../lib/analyse/report.ts';
import { claimedChanges, marksWithin, type EvidenceClass, type RowEvidence } from '../lib/analyse/evidence.ts';

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
};

/** A section of a compare page: a section of the newer statement, with its rows. */
export type CompareSection = {
  key: string;
  /** Element id of the heading. */
  id: string;
  number: string | undefined;
  heading: string;
  rows: CompareRow[];
  /** Rows that claim a change (changed, dropped, added, moved to, or a documented move), of all rows (the place a moved clause left is not counted). */
  changed: number;
  total: number;
};

/** A section of the older statement of which no clause is in the newer one. */
export type DroppedSection = { key: string; number: string | undefined; heading: string; clauses: number; firstRow: string };

// The rows of a compare page by newer section, with a row for the place each moved clause left.
export function compareRows(older: Statement, newer: Statement, pairs: readonly AlignedPair[], evidence: readonly RowEvidence[], lineageOf: (node: string) => string | undefined): { sections: CompareSection[]; droppedSections: DroppedSection[] } {
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

  const sections: CompareSection[] = newer.sections.map((section) => ({
    key: section.key,
    id: anchors.sections[section.key]!,
    number: section.number,
    heading: section.heading,
    rows: [],
    changed: 0,
    total: 0
  }));
  const sectionAt = new Map(sections.map((section, at) => [section.key, at]));
  let current = 0;
  for (const row of ordered) {
    const key = row.to[0] && newerSection.get(row.to[0].id)?.key;
    if (key !== undefined) current = sectionAt.get(key) ?? current;
    const section = sections[current];
    if (!section) continue;
    section.rows.push(row);
    if (row.kind === 'moved-away') continue;
    section.total++;
    if (isClaimedChange(row)) section.changed++;
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
  return { sections: sections.filter((section) => section.rows.length > 0), droppedSections };
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

