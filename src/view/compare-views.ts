/**
 * The two other views of a comparison, beside the side-by-side rows: a compact
 * list of changes (one line each: kind, where, the changed words) and a reading
 * of the newer statement with its changes inline. Pure: built from the rows the
 * analysis already made, so all three views agree.
 */
import { tidy, isClaimedChange, type CompareRow, type Comparison, type RowKind } from '../data/analysis.ts';
import { kindLabels } from '../data/row-kinds.ts';
import { wordDiff } from '../lib/analyse/diff.ts';
import { interleavedMarksWithin } from '../lib/analyse/evidence.ts';
import type { DiffPart } from '../lib/model/types.ts';

/** The site paths of a pair's three views. */
export function viewPaths(olderId: string, newerId: string): { side: string; list: string; reading: string } {
  const base = `/compare/${olderId}/${newerId}/`;
  return { side: base, list: `${base}list/`, reading: `${base}reading/` };
}

/** One line of the list of changes. */
export type ChangeLine = {
  /** The side-by-side row it links to. */
  id: string;
  kind: RowKind;
  /** The kind as a word ("Dropped", "Moved", …). */
  label: string;
  /** The changed words, with a little context; deletions and insertions marked. */
  words: DiffPart[];
  /** True when the words are the start of the clause (no word-level marks to show). */
  excerpt: boolean;
  /** Where a provision went, for one moved to another statement. */
  note?: string;
};

/** A section of the list: its heading and its changes. */
export type ChangeGroup = { id: string; number: string | undefined; heading: string; lines: ChangeLine[] };

/** A paragraph of the reading view. */
export type ReadingBlock = {
  /** The side-by-side row it stands for. */
  id: string;
  kind: RowKind;
  /** Said before a changed block ("Added", "Dropped", …); none for unchanged text. */
  label: string | undefined;
  /** The newer text with changes inline: deletions where evidence shows them, insertions marked. */
  parts: DiffPart[];
  /** Which statement's language the text is in. */
  side: 'older' | 'newer';
  change: boolean;
};

/** A section of the reading view. */
export type ReadingSection = { id: string; number: string | undefined; heading: string; blocks: ReadingBlock[] };

const words = (text: string) => text.split(/\s+/u).filter(Boolean);

/** The first `count` words of a text, with an ellipsis when cut. */
export function excerptOf(text: string, count = 18): string {
  const all = words(text);
  return all.length <= count ? all.join(' ') : `${all.slice(0, count).join(' ')} …`;
}

/** Whether a row shows word marks (they are there only where they are evidence). */
export function hasMarks(row: Pick<CompareRow, 'older' | 'newer'>): boolean {
  return [...row.older, ...row.newer].some((part) => part.op !== 'equal');
}

/** Both sides of a marked row interleaved: the newer text with its deletions in place, marks only where they are evidence. */
export function interleaved(row: Pick<CompareRow, 'from' | 'to' | 'evidence'>): DiffPart[] {
  const older = row.from.map((clause) => clause.text).join(' ');
  const newer = row.to.map((clause) => clause.text).join(' ');
  return interleavedMarksWithin(tidy(wordDiff(older, newer).parts), row.evidence.marks);
}

/**
 * The changes of an interleaved diff with `context` words of unchanged text
 * either side; longer unchanged stretches between changes become " … ".
 *
 * @param parts a diff, both sides interleaved.
 * @param context words kept around each change.
 */
export function changedWords(parts: readonly DiffPart[], context = 3): DiffPart[] {
  const out: DiffPart[] = [];
  const changes = parts.map((part, at) => (part.op === 'equal' ? -1 : at)).filter((at) => at >= 0);
  if (changes.length === 0) return [];
  parts.forEach((part, at) => {
    if (part.op !== 'equal') {
      out.push({ ...part });
      return;
    }
    const before = changes.some((c) => c < at);
    const after = changes.some((c) => c > at);
    if (!before && !after) return;
    const tokens = words(part.text);
    const lead = /^\s/u.test(part.text) ? ' ' : '';
    const trail = /\s$/u.test(part.text) ? ' ' : '';
    let text: string;
    if (before && after) text = tokens.length <= 2 * context + 1 ? part.text : `${lead}${tokens.slice(0, context).join(' ')} … ${tokens.slice(-context).join(' ')}${trail}`;
    else if (after) text = tokens.length <= context ? part.text : `… ${tokens.slice(-context).join(' ')}${trail}`;
    else text = tokens.length <= context ? part.text : `${lead}${tokens.slice(0, context).join(' ')} …`;
    out.push({ op: 'equal', text });
  });
  return out;
}

