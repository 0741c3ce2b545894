/**
 * Search records: one per clause, with the words a reader may type for the
 * formulas it holds, and the filters of the search page. Pagefind indexes them
 * as custom records (scripts/search-index.ts), so a clause is found once and
 * derived pages (compare, formula, lineage) are never indexed. A clause that
 * stands unchanged in several versions is one record naming them all
 * (mergeVersions()), so eight versions of a text are not eight hits.
 */
import type { RowEvidence } from '../analyse/evidence.ts';
import type { AlignedPair, Formula, Statement, Topic } from '../model/types.ts';
import { clausesOf } from '../model/statement.ts';

/** A record as Pagefind's `index.addCustomRecord()` takes it. */
export type SearchRecord = {
  url: string;
  content: string;
  /** The statement's language (BCP 47): Pagefind keeps one index per language. */
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** Sort keys: `date` (YYYY-MM-DD) for sorting by date. */
  sort: Record<string, string>;
};

/**
 * Change of a clause against the previous statement of its series, by evidence, as a
 * filter value. The values keep the names published search addresses use
 * (`?change=reworded`), with the meaning the evidence gives them: `unchanged` is kept
 * (no evidence of a change), `reworded` changed as the sources show, `new` and
 * `dropped-next` only where a source documents it (or the text is complete).
 */
export type ChangeStatus = 'unchanged' | 'reworded' | 'moved' | 'new' | 'undocumented' | 'dropped-next';

/** Labels of the change filter's values, in display order. */
export const changeLabels: Record<ChangeStatus, string> = {
  unchanged: 'Kept: no documented change from the previous statement',
  reworded: 'Changed, as the sources show',
  moved: 'Moved between parts a source places',
  new: 'New, as a source documents',
  undocumented: 'Not documented in the previous statement',
  'dropped-next': 'Dropped in the next statement, as a source documents'
};

/** What the records are built from. */
export type SearchInput = {
  /** Statements in series order (date, then id). */
  statements: readonly Statement[];
  formulas: readonly Formula[];
  topics: readonly Topic[];
  /** Alignment of two statements of a series, older first. */
  pairsOf: (older: string, newer: string) => readonly AlignedPair[] | undefined;
  /** The evidence of each of those pairs, in the same order (without it, every status is told from the aligner's kinds). */
  evidenceOf?: (older: string, newer: string) => readonly RowEvidence[] | undefined;
  /** The lineage (history page id) a clause belongs to, when known. */
  lineageOf?: (statementId: string, clauseId: string) => string | undefined;
};

/**
 * One search record per clause of every statement, a clause that stands
 * unchanged in several statements being one record (mergeVersions()).
 *
 * The content is the clause text, then, for each formula of the clause, a line
 * `Formula: <label> (also: <variant>; …)`, so a search for any documented
 * variant of a formula finds every clause holding it. Filters: statement, year,
 * series, topic, formula, and change (against the previous statement, see neighbour(),
 * plus `dropped-next` when the next statement drops the clause).
 *
 * Pagefind indexes the `title` meta, weighted above the content, so records
 * carry none: a section heading ("Alliances and the Asia-Pacific") would
 * otherwise rank every clause under it above the clauses that say the word.
 * The statement and section are meta fields that are shown, not searched.
 * `key` (the paragraph key: one provision across statements) and `series`
 * let the search page group a provision's hits; `date` sorts by date.
 *
 * @param input statements, lexicon and alignments.
 */
export function searchRecords(input: SearchInput): SearchRecord[] {
  return mergeVersions(clauseRecords(input));
}

/** The versions a merged record stands in: `meta.versions`, one line per version. */
export type RecordVersion = { statementId: string; statement: string; date: string; clause: string };

/**
 * One record for a clause that stands, word for word, in several statements of a
 * series: same paragraph key, same text, same language, and the same topics,
 * formulas and change, so every filter means what it says of each version it
 * names. The record links to the newest of them and takes its meta; its
 * `statement` and `year` filters hold every version's (a search filtered to one
 * statement or year still finds it), and `meta.versions` lists them, newest
 * first (versionsOf() reads it back). A record of one version is left as it is.
 * Two clauses of one statement are never merged.
 *
 * @param records one record per clause, statements in series order.
 */
export function mergeVersions(records: readonly SearchRecord[]): SearchRecord[] {
  const groups = new Map<string, SearchRecord[][]>();
  const order: SearchRecord[][] = [];
  for (const record of records) {
    const identity = JSON.stringify([record.meta.series, record.meta.key, record.language, record.content, record.filters.topic, record.filters.formula, record.filters.change]);
    const runs = groups.get(identity) ?? [];
    groups.set(identity, runs);
    let run = runs.find((candidate) => !candidate.some((other) => other.meta.statementId === record.meta.statementId));
    if (!run) {
      run = [];
      runs.push(run);
      order.push(run);
    }
    run.push(record);
  }
  return order.map((run) => {
    if (run.length === 1) return run[0]!;
    const newest = [...run].sort((a, b) => (a.meta.date ?? '').localeCompare(b.meta.date ?? '')).at(-1)!;
    const versions = [...run].sort((a, b) => (b.meta.date ?? '').localeCompare(a.meta.date ?? '') || (b.meta.statementId ?? '').localeCompare(a.meta.statementId ?? ''));
    return {
      ...newest,
      meta: { ...newest.meta, versions: versions.map((record) => [record.meta.statementId, record.meta.statement, record.meta.date, record.meta.clause].map((field) => (field ?? '').replace(/[\t\n]/g, ' ')).join('\t')).join('\n') },
      filters: {
        ...newest.filters,
        statement: [...new Set(run.flatMap((record) => record.filters.statement ?? []))],
        year: [...new Set(run.flatMap((record) => record.filters.year ?? []))].sort()
      }
    };
  });
}

