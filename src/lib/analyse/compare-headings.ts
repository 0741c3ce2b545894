/**
 * Heading rows of a compare page: the heading pass of the aligner (align/headings.ts) as rows.
 *
 * Only between two full texts: a digest's headings are the editors' grouping, not evidence of
 * anything the statements say, so a digest compare page shows none (and its evidence classes
 * claim nothing about headings).
 *
 * - A renamed heading (or one that changed level) is a row at the top of its newer section.
 * - Text that became a heading is that row too, and the "dropped" row of the older line goes
 *   (its anchors lead to the heading row).
 * - A heading that became text replaces the "added" row of the newer line, where it stands.
 * - A new heading is a row at the top of its section; a heading no longer there is a row before
 *   the row of its section's first clause.
 */
import type { AlignKind, AlignedPair, Clause, DiffPart, Section, Statement } from '../model/types.ts';
import { evidenceClasses, type EvidenceClass, type RowEvidence } from './evidence.ts';
import { alignHeadings, type HeadingInput, type HeadingPair } from '../align/headings.ts';
import { clausesOf } from '../model/statement.ts';

/** What changed about a heading, for the row's label. */
export type HeadingChange = 'reworded' | 'level' | 'moved' | 'became-heading' | 'became-text' | 'added' | 'dropped';

/** A compare row that shows a heading (the fields a compare row has, and what changed). */
export type HeadingRow = {
  kind: EvidenceClass;
  shape: AlignKind;
  evidence: RowEvidence;
  id: string;
  anchors: string[];
  from: Clause[];
  to: Clause[];
  older: DiffPart[];
  newer: DiffPart[];
  score: number;
  edited: boolean;
  topics: string[];
  formulas: string[];
  lineage: string | undefined;
  heading: { change: HeadingChange; note: string };
};

/** Where the heading rows go among a compare page's rows. */
export type HeadingRows = {
  /** The row at the top of each newer section (by section key). */
  head: Map<string, HeadingRow>;
  /** Rows of pairs (by index into the pairs) that a heading row replaces. */
  replace: Map<number, HeadingRow>;
  /** Rows to show before the row of a pair (by index into the pairs). */
  before: Map<number, HeadingRow[]>;
  /** Rows with no pair to stand by (shown at the end). */
  end: HeadingRow[];
};

/** The marker `replace` holds for a pair whose row goes (its heading row stands at a section's head). */
export const removed: HeadingRow = Object.freeze({}) as HeadingRow;

/** Labels of each change, in plain words. */
export const headingNotes: Record<HeadingChange, string> = {
  reworded: 'Heading reworded',
  level: 'Heading at another level',
  moved: 'Heading moved',
  'became-heading': 'Text that became a heading',
  'became-text': 'A heading that became text',
  added: 'New heading',
  dropped: 'Heading no longer there',
};

/**
 * The heading rows of a comparison.
 *
 * @param pairs the clause pairs the page shows.
 * @param rowIds each pair's row id and anchors (report.ts, anchorPage).
 * @param sides the two sides of a row as the page diffs them.
 */
export function headingRows(
  older: Statement,
  newer: Statement,
  pairs: readonly AlignedPair[],
  rowIds: ReadonlyArray<{ id: string; anchors: string[] }>,
  sides: (kind: AlignKind, from: Clause[], to: Clause[]) => { older: DiffPart[]; newer: DiffPart[] }
): HeadingRows {
  const result: HeadingRows = { head: new Map(), replace: new Map(), before: new Map(), end: [] };
  if (older.edition !== 'full' || newer.edition !== 'full') return result;
  const olderClauses = new Map(clausesOf(older).map((clause) => [clause.id, clause]));
  const newerClauses = new Map(clausesOf(newer).map((clause) => [clause.id, clause]));
  const pairOfOlder = new Map<string, number>();
  const pairOfNewer = new Map<string, number>();
  pairs.forEach((pair, at) => {
    pair.from.forEach((id) => pairOfOlder.set(id, at));
    pair.to.forEach((id) => pairOfNewer.set(id, at));
  });
  // Only headings written in the text: the preamble's "Preamble" is the site's word, not the document's.
  const written = (statement: Statement) => statement.sections.filter((section) => section.headingText !== undefined);
  const headingPairs = alignHeadings({
    older: { headings: written(older).map(headingInput), lines: pairs.filter((pair) => pair.kind === 'dropped').map((pair) => ({ id: pair.from[0]!, text: olderClauses.get(pair.from[0]!)!.text })) },
    newer: { headings: written(newer).map(headingInput), lines: pairs.filter((pair) => pair.kind === 'added').map((pair) => ({ id: pair.to[0]!, text: newerClauses.get(pair.to[0]!)!.text })) },
    clausePairs: pairs.filter((pair) => pair.from.length > 0 && pair.to.length > 0),
    ...(newer.lang ? { lang: newer.lang } : {}),
  });
  const olderSection = new Map(older.sections.map((section) => [section.key, section]));
  const newerSection = new Map(newer.sections.map((section) => [section.key, section]));
  for (const pair of headingPairs) {
    if (pair.kind === 'same') continue;
    const from = pair.older ? [pair.older.role === 'heading' ? headingClause(older, olderSection.get(pair.older.id)!) : olderClauses.get(pair.older.id)!] : [];
    const to = pair.newer ? [pair.newer.role === 'heading' ? headingClause(newer, newerSection.get(pair.newer.id)!) : newerClauses.get(pair.newer.id)!] : [];
    const change = changeOf(pair);
    const shape: AlignKind = pair.kind;
    const evidenceClass: EvidenceClass = pair.kind === 'added' ? 'added' : pair.kind === 'dropped' ? 'dropped' : 'changed';
    const diff = sides(shape, from, to);
    const row: HeadingRow = {
      kind: evidenceClass,
      shape,
      evidence: { class: evidenceClass, basis: 'full-text', marks: 'all', moved: false },
      id: `heading-${pair.newer?.role === 'heading' ? pair.newer.id : `older-${pair.older!.id}`}`,
      anchors: [],
      from,
      to,
      older: diff.older,
      newer: diff.newer,
      score: pair.score,
      edited: false,
      topics: [],
      formulas: [],
      lineage: undefined,
      heading: { change, note: levelNote(change, pair, olderSection, newerSection) },
    };
    if (pair.newer?.role === 'heading') {
      // The row at the head of its section; an older line it absorbs gives up its row and anchors.
      if (pair.older?.role === 'text') {
        const at = pairOfOlder.get(pair.older.id)!;
        row.anchors = [rowIds[at]!.id, ...rowIds[at]!.anchors];
        result.replace.set(at, removed);
      }
      result.head.set(pair.newer.id, row);
    } else if (pair.newer?.role === 'text') {
      const at = pairOfNewer.get(pair.newer.id)!;
      row.id = rowIds[at]!.id;
      row.anchors = rowIds[at]!.anchors;
      result.replace.set(at, row);
    } else {
      // A heading no longer there: before the row of its section's first clause that has one.
      const section = olderSection.get(pair.older!.id)!;
      const at = section.paragraphs.flatMap((paragraph) => paragraph.clauses).map((clause) => pairOfOlder.get(clause.id)).find((index) => index !== undefined);
      if (at === undefined) result.end.push(row);
      else result.before.set(at, [...(result.before.get(at) ?? []), row]);
    }
  }
  return result;
}

