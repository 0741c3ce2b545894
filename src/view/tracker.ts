/**
 * The formula tracker's data: for every tracked formula and every statement of
 * a series, whether the formula is there, where, and in which words.
 * Pure: statements and the lexicon in, plain rows out.
 */
import type { Clause, Formula, RegistrySource, Statement, Topic } from '../lib/model/types.ts';
import { witnessOf } from '../lib/content/registry.ts';
import { latestPair } from './series.ts';

/**
 * A cell of the matrix, by evidence: present; present in other words that are comparable
 * with the previous wording (the same translation, or full texts); absent, where a source
 * documents the omission or the text is complete; in a statement signed the same day
 * instead; or not documented (no source we cite shows it there).
 */
export type CellState = 'present' | 'changed' | 'absent' | 'same-day' | 'undocumented';

/** One place where a formula occurs: the clause and the matched words in it. */
export type Occurrence = {
  statementId: string;
  clauseId: string;
  paragraphKey: string;
  text: string;
  /** The matched phrase, as written. */
  phrase: string;
  /** Where the phrase starts and ends in `text` (UTF-16 offsets). */
  start: number;
  end: number;
  /** The rendering the phrase's words follow, when they are evidence: a quote's witness's, or `full` in a full text. */
  rendering?: string;
};

/** A formula in one statement. */
export type TrackerCell = { statementId: string; state: CellState; occurrences: Occurrence[] };

/** A formula through the statements of a series. */
export type TrackerRow = {
  formula: Formula;
  cells: TrackerCell[];
  /** Statement id of the first and last appearance; undefined when never present. */
  first?: string;
  last?: string;
  /** How many statements hold it. */
  count: number;
  /** Present in the second-latest statement of the main line, and absent from the latest by evidence (a documented omission, or a complete text). */
  droppedInLatest: boolean;
  /** Present in the latest statement of the main line and, by evidence, not in the one before (a documented addition, or a complete older text). */
  newInLatest: boolean;
};

/** Rows of one topic, in lexicon order. */
export type TrackerGroup = { topic: Topic; rows: TrackerRow[] };

/** The tracker of one series. */
export type Tracker = {
  /** The series' statements, date order: the columns. */
  statements: Statement[];
  /** Formulas found at least once, grouped by topic (taxonomy order). */
  groups: TrackerGroup[];
  /** Tracked formulas that no statement of the series holds. */
  unseen: Formula[];
  /** The pair "latest against the one before" of the main line. */
  latest?: { older: string; newer: string };
};

/**
 * Track every formula of the lexicon through the statements of one series.
 *
 * @param statements the series' statements, oldest first.
 * @param formulas the formula lexicon.
 * @param topics the topic taxonomy (its order groups the rows).
 */
export function trackFormulas(statements: readonly Statement[], formulas: readonly Formula[], topics: readonly Topic[], registry: ReadonlyMap<string, RegistrySource> = new Map()): Tracker {
  const pair = latestPair(statements);
  const columns = [...statements];
  const rows = formulas.map((formula) => trackOne(formula, columns, pair && { older: pair.older.id, newer: pair.newer.id }, registry));
  const seen = rows.filter((row) => row.count > 0);
  const topicOf = new Map(topics.map((topic) => [topic.id, topic]));
  const groups: TrackerGroup[] = [];
  for (const topic of topics) {
    const inTopic = seen.filter((row) => row.formula.topic === topic.id);
    if (inTopic.length > 0) groups.push({ topic, rows: inTopic });
  }
  const orphans = seen.filter((row) => !topicOf.has(row.formula.topic));
  if (orphans.length > 0) groups.push({ topic: { id: 'other', label: 'Other', description: 'Formulas whose topic is not in the taxonomy.', cues: [] }, rows: orphans });
  return {
    statements: columns,
    groups,
    unseen: rows.filter((row) => row.count === 0).map((row) => row.formula),
    ...(pair ? { latest: { older: pair.older.id, newer: pair.newer.id } } : {})
  };
}

/**
 * Where `formula` occurs in `clause`: the first match of its first matching pattern.
 *
 * @param formula a formula of the lexicon.
 * @param clause a clause.
 */