/**
 * The versions a record stands in, newest first: those `meta.versions` lists, or the
 * record's own statement.
 *
 * @param meta a record's meta (as Pagefind gives it back).
 */
export function versionsOf(meta: Readonly<Record<string, string>>): RecordVersion[] {
  if (!meta.versions) return meta.statementId ? [{ statementId: meta.statementId, statement: meta.statement ?? '', date: meta.date ?? '', clause: meta.clause ?? '' }] : [];
  return meta.versions.split('\n').map((line) => {
    const [statementId = '', statement = '', date = '', clause = ''] = line.split('\t');
    return { statementId, statement, date, clause };
  });
}

// One record per clause of every statement, before versions are merged.
function clauseRecords(input: SearchInput): SearchRecord[] {
  const variants = formulaVariants(input.formulas, input.statements);
  const formulaById = new Map(input.formulas.map((formula) => [formula.id, formula]));
  const records: SearchRecord[] = [];
  for (const statement of input.statements) {
    const before = statusAgainst(neighbour(statement, input.statements, 'previous'), statement, input);
    const droppedNext = droppedIn(statement, neighbour(statement, input.statements, 'next'), input);
    for (const section of statement.sections) {
      const sectionLabel = section.number ? `${section.number}. ${section.heading}` : section.heading;
      for (const paragraph of section.paragraphs) {
        for (const clause of paragraph.clauses) {
          // A variant is indexed only when it adds a word, so repeated words do not outrank the clause's own.
          const seen = new Set(wordsOf(clause.text));
          const formulaLines = clause.formulas.map((id) => {
            const label = formulaById.get(id)?.label ?? id;
            for (const word of wordsOf(label)) seen.add(word);
            const novel = (variants.get(id) ?? []).filter((phrase) => {
              const words = wordsOf(phrase).filter((word) => !seen.has(word));
              for (const word of words) seen.add(word);
              return words.length > 0;
            });
            return `Formula: ${label}${novel.length > 0 ? ` (also: ${novel.join('; ')})` : ''}.`;
          });
          const lineage = input.lineageOf?.(statement.id, clause.id);
          const change: string[] = [];
          const status = before.get(clause.id);
          if (status) change.push(status);
          if (droppedNext.has(clause.id)) change.push('dropped-next');
          records.push({
            // Site paths without the base: Pagefind puts its own base (where its bundle is served) before them.
            url: `/statements/${statement.id}/#${clause.id}`,
            content: [clause.text, ...formulaLines].join('\n'),
            // Pagefind indexes each language with its own stemming and segmentation.
            language: statement.lang ?? 'en',
            meta: {
              statement: statement.shortTitle,
              statementId: statement.id,
              date: statement.date,
              section: sectionLabel,
              clause: clause.id,
              // The clause is the first `words` words of the content; the rest are formula wordings.
              // Counted as the search page cuts the content back apart: at white space.
              words: String(clause.text.split(/\s+/).filter(Boolean).length),
              formulas: clause.formulas.map((id) => formulaById.get(id)?.label ?? id).join(' | '),
              key: paragraph.key,
              series: statement.series,
              ...(lineage ? { lineage } : {})
            },
            sort: { date: statement.date },
            filters: {
              statement: [statement.id],
              year: [statement.date.slice(0, 4)],
              series: [statement.series],
              topic: [...clause.topics],
              formula: [...clause.formulas],
              change
            }
          });
        }
      }
    }
  }
  return records;
}

/**
 * The variants of each formula a reader may search for: its Chinese and
 * Russian originals, the wordings its patterns match in the corpus, and the
 * plain phrases its patterns spell out (alternatives expanded), lower-cased
 * and without duplicates.
 *
 * @param formulas the lexicon.
 * @param statements the corpus, for the wordings actually used.
 */
