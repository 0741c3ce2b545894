/**
 * Evidence: what a compare row may claim. In a digest, the text is of two
 * kinds: verbatim quotes, each bound to its witness (a source, and the
 * rendering of the statement it follows), and the editors' paraphrase. A
 * difference between two paragraphs is evidence of a change only where two
 * quotes from the same rendering differ, or where a source documents the
 * change; an absence is evidence only where a source documents it or the
 * statement (or its part) is complete. Everything else is reported for what it
 * is: kept (the wording differs between our paraphrases or between
 * translations), or not documented. A full text is one witness throughout:
 * every word is evidence.
 *
 * | question | evidence | otherwise |
 * | --- | --- | --- |
 * | did the wording change? | comparable quotes differ, or a documented change | kept |
 * | was it dropped? | a documented omission, or the newer part is complete | moved to a same-day statement, or not documented |
 * | was it added? | a documented addition, or the older part is complete | not documented in the older statement |
 * | did it move? | both placements documented | no move claimed |
 */
import type { AlignedPair, Clause, DiffPart, DocumentedNote, RegistrySource, Section, Statement } from '../model/types.ts';
import { witnessOf } from '../content/registry.ts';
import { clausesById, sectionsByClause } from '../model/statement.ts';

/** The class of a row, by its evidence. */
export type EvidenceClass = 'kept' | 'changed' | 'dropped' | 'added' | 'moved-to' | 'undocumented';

/** Every class, in the order pages list them. */
export const evidenceClasses: readonly EvidenceClass[] = ['kept', 'changed', 'dropped', 'added', 'moved-to', 'undocumented'];

/** Classes that claim a change in the statements (the rows "Next change" visits, and the ones headlines may cite). */
export const claimedChanges: ReadonlySet<EvidenceClass> = new Set(['changed', 'dropped', 'added', 'moved-to']);

/** Why a row has its class. */
export type EvidenceBasis =
  /** Both statements are full texts: every word is evidence. */
  | 'full-text'
  /** The two sides read the same. */
  | 'identical'
  /** Quotes that follow the same rendering differ. */
  | 'quotes'
  /** A cited source documents the change, omission or addition. */
  | 'documented'
  /** The statement, or the part the provision belongs to, is complete, so an absence is real. */
  | 'complete'
  /** The provision stands in another statement signed the same day. */
  | 'same-day'
  /** Only the editors' paraphrase differs. */
  | 'paraphrase'
  /** Full texts whose words are the same: only punctuation, capitals or markup differ. */
  | 'punctuation'
  /** Quotes differ, but they follow different renderings (translations). */
  | 'translations'
  /** No cited source documents the provision in one of the statements. */
  | 'not-documented';

/** Character ranges `[start, end)` of one side's text. */
export type Ranges = Array<[number, number]>;

/** The evidence of one aligned pair. */
export type RowEvidence = {
  class: EvidenceClass;
  basis: EvidenceBasis;
  /** For `undocumented`: the statement that has no documented counterpart. */
  side?: 'older' | 'newer';
  /** Where word marks may show: everywhere (full texts), nowhere, or inside these ranges of each side's text. */
  marks: 'all' | 'none' | { older: Ranges; newer: Ranges };
  /** The renderings the two sides' quotes follow, for `quotes` and `translations`. */
  renderings?: { older: string[]; newer: string[] };
  /** The documented omission, change or addition behind the class. */
  documented?: DocumentedNote;
  /** For `moved-to`: the id of the statement signed the same day that holds the provision. */
  statement?: string;
  /** True when the row's move between parts is claimed: the aligner moved it and a source places both parts. */
  moved: boolean;
};

/** What the classification needs besides the pair. */
export type EvidenceContext = {
  older: Statement;
  newer: Statement;
  /** The source registry by id (empty without `sources.yaml`: then no quote is comparable). */
  registry: ReadonlyMap<string, RegistrySource>;
  /** Other statements of the series signed the same day as `newer`. */
  companions: readonly Statement[];
};

/**
 * Classify every pair of `older` → `newer` by its evidence.
 *
 * @param pairs the pairs the site shows, in display order.
 * @param context the two statements, the registry and the newer statement's companions.
 * @returns one evidence record per pair, in the same order.
 */
export function classifyPairs(pairs: readonly AlignedPair[], context: EvidenceContext): RowEvidence[] {
  const olderClauses = clausesById(context.older);
  const newerClauses = clausesById(context.newer);
  const olderSections = sectionsByClause(context.older);
  const newerSections = sectionsByClause(context.newer);
  return pairs.map((pair) => {
    const from = pair.from.map((id) => olderClauses.get(id)!).filter(Boolean);
    const to = pair.to.map((id) => newerClauses.get(id)!).filter(Boolean);
    const evidence = classifyRow(from, to, context, olderSections, newerSections);
    if (pair.kind === 'moved' && from[0] && to[0]) {
      const before = olderSections.get(from[0].id);
      const after = newerSections.get(to[0].id);
      evidence.moved = before?.placement === 'documented' && after?.placement === 'documented';
    }
    return evidence;
  });
}