export function findPhrase(formula: Formula, clause: Pick<Clause, 'text'>): { phrase: string; start: number; end: number } | undefined {
  for (const source of formula.patterns) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(source, 'iu');
    } catch {
      continue;
    }
    const match = pattern.exec(clause.text);
    if (match && match[0]) return { phrase: match[0], start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

/**
 * A phrase as compared for "changed wording": case, quotes, hyphen variants and spacing do not count.
 *
 * @param phrase a matched phrase.
 */
export function phraseKey(phrase: string): string {
  return phrase
    .normalize('NFKC')
    .toLowerCase()
    .replace(/["“”'‘’«»]/g, '')
    .replace(/[‐‑‒–—-]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function trackOne(formula: Formula, statements: Statement[], pair: { older: string; newer: string } | undefined, registry: ReadonlyMap<string, RegistrySource>): TrackerRow {
  let previous: { statement: Statement; occurrences: Occurrence[] } | undefined;
  const cells: TrackerCell[] = statements.map((statement) => {
    const occurrences: Occurrence[] = [];
    for (const section of statement.sections) {
      for (const paragraph of section.paragraphs) {
        for (const clause of paragraph.clauses) {
          if (!clause.formulas.includes(formula.id)) continue;
          const found = findPhrase(formula, clause) ?? { phrase: '', start: 0, end: 0 };
          const rendering = statement.edition === 'full' ? 'full' : clause.quotes.filter((quote) => found.start < quote.end && found.end > quote.start).map((quote) => witnessOf(quote, registry)?.follows).find(Boolean);
          occurrences.push({ statementId: statement.id, clauseId: clause.id, paragraphKey: clause.paragraphKey, text: clause.text, ...found, ...(rendering ? { rendering } : {}) });
        }
      }
    }
    if (occurrences.length === 0) return { statementId: statement.id, state: absence(formula, statement, statements, previous?.occurrences ?? []), occurrences };
    // Changed: the wordings of this statement and of the last that held the formula are comparable
    // (the same rendering) and none of this statement's is one of the last's.
    const comparable = occurrences.filter((occurrence) => occurrence.rendering && previous?.occurrences.some((before) => before.rendering === occurrence.rendering));
    const changed = comparable.length > 0 && !comparable.some((occurrence) => previous!.occurrences.some((before) => before.rendering === occurrence.rendering && phraseKey(before.phrase) === phraseKey(occurrence.phrase)));
    previous = { statement, occurrences };
    return { statementId: statement.id, state: changed ? 'changed' : 'present', occurrences };
  });
  const held = cells.filter((cell) => cell.occurrences.length > 0);
  const has = (id: string | undefined) => cells.some((cell) => cell.statementId === id && cell.occurrences.length > 0);
  return {
    formula,
    cells,
    ...(held[0] ? { first: held[0].statementId } : {}),
    ...(held.length > 0 ? { last: held[held.length - 1]!.statementId } : {}),
    count: held.length,
    droppedInLatest: pair !== undefined && has(pair.older) && cells.find((cell) => cell.statementId === pair.newer)?.state === 'absent',
    newInLatest: pair !== undefined && !has(pair.older) && has(pair.newer) && documentedNew(statements, pair, cells)
  };
}

// Why a statement lacks the formula, as far as the evidence goes.
function absence(formula: Formula, statement: Statement, statements: readonly Statement[], before: readonly Occurrence[]): CellState {
  const named = new Set(before.flatMap((occurrence) => [occurrence.clauseId, occurrence.paragraphKey]));
  // A documented omission of the passage, or a documented change of it that leaves the formula out, is evidence of absence.
  if (statement.complete || [...(statement.omissions ?? []), ...(statement.changes ?? [])].some((note) => named.has(note.key))) return 'absent';
  const sameDay = statements.some((other) => other.id !== statement.id && other.date === statement.date && other.sections.some((section) => section.paragraphs.some((paragraph) => paragraph.clauses.some((clause) => clause.formulas.includes(formula.id)))));
  return sameDay ? 'same-day' : 'undocumented';
}

// New by evidence: the older text is complete, or the newer statement's `additions` name a paragraph that holds the formula.
function documentedNew(statements: readonly Statement[], pair: { older: string; newer: string }, cells: readonly TrackerCell[]): boolean {
  const older = statements.find((statement) => statement.id === pair.older);
  const newer = statements.find((statement) => statement.id === pair.newer);
  if (older?.complete) return true;
  const held = new Set((cells.find((cell) => cell.statementId === pair.newer)?.occurrences ?? []).flatMap((occurrence) => [occurrence.clauseId, occurrence.paragraphKey]));
  return (newer?.additions ?? []).some((addition) => held.has(addition.key));
}