export function formulaVariants(formulas: readonly Formula[], statements: readonly Statement[]): Map<string, string[]> {
  const texts = statements.flatMap((statement) => clausesOf(statement).filter((c) => c.formulas.length > 0));
  const result = new Map<string, string[]>();
  for (const formula of formulas) {
    const found = new Set<string>();
    const add = (phrase: string | undefined) => {
      const clean = phrase?.replace(/\s+/g, ' ').trim().toLowerCase();
      if (clean && clean.length > 1 && !formula.label.toLowerCase().includes(clean)) found.add(clean);
    };
    add(formula.zh);
    add(formula.ru);
    const patterns = formula.patterns.map((source) => new RegExp(source, 'giu'));
    for (const clause of texts) {
      if (!clause.formulas.includes(formula.id)) continue;
      for (const pattern of patterns) for (const match of clause.text.matchAll(pattern)) add(match[0]);
    }
    for (const source of formula.patterns) for (const phrase of expandPattern(source)) add(phrase);
    result.set(formula.id, [...found]);
  }
  return result;
}

/**
 * The plain phrases a simple pattern spells: groups' alternatives expanded
 * (at most `limit`), optional groups both with and without, a character class
 * as its first space, hyphen or character, `\b` dropped. Patterns with `\w`,
 * `.` or open repetition give nothing, since their words are stems.
 *
 * @param source a RegExp source.
 * @param limit the most phrases returned.
 */
export function expandPattern(source: string, limit = 12): string[] {
  if (/\\w|(?<!\\)\.|[*+{]/.test(source)) return [];
  let position = 0;
  // Sequence := (atom quantifier?)*; returns the phrases of the sequence up to `|` or `)`.
  const sequence = (): string[] => {
    let phrases = [''];
    while (position < source.length && source[position] !== '|' && source[position] !== ')') {
      let options = atom();
      if (source[position] === '?') {
        position++;
        options = options.length === 1 && options[0]!.length === 1 ? options : [...options, ''];
      }
      const next: string[] = [];
      for (const head of phrases) for (const tail of options) if (next.length < limit) next.push(head + tail);
      phrases = next;
    }
    return phrases;
  };
  const atom = (): string[] => {
    const char = source[position]!;
    if (char === '(') {
      position += source.startsWith('(?:', position) ? 3 : 1;
      const options = [...sequence()];
      while (source[position] === '|') {
        position++;
        options.push(...sequence());
      }
      position++;
      return options.slice(0, limit);
    }
    if (char === '[') {
      const end = source.indexOf(']', position + 1);
      const members = source.slice(position + 1, end);
      position = end + 1;
      if (members.includes(' ')) return [' '];
      if (members.includes('-')) return ['-'];
      return /^["“”'‘’]+$/.test(members) ? [''] : [members[0] ?? ''];
    }
    if (char === '\\') {
      const escaped = source[position + 1] ?? '';
      position += 2;
      return escaped === 'b' ? [''] : escaped === 's' ? [' '] : [escaped];
    }
    position++;
    return [char];
  };
  return sequence().filter((phrase) => phrase.trim().length > 0);
}

// Lower-case words, split as a search engine would (letters and digits; CJK kept whole).
function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * The statement a clause's change is told against: in the same series, the
 * nearest statement of an earlier (or later) date and the same kind, else of any
 * kind. Statements of one date are parallel documents, never each other's neighbour.
 *
 * @param statement the statement.
 * @param statements all statements, in series order.
 * @param direction `previous` or `next`.
 */
export function neighbour(statement: Statement, statements: readonly Statement[], direction: 'previous' | 'next'): Statement | undefined {
  const candidates = statements.filter((other) => other.series === statement.series && (direction === 'previous' ? other.date < statement.date : other.date > statement.date));
  const ordered = direction === 'previous' ? [...candidates].reverse() : candidates;
  return ordered.find((other) => other.kind === statement.kind) ?? ordered[0];
}

// Change status of each clause of `newer` against `older`.
function statusAgainst(older: Statement | undefined, newer: Statement, input: SearchInput): Map<string, ChangeStatus> {
  const status = new Map<string, ChangeStatus>();
  if (!older) return status;
  const kinds: Record<AlignedPair['kind'], ChangeStatus | undefined> = { same: 'unchanged', reworded: 'reworded', split: 'reworded', merged: 'reworded', moved: 'moved', added: 'new', dropped: undefined };
  const classes: Record<RowEvidence['class'], ChangeStatus | undefined> = { kept: 'unchanged', changed: 'reworded', added: 'new', undocumented: 'undocumented', dropped: undefined, 'moved-to': undefined };
  const evidence = input.evidenceOf?.(older.id, newer.id);
  (input.pairsOf(older.id, newer.id) ?? []).forEach((pair, at) => {
    const row = evidence?.[at];
    const kind = row ? (row.moved ? 'moved' : classes[row.class]) : kinds[pair.kind];
    if (kind) for (const id of pair.to) status.set(id, kind);
  });
  return status;
}

// Clauses of `older` that `newer` drops.
function droppedIn(older: Statement, newer: Statement | undefined, input: SearchInput): Set<string> {
  if (!newer) return new Set();
  const evidence = input.evidenceOf?.(older.id, newer.id);
  // With evidence, only a drop a source documents (or a complete text shows) counts.
  return new Set((input.pairsOf(older.id, newer.id) ?? []).filter((pair, at) => (evidence ? evidence[at]?.class === 'dropped' : pair.kind === 'dropped')).flatMap((pair) => pair.from));
}