/**
 * Classify two versions of one provision (a history page's step from the previous
 * statement that has it to the next), as a compare row of the two would be.
 *
 * @param from the clauses of the earlier version.
 * @param to the clauses of the later version.
 * @param context the two statements and the registry.
 */
export function classifyVersions(from: Clause[], to: Clause[], context: EvidenceContext): RowEvidence {
  return classifyRow(from, to, context, sectionsByClause(context.older), sectionsByClause(context.newer));
}

function classifyRow(from: Clause[], to: Clause[], context: EvidenceContext, olderSections: Map<string, Section>, newerSections: Map<string, Section>): RowEvidence {
  const { older, newer } = context;
  if (to.length === 0) {
    const omission = documentedFor(newer.omissions, from);
    if (omission) return { class: 'dropped', basis: 'documented', documented: omission, marks: 'none', moved: false };
    if (isCompleteFor(newer, from, olderSections)) return { class: 'dropped', basis: 'complete', marks: 'none', moved: false };
    const keys = new Set(from.map((clause) => clause.paragraphKey));
    const companion = context.companions.find((statement) => statement.sections.some((section) => section.paragraphs.some((paragraph) => keys.has(paragraph.key))));
    if (companion) return { class: 'moved-to', basis: 'same-day', statement: companion.id, marks: 'none', moved: false };
    return { class: 'undocumented', basis: 'not-documented', side: 'newer', marks: 'none', moved: false };
  }
  if (from.length === 0) {
    const addition = documentedFor(newer.additions, to);
    if (addition) return { class: 'added', basis: 'documented', documented: addition, marks: 'none', moved: false };
    if (isCompleteFor(older, to, newerSections)) return { class: 'added', basis: 'complete', marks: 'none', moved: false };
    return { class: 'undocumented', basis: 'not-documented', side: 'older', marks: 'none', moved: false };
  }
  const olderText = joinText(from);
  const newerText = joinText(to);
  if (olderText === newerText) return { class: 'kept', basis: 'identical', marks: 'none', moved: false };
  if (older.edition === 'full' && newer.edition === 'full') {
    // No word changed (a comma, a capital, `**` left over from markup): the same text, not a change to mark.
    if (sameWords(olderText, newerText)) return { class: 'kept', basis: 'punctuation', marks: 'none', moved: false };
    return { class: 'changed', basis: 'full-text', marks: 'all', moved: false };
  }

  const olderQuotes = placedQuotes(from, context.registry);
  const newerQuotes = placedQuotes(to, context.registry);
  const renderings = { older: unique(olderQuotes.map((quote) => quote.rendering)), newer: unique(newerQuotes.map((quote) => quote.rendering)) };
  const differing = differingQuotes(olderQuotes, newerQuotes);
  const change = documentedFor(newer.changes, to);
  const marks = differing.older.length > 0 ? { older: differing.older, newer: differing.newer } : ('none' as const);
  if (change) return { class: 'changed', basis: 'documented', documented: change, marks, renderings, moved: false };
  if (differing.older.length > 0) return { class: 'changed', basis: 'quotes', marks, renderings, moved: false };
  const quotesDiffer = olderQuotes.map((quote) => quote.text).join('\u0000') !== newerQuotes.map((quote) => quote.text).join('\u0000');
  if (quotesDiffer && (olderQuotes.length > 0 || newerQuotes.length > 0)) return { class: 'kept', basis: 'translations', marks: 'none', renderings, moved: false };
  return { class: 'kept', basis: 'paraphrase', marks: 'none', renderings, moved: false };
}

/** A quote with its place in the side's joined text and the rendering its witness follows. */
type PlacedQuote = { text: string; start: number; end: number; rendering: string };

// Clause texts are joined with one space, as the compare rows show them.
/**
 * True when two texts have the same words: runs of letters and digits, compared without case
 * (a link's address is words too, so a changed address is a changed word).
 *
 * @param a one text.
 * @param b the other.
 */
export function sameWords(a: string, b: string): boolean {
  const words = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  return words(a) === words(b);
}

function joinText(clauses: readonly Clause[]): string {
  return clauses.map((clause) => clause.text).join(' ');
}

function placedQuotes(clauses: readonly Clause[], registry: ReadonlyMap<string, RegistrySource>): PlacedQuote[] {
  const placed: PlacedQuote[] = [];
  let offset = 0;
  for (const clause of clauses) {
    for (const quote of clause.quotes) {
      // A quote whose witness is unknown, or follows no named rendering, is no evidence.
      const rendering = witnessOf(quote, registry)?.follows;
      if (rendering !== undefined) placed.push({ text: quote.text, start: offset + quote.start, end: offset + quote.end, rendering });
    }
    offset += clause.text.length + 1;
  }
  return placed;
}

/**
 * Quotes of the same rendering that are counterparts (they share a content word) yet
 * differ: the evidence of a change in wording. A quote with no counterpart proves
 * nothing, since a digest quotes what its sources happen to quote.
 */
