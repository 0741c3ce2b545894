/**
 * Paragraph splits, merges and rewrites on a compare page (align/paragraph-groups.ts) as one row each.
 *
 * The group's row holds every clause of its paragraphs; its text marks the paragraph break
 * that came or went with a pilcrow (¶), inserted or deleted like a word, so the change is
 * visible without colour and read out by screen readers. The rows it stands for give it
 * their anchors, so every link to one of them still lands on it.
 *
 * Only between two full texts: a digest's paragraphs are the editors' provisions with their
 * own keys, and its evidence classes (evidence.ts) claim nothing about them.
 */
import type { AlignKind, AlignedPair, Clause, DiffPart, Statement } from '../model/types.ts';
import type { EvidenceClass, RowEvidence } from './evidence.ts';
import { paragraphGroups, type ParagraphGroup } from '../align/paragraph-groups.ts';
import { clausesOf } from '../model/statement.ts';

/** The fields of a compare row a group reads and writes. */
export type GroupableRow = {
  kind: EvidenceClass | 'moved-away';
  shape: AlignKind;
  evidence: RowEvidence;
  id: string;
  anchors: string[];
  from: Clause[];
  to: Clause[];
  older: DiffPart[];
  newer: DiffPart[];
  score: number;
  topics: string[];
  formulas: string[];
  group?: ParagraphGroup;
};

/** The mark of a paragraph break in a group's text. */
export const paragraphBreak = '¶';

/**
 * The rows of paragraph groups, by the index of the group's first pair; its other pairs map to
 * `gone` (their rows are part of it).
 *
 * @param rows the row of each pair (same order as `pairs`).
 * @param sides the two sides of a row as the page diffs them.
 */
export function paragraphGroupRows<Row extends GroupableRow>(
  older: Statement,
  newer: Statement,
  pairs: readonly AlignedPair[],
  rows: readonly Row[],
  sides: (kind: AlignKind, from: Clause[], to: Clause[]) => { older: DiffPart[]; newer: DiffPart[] },
  gone: Row
): Map<number, Row> {
  const result = new Map<number, Row>();
  if (older.edition !== 'full' || newer.edition !== 'full') return result;
  const olderClauses = clausesOf(older);
  const newerClauses = clausesOf(newer);
  // A group's text is its paragraphs in reading order: its pairs' clauses can cross (a sentence
  // merged with a later one), and joined pair by pair they would put words out of place.
  const readingOrder = (clauses: readonly Clause[]) => new Map(clauses.map((clause, at) => [clause.id, at]));
  const olderAt = readingOrder(olderClauses);
  const newerAt = readingOrder(newerClauses);
  for (const group of paragraphGroups(pairs, olderClauses, newerClauses)) {
    const members = group.pairs.map((at) => rows[at]!);
    const first = members[0]!;
    const from = members.flatMap((row) => row.from).sort((a, b) => olderAt.get(a.id)! - olderAt.get(b.id)!);
    const to = members.flatMap((row) => row.to).sort((a, b) => newerAt.get(a.id)! - newerAt.get(b.id)!);
    const shape: AlignKind = group.kind === 'rewritten' ? 'reworded' : group.kind;
    const diff = sides(shape, withBreaks(from), withBreaks(to));
    // A paragraph all new or all gone keeps its sentences' evidence (added or dropped, and why).
    const whole = group.kind === 'added' || group.kind === 'dropped';
    const evidence: RowEvidence = whole ? first.evidence : { class: 'changed', basis: 'full-text', marks: 'all', moved: false };
    const row: Row = {
      ...first,
      kind: whole ? first.kind : 'changed',
      shape,
      evidence,
      anchors: [...new Set(members.flatMap((member) => [member.id, ...member.anchors]))].filter((anchor) => anchor !== first.id),
      from,
      to,
      older: diff.older,
      newer: diff.newer,
      score: members.reduce((sum, member) => sum + member.score, 0) / members.length,
      topics: [...new Set(members.flatMap((member) => member.topics))].sort(),
      formulas: [...new Set(members.flatMap((member) => member.formulas))].sort(),
      group,
    };
    result.set(group.pairs[0]!, row);
    for (const at of group.pairs.slice(1)) result.set(at, gone);
  }
  return result;
}

/**
 * The clauses with a pilcrow between two paragraphs (a clause of its own, so it diffs as a word).
 *
 * @param clauses clauses in reading order.
 */