/** The label of a row in the list and the reading view. */
function labelOf(row: CompareRow, statementTitle: (id: string | undefined) => string, newerTitle: string, short = false): string {
  if (row.kind === 'moved-to') return short ? 'Moved out' : `Moved to ${statementTitle(row.evidence.statement)}`;
  if (row.kind === 'undocumented') return `Not documented in ${row.evidence.side === 'newer' ? newerTitle : 'the older'}`;
  if (row.evidence.moved && row.kind === 'kept') return 'Moved';
  if (row.evidence.moved) return `${kindLabels[row.kind]}, moved`;
  return kindLabels[row.kind];
}

/**
 * The list of changes: every row that claims a change, by section of the newer statement.
 *
 * @param comparison the pair.
 * @param statementTitle short title of a statement by id (for "Moved to …").
 */
export function changeList(comparison: Pick<Comparison, 'sections' | 'newer'>, statementTitle: (id: string | undefined) => string): ChangeGroup[] {
  return comparison.sections
    .map((section) => ({
      id: section.id,
      number: section.number,
      heading: section.heading,
      lines: section.rows.filter(isClaimedChange).map((row): ChangeLine => {
        const label = labelOf(row, statementTitle, comparison.newer.shortTitle, true);
        if (hasMarks(row) && row.from.length > 0 && row.to.length > 0) return { id: row.id, kind: row.kind, label, words: changedWords(interleaved(row)), excerpt: false };
        const older = row.from.map((clause) => clause.text).join(' ');
        const newer = row.to.map((clause) => clause.text).join(' ');
        const words: DiffPart[] =
          row.kind === 'dropped' || row.kind === 'moved-to' ? [{ op: 'delete', text: excerptOf(older) }]
          : row.kind === 'added' ? [{ op: 'insert', text: excerptOf(newer) }]
          : [{ op: 'equal', text: excerptOf(newer || older) }];
        return row.kind === 'moved-to'
          ? { id: row.id, kind: row.kind, label, words, excerpt: true, note: `now in ${statementTitle(row.evidence.statement)}` }
          : { id: row.id, kind: row.kind, label, words, excerpt: true };
      })
    }))
    .filter((group) => group.lines.length > 0);
}

/**
 * The newer statement as a reader reads it, section by section, with the changes
 * the sources show inline: marked words, dropped provisions struck through where
 * they stood. Rows that only hold a moved clause's old place, and provisions no
 * source shows in the newer statement, are not part of its text.
 *
 * @param comparison the pair.
 * @param statementTitle short title of a statement by id.
 */
export function readingSections(comparison: Pick<Comparison, 'sections' | 'newer'>, statementTitle: (id: string | undefined) => string): ReadingSection[] {
  return comparison.sections
    .map((section) => ({
      id: section.id,
      number: section.number,
      heading: section.heading,
      blocks: section.rows.flatMap((row): ReadingBlock[] => {
        const change = isClaimedChange(row);
        const label = change ? labelOf(row, statementTitle, comparison.newer.shortTitle) : undefined;
        if (row.kind === 'moved-away') return [];
        if (row.to.length > 0) {
          const parts = hasMarks(row) && row.from.length > 0 ? interleaved(row) : [{ op: change && row.kind === 'added' ? 'insert' : 'equal', text: row.to.map((clause) => clause.text).join(' ') } as DiffPart];
          return [{ id: row.id, kind: row.kind, label, parts, side: 'newer', change }];
        }
        if (row.kind === 'dropped' || row.kind === 'moved-to') {
          return [{ id: row.id, kind: row.kind, label, parts: [{ op: 'delete', text: row.from.map((clause) => clause.text).join(' ') }], side: 'older', change }];
        }
        return [];
      })
    }))
    .filter((section) => section.blocks.length > 0);
}