function differingQuotes(older: readonly PlacedQuote[], newer: readonly PlacedQuote[]): { older: Ranges; newer: Ranges } {
  const olderRanges: Ranges = [];
  const newerRanges: Ranges = [];
  for (const a of older) {
    const same = newer.some((b) => b.rendering === a.rendering && normalise(b.text) === normalise(a.text));
    if (same) continue;
    const counterparts = newer.filter((b) => b.rendering === a.rendering && sharesContentWord(a.text, b.text) && !older.some((other) => other.rendering === b.rendering && normalise(other.text) === normalise(b.text)));
    if (counterparts.length === 0) continue;
    olderRanges.push([a.start, a.end]);
    for (const b of counterparts) if (!newerRanges.some(([start]) => start === b.start)) newerRanges.push([b.start, b.end]);
  }
  return { older: olderRanges, newer: newerRanges.sort((x, y) => x[0] - y[0]) };
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

// Words of four or more letters: enough to tell two renderings of one formula from two formulas.
function contentWords(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []);
}

function sharesContentWord(a: string, b: string): boolean {
  const words = contentWords(a);
  for (const word of contentWords(b)) if (words.has(word)) return true;
  return false;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/** The documented note (omission, change or addition) that names one of the clauses or their paragraph. */
function documentedFor(notes: readonly DocumentedNote[] | undefined, clauses: readonly Clause[]): DocumentedNote | undefined {
  const wanted = new Set(clauses.flatMap((clause) => [clause.id, clause.paragraphKey]));
  return notes?.find((note) => wanted.has(note.key));
}

/**
 * True when `statement` is complete, or the part of it that would hold the clauses is:
 * the section with the same key as theirs, marked complete.
 */
function isCompleteFor(statement: Statement, clauses: readonly Clause[], sectionsOfClauses: Map<string, Section>): boolean {
  if (statement.complete) return true;
  const keys = new Set(clauses.map((clause) => sectionsOfClauses.get(clause.id)?.key));
  return statement.sections.some((section) => section.complete && keys.has(section.key));
}

/**
 * Keep word marks only where they are evidence: a deleted or inserted part outside the
 * side's evidence ranges is shown as plain text. `parts` is one side of a word diff
 * (equal and deleted parts of the older text, or equal and inserted parts of the newer),
 * whose texts joined give that side's text.
 *
 * @param parts one side of a word diff.
 * @param marks the row's evidence marks.
 * @param side which side `parts` shows.
 */
export function marksWithin(parts: readonly DiffPart[], marks: RowEvidence['marks'], side: 'older' | 'newer'): DiffPart[] {
  if (marks === 'all') return parts.map((part) => ({ ...part }));
  const ranges = marks === 'none' ? [] : marks[side];
  const out: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string): void => appendPart(out, op, text);
  let offset = 0;
  for (const part of parts) {
    const start = offset;
    offset += part.text.length;
    if (part.op === 'equal') {
      push('equal', part.text);
      continue;
    }
    // Split the part at range edges: inside a range it keeps its mark, outside it is plain.
    let cursor = start;
    while (cursor < offset) {
      const range = ranges.find(([from, to]) => cursor >= from && cursor < to);
      const next = range ? Math.min(range[1], offset) : Math.min(offset, ...ranges.map(([from]) => from).filter((from) => from > cursor));
      push(range ? part.op : 'equal', part.text.slice(cursor - start, next - start));
      cursor = next;
    }
  }
  return out;
}

/**
 * `marksWithin` for a diff of both sides interleaved (a history step): a deleted part
 * outside the older side's evidence is left out, an inserted part outside the newer
 * side's is shown as plain text, so the step reads as the later text with marks only
 * where they are evidence.
 *
 * @param parts a word diff, both sides interleaved.
 * @param marks the step's evidence marks.
 */
export function interleavedMarksWithin(parts: readonly DiffPart[], marks: RowEvidence['marks']): DiffPart[] {
  if (marks === 'all') return parts.map((part) => ({ ...part }));
  const inside = (ranges: Ranges, at: number) => ranges.some(([from, to]) => at >= from && at < to);
  const older = marks === 'none' ? [] : marks.older;
  const newer = marks === 'none' ? [] : marks.newer;
  const out: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string): void => appendPart(out, op, text);
  let olderAt = 0;
  let newerAt = 0;
  for (const part of parts) {
    for (const character of part.text) {
      if (part.op === 'equal') push('equal', character);
      else if (part.op === 'delete') {
        if (inside(older, olderAt)) push('delete', character);
      } else push(inside(newer, newerAt) ? 'insert' : 'equal', character);
      if (part.op !== 'insert') olderAt += character.length;
      if (part.op !== 'delete') newerAt += character.length;
    }
  }
  return out;
}

// Add text to a run of parts, joining it to the last part when that has the same op.
function appendPart(out: DiffPart[], op: DiffPart['op'], text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}
