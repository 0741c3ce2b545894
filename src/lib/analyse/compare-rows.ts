/**
 * The rows of a compare page, from two statements: align them, apply the
 * editors' corrections, weigh each pair's evidence, diff the words, and lay the
 * rows out by section of the newer statement (with a row for the place each
 * moved clause left). Pure: the build (src/data/analysis.ts) and the browser
 * (src/client/compare-any.ts, for pairs without a prebuilt page and for a
 * reader's own text) run this same code, so both show the same rows.
 */
import type { AlignKind, AlignedPair, Clause, DiffPart, Formula, RegistrySource, Statement } from '../model/types.ts';
import { align } from '../align/align.ts';
import { displayOrder } from '../align/display-order.ts';
import { applyCorrections, type Correction } from '../content/corrections.ts';
import { wordDiff } from './diff.ts';
import { nodeId } from './graph.ts';
import { clausesOf, sectionsByClause } from '../model/statement.ts';
import { anchorPage } from './report.ts';
import { claimedChanges, classifyPairs, marksWithin, type EvidenceClass, type RowEvidence } from './evidence.ts';
import { headingRows, removed, withRows, type HeadingRow } from './compare-headings.ts';
import { paragraphGroupRows, placeRows, wholeSectionRows } from './compare-groups.ts';
import type { ParagraphGroup } from '../align/paragraph-groups.ts';

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
  /** For a heading row (full texts): what changed about the heading (compare-headings.ts). */
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

/** What aligning a pair needs besides the two statements. */
export type AlignContext = {
  /** The tracked formulas (content/formulas.yaml): the aligner reads each as one token. */
  formulas: readonly Formula[];
  /** The editors' corrections (alignments.yaml); those of other pairs are ignored. */
  corrections: readonly Correction[];
};

/** What comparing a pair needs besides the two statements. */
export type CompareContext = AlignContext & {
  /** The source registry by id. */
  registry: ReadonlyMap<string, RegistrySource>;
  /** Other statements of the series signed the same day as the newer one. */
  companions: readonly Statement[];
  /** The lineage id of a clause node (`<statementId>/<clauseId>`), when the series graph has one. */
  lineageOf: (node: string) => string | undefined;
};

/** The aligner's pairs of two statements, and the pairs the site shows (the editors' corrections applied). */
export function alignPair(older: Statement, newer: Statement, context: AlignContext): { alignerPairs: AlignedPair[]; pairs: AlignedPair[] } {
  const alignerPairs = align(clausesOf(older), clausesOf(newer), { formulas: [...context.formulas], lang: newer.lang });
  return { alignerPairs, pairs: applyCorrections(alignerPairs, [...context.corrections], older, newer, { formulas: [...context.formulas] }) };
}

/**
 * Everything a compare page's rows show for `older` → `newer`.
 *
 * @param older the older statement (tagged).
 * @param newer the newer statement (tagged).
 * @param context formulas, corrections, registry, same-day statements and lineages.
 */
export function comparePair(older: Statement, newer: Statement, context: CompareContext): { alignerPairs: AlignedPair[]; pairs: AlignedPair[]; evidence: RowEvidence[]; sections: CompareSection[]; droppedSections: DroppedSection[] } {
  const { alignerPairs, pairs } = alignPair(older, newer, context);
  const evidence = classifyPairs(pairs, { older, newer, registry: context.registry, companions: context.companions });
  return { alignerPairs, pairs, evidence, ...compareRows(older, newer, pairs, evidence, context.lineageOf) };
}

/**
 * The rows of a compare page by newer section, with a row for the place each moved clause left.
 *
 * @param pairs the pairs the site shows.
 * @param evidence their evidence, in the same order.
 * @param lineageOf the lineage id of a clause node.
 */
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
  for (const row of placed) {
    const key = row.to[0] && newerSection.get(row.to[0].id)?.key;
    if (key !== undefined) current = sectionAt.get(key) ?? current;
    const section = sections[current];
    if (!section) continue;
    section.rows.push(row);
  }
  // A section all new (or all gone) is one row with its heading (full texts only).
  wholeSectionRows(older, newer, sections, sidesOf);
  for (const section of sections) for (const row of section.rows) countRow(section, row);

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