export function withBreaks(clauses: readonly Clause[]): Clause[] {
  const out: Clause[] = [];
  clauses.forEach((clause, k) => {
    if (k > 0 && clauses[k - 1]!.paragraphKey !== clause.paragraphKey) out.push({ ...clause, id: `${clause.id}-break`, text: paragraphBreak });
    out.push(clause);
  });
  return out;
}

/** The fields of a compare row that merging a whole section reads and writes. */
export type SectionRow = GroupableRow & { heading?: { change: string; note: string } };

/**
 * A section whose text is all new, or all gone, as one row: its heading row (New heading, Heading
 * no longer there) takes the rows of its paragraphs, so the section is one change, as the word
 * diff sees it, not a heading row and a row a paragraph. Only the section's own paragraphs: a
 * sub-section has its heading row of its own. In place, on the rows of each compare section.
 *
 * @param sections each compare section's rows, in page order.
 * @param sides the two sides of a row as the page diffs them.
 */
export function wholeSectionRows<Row extends SectionRow>(
  older: Statement,
  newer: Statement,
  sections: ReadonlyArray<{ rows: Row[] }>,
  sides: (kind: AlignKind, from: Clause[], to: Clause[]) => { older: DiffPart[]; newer: DiffPart[] }
): void {
  if (older.edition !== 'full' || newer.edition !== 'full') return;
  const clauseIds = (statement: Statement, key: string) => statement.sections.find((section) => section.key === key)?.paragraphs.flatMap((paragraph) => paragraph.clauses.map((clause) => clause.id)) ?? [];
  for (const section of sections) {
    for (let at = 0; at < section.rows.length; at++) {
      const head = section.rows[at]!;
      const change = head.heading?.change;
      if (change !== 'added' && change !== 'dropped') continue;
      const added = change === 'added';
      const headClause = (added ? head.to : head.from)[0];
      if (!headClause) continue;
      const wanted = new Set(clauseIds(added ? newer : older, headClause.id));
      if (wanted.size === 0) continue;
      // The rows right after the heading row that hold exactly the section's clauses, each all new (or all gone).
      const taken: Row[] = [];
      const seen = new Set<string>();
      for (let next = at + 1; next < section.rows.length && seen.size < wanted.size; next++) {
        const row = section.rows[next]!;
        const clauses = added ? row.to : row.from;
        if (row.heading || (added ? row.from.length > 0 || row.kind !== 'added' : row.to.length > 0 || row.kind === 'moved-away') || clauses.length === 0 || !clauses.every((clause) => wanted.has(clause.id))) break;
        taken.push(row);
        for (const clause of clauses) seen.add(clause.id);
      }
      if (taken.length === 0 || seen.size !== wanted.size) continue;
      const clauses = [headClause, ...taken.flatMap((row) => (added ? row.to : row.from))];
      const diff = added ? sides('added', [], withBreaks(clauses)) : sides('dropped', withBreaks(clauses), []);
      const first = taken[0]!;
      const merged: Row = {
        ...head,
        kind: first.kind,
        evidence: first.evidence,
        anchors: [...new Set([...head.anchors, ...taken.flatMap((row) => [row.id, ...row.anchors])])],
        from: added ? [] : clauses,
        to: added ? clauses : [],
        older: diff.older,
        newer: diff.newer,
        heading: { ...head.heading!, note: added ? 'New section' : 'Section no longer there' },
      };
      section.rows.splice(at, taken.length + 1, merged);
    }
  }
}

/**
 * A page's rows in display order with replacements in place: `replace` gives a row's
 * replacement (or `gone` to leave it out), `before` rows to show before a pair's row, `end`
 * rows to show last.
 *
 * @param rowOfPair the row of each pair, to find a row's pair.
 */
export function placeRows<Row>(
  ordered: readonly Row[],
  rowOfPair: readonly Row[],
  changes: { replace: ReadonlyMap<number, Row>; before: ReadonlyMap<number, readonly Row[]>; end: readonly Row[] },
  gone: Row
): Row[] {
  const pairOfRow = new Map(rowOfPair.map((row, at) => [row, at]));
  const out: Row[] = [];
  for (const row of ordered) {
    const at = pairOfRow.get(row);
    if (at !== undefined) out.push(...(changes.before.get(at) ?? []));
    const replacement = at === undefined ? undefined : changes.replace.get(at);
    if (replacement === gone) continue;
    out.push(replacement ?? row);
  }
  out.push(...changes.end);
  return out;
}