/**
 * A section heading as a clause (role `heading`): its id is the section key, which is also its
 * anchor on the reading page.
 */
export function headingClause(statement: Statement, section: Section): Clause {
  const text = section.headingText ?? section.heading;
  return {
    id: section.key,
    statementId: statement.id,
    sectionKey: section.key,
    paragraphKey: section.key,
    index: 0,
    text,
    html: escapeHtml(text),
    footnotes: [],
    topics: [],
    formulas: [],
    quotes: [],
    position: section.position,
    role: 'heading',
  };
}

function headingInput(section: Section): HeadingInput {
  return {
    key: section.key,
    text: section.headingText ?? section.heading,
    level: section.level ?? 2,
    clauses: section.paragraphs.flatMap((paragraph) => paragraph.clauses.map((clause) => clause.id)),
  };
}

function changeOf(pair: HeadingPair): HeadingChange {
  if (pair.kind === 'added' || pair.kind === 'dropped') return pair.kind;
  if (pair.older?.role === 'text') return 'became-heading';
  if (pair.newer?.role === 'text') return 'became-text';
  if (pair.kind === 'reworded') return 'reworded';
  return pair.why === 'order' ? 'moved' : 'level';
}

function levelNote(change: HeadingChange, pair: HeadingPair, olderSections: Map<string, Section>, newerSections: Map<string, Section>): string {
  if (change !== 'level' && change !== 'reworded') return headingNotes[change];
  const was = olderSections.get(pair.older!.id)?.level ?? 2;
  const now = newerSections.get(pair.newer!.id)?.level ?? 2;
  if (was === now) return headingNotes[change];
  const where = now > was ? 'now a sub-heading' : 'now a higher heading';
  return change === 'level' ? `Heading ${where} (level ${was} → ${now})` : `Heading reworded, ${where} (level ${was} → ${now})`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Rows by evidence class, as a page shows them (the place a moved clause left is not a row of its own).
 *
 * @param rows a compare page's rows.
 */
export function rowCounts(rows: ReadonlyArray<{ kind: EvidenceClass | 'moved-away' }>): Record<EvidenceClass, number> {
  const counts = Object.fromEntries(evidenceClasses.map((kind) => [kind, 0])) as Record<EvidenceClass, number>;
  for (const row of rows) if (row.kind !== 'moved-away') counts[row.kind]++;
  return counts;
}

/**
 * The sections a compare page shows: those with rows, and the parts above them (so that an
 * h3 never follows the page's h1 or another part's h2 without its own h2).
 *
 * @param sections the newer statement's sections in order.
 */
export function withRows<Section extends { key: string; parent?: string; rows: readonly unknown[] }>(sections: readonly Section[]): Section[] {
  const byKey = new Map(sections.map((section) => [section.key, section]));
  const keep = new Set<string>();
  for (const section of sections) {
    if (section.rows.length === 0) continue;
    for (let at: Section | undefined = section; at && !keep.has(at.key); at = at.parent ? byKey.get(at.parent) : undefined) keep.add(at.key);
  }
  return sections.filter((section) => keep.has(section.key));
}
