import { beforeEach, describe, expect, it } from 'vitest';
import { findPhrase, phraseKey, trackFormulas } from '../../src/view/tracker.ts';
import { latestPair, mainLine } from '../../src/view/series.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { statement as makeStatement } from './statements.ts';
import { clausesOf } from '../../src/lib/model/statement.ts';
import type { Formula, RegistrySource, Statement, Topic } from '../../src/lib/model/types.ts';
import { statement } from './statements.ts';

// Loaded in the first test, not at load time (tests/unit/README.md).
let corpus!: Awaited<ReturnType<typeof loadCorpus>>;
beforeEach(async () => {
  corpus ??= await loadCorpus(process.env.CONTENT_DIR ?? 'content');
});
/** Each series of the corpus with its statements and its tracker. */
const everySeries = () =>
  corpus.series.map((series) => {
    const statements = corpus.statements.filter((s) => s.series === series.id);
    return { series, statements, tracker: trackFormulas(statements, corpus.formulas, corpus.topics) };
  });

describe('trackFormulas', () => {
  it('trackFormulas(series) has one cell per statement, in date order, in every series', () => {
    for (const { tracker } of everySeries()) {
      const dates = tracker.statements.map((s) => s.date);
      expect([...dates].sort()).toEqual(dates);
      for (const group of tracker.groups) for (const row of group.rows) expect(row.cells.map((c) => c.statementId)).toEqual(tracker.statements.map((s) => s.id));
    }
  });

  it('trackFormulas(series) agrees with the clause tags, in every series', () => {
    for (const { statements, tracker } of everySeries()) {
      for (const group of tracker.groups) {
        for (const row of group.rows) {
          for (const cell of row.cells) {
            const statement = statements.find((s) => s.id === cell.statementId)!;
            const tagged = clausesOf(statement).filter((c) => c.formulas.includes(row.formula.id));
            expect(cell.occurrences.map((o) => o.clauseId)).toEqual(tagged.map((c) => c.id));
            expect(['absent', 'same-day', 'undocumented'].includes(cell.state)).toBe(tagged.length === 0);
          }
          expect(row.count).toBe(row.cells.filter((c) => c.occurrences.length > 0).length);
          expect(row.first).toBe(row.cells.find((c) => c.occurrences.length > 0)?.statementId);
        }
      }
      const seen = tracker.groups.flatMap((g) => g.rows).length;
      expect(seen + tracker.unseen.length).toBe(corpus.formulas.length);
    }
  });

  it('trackFormulas(series) flags formulas dropped and new in the latest statement of the main line, in every series', () => {
    for (const { statements, tracker } of everySeries()) {
      const pair = latestPair(statements)!;
      expect(tracker.latest).toEqual({ older: pair.older.id, newer: pair.newer.id });
      for (const row of tracker.groups.flatMap((g) => g.rows)) {
        const held = (id: string) => row.cells.find((c) => c.statementId === id)!.occurrences.length > 0;
        // By evidence, a subset of the presence changes.
        if (row.droppedInLatest) expect(held(pair.older.id) && !held(pair.newer.id)).toBe(true);
        if (row.newInLatest) expect(!held(pair.older.id) && held(pair.newer.id)).toBe(true);
      }
    }
  });
});

// A small series written out by hand, so every expectation below is read off the texts, not computed.
describe('trackFormulas on a hand-written series', () => {
  const topics: Topic[] = [{ id: 'order', label: 'World order', description: '', cues: [] }];
  const formula = (id: string, patterns: string[]): Formula => ({ id, label: id, topic: 'order', patterns });
  const formulas = [
    formula('no-limits', ['no limits']),
    formula('multipolar', ['multipolar world', 'multipolarity']),
    formula('cold-war', ['cold war mentality']),
    formula('new-era', ['new era']),
    formula('never-used', ['never used']),
  ];
  // Clauses tagged by hand with the formulas their text holds; full texts, so every wording is evidence and every absence real.
  const tagged = (id: string, date: string, texts: Array<[string, string[]]>): Statement => {
    const built: Statement = { ...statement(id, date, texts.map(([text], k) => [`p${k + 1}`, [text]])), edition: 'full', complete: true };
    clausesOf(built).forEach((clause, k) => (clause.formulas = texts[k]![1]));
    return built;
  };
  const statements = [
    tagged('2022-a', '2022-02-04', [['Friendship has no limits.', ['no-limits']], ['They build a multipolar world.', ['multipolar']], ['They reject a cold war mentality.', ['cold-war']]]),
    tagged('2023-b', '2023-03-21', [['Friendship has no limits.', ['no-limits']], ['They build a multipolar world.', ['multipolar']], ['They reject a cold war mentality.', ['cold-war']]]),
    tagged('2025-c', '2025-05-08', [['Friendship has no limits.', ['no-limits']], ['They welcome multipolarity.', ['multipolar']], ['A new era begins.', ['new-era']]]),
  ];
  const tracker = trackFormulas(statements, formulas, topics);
  const row = (id: string) => tracker.groups.flatMap((group) => group.rows).find((candidate) => candidate.formula.id === id)!;
  const states = (id: string) => row(id).cells.map((cell) => cell.state);

  it('marks each statement present, absent or changed (another wording than the last one held)', () => {
    expect(states('no-limits')).toEqual(['present', 'present', 'present']);
    expect(states('multipolar')).toEqual(['present', 'present', 'changed']);
    expect(states('cold-war')).toEqual(['present', 'present', 'absent']);
    expect(states('new-era')).toEqual(['absent', 'absent', 'present']);
  });
  it('counts statements and names the first and last that hold a formula', () => {
    expect(row('cold-war')).toMatchObject({ count: 2, first: '2022-a', last: '2023-b' });
    expect(row('new-era')).toMatchObject({ count: 1, first: '2025-c', last: '2025-c' });
  });
  it('flags what the latest statement dropped and what is new in it', () => {
    expect(tracker.latest).toEqual({ older: '2023-b', newer: '2025-c' });
    expect(tracker.groups.flatMap((group) => group.rows).filter((r) => r.droppedInLatest).map((r) => r.formula.id)).toEqual(['cold-war']);
    expect(tracker.groups.flatMap((group) => group.rows).filter((r) => r.newInLatest).map((r) => r.formula.id)).toEqual(['new-era']);
  });
  it('lists formulas no statement holds as unseen', () => {
    expect(tracker.unseen.map((f) => f.id)).toEqual(['never-used']);
  });
});

describe('findPhrase and phraseKey', () => {
  it('findPhrase(formula, clause) returns the matched words and their offsets', () => {
    const formula = { id: 'x', label: 'X', topic: 't', patterns: ['no such', 'non[- ]alignment'] };
    const text = 'They keep to Non-alignment as before.';
    const found = findPhrase(formula, { text })!;
    expect(found.phrase).toBe('Non-alignment');
    expect(text.slice(found.start, found.end)).toBe('Non-alignment');
  });

  it('phraseKey ignores case, quotes and hyphen variants but not words', () => {
    expect(phraseKey('“Non‑alignment”')).toBe(phraseKey('non-alignment'));
    expect(phraseKey('third countries')).not.toBe(phraseKey('third parties'));
  });
});

describe('mainLine and latestPair', () => {
  const s = (id: string, date: string, kind: string) => ({ id, date, kind, shortTitle: id });
  it('latestPair(statements) skips a side document of another kind', () => {
    const list = [s('a', '2022', 'joint'), s('b', '2023', 'joint'), s('c', '2025', 'joint'), s('d', '2025', 'stability')];
    expect(mainLine(list).map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(latestPair(list)).toEqual({ older: list[1], newer: list[2] });
  });
  it('latestPair(statements) is undefined with fewer than two', () => {
    expect(latestPair([s('a', '2022', 'joint')])).toBeUndefined();
  });
});

describe('trackFormulas by evidence', () => {
  const formulas = [{ id: 'one-china', label: 'One China', topic: 'taiwan', patterns: ['part of (?:China|its territory)'] }];
  const topics = [{ id: 'taiwan', label: 'Taiwan', description: '', cues: [] }];
  // A statement whose one clause quotes the formula, cited to `source`.
  const quoting = (id: string, date: string, words: string, source: string): Statement => {
    const made = makeStatement(id, date, [['taiwan', [`Taiwan is "${words}".`]]]);
    const clause = made.sections[0]!.paragraphs[0]!.clauses[0]!;
    clause.formulas = ['one-china'];
    clause.quotes = [{ text: words, start: 11, end: 11 + words.length, cites: [source] }];
    return made;
  };
  const entry = (id: string, follows: string): RegistrySource => ({ id, label: id, url: 'https://example.org/', kind: 'wire', lang: 'en', follows, statements: [], position: { file: 'sources.yaml', line: 1, column: 1 } });
  const a = quoting('a-2024', '2024-01-01', 'an inalienable part of China', 'tass-a');
  const b = quoting('b-2025', '2025-01-01', 'an inalienable part of its territory', 'tass-b');
  const cellOf = (tracker: ReturnType<typeof trackFormulas>, id: string) => tracker.groups[0]!.rows[0]!.cells.find((cell) => cell.statementId === id)!;

  it('marks a wording changed only when both wordings follow the same translation', () => {
    const same = trackFormulas([a, b], formulas, topics, new Map([['tass-a', entry('tass-a', 'tass-en')], ['tass-b', entry('tass-b', 'tass-en')]]));
    expect(cellOf(same, 'b-2025').state).toBe('changed');
    const different = trackFormulas([a, b], formulas, topics, new Map([['tass-a', entry('tass-a', 'tass-en')], ['tass-b', entry('tass-b', 'xinhua-en')]]));
    expect(cellOf(different, 'b-2025').state).toBe('present');
  });

  it('tells a documented absence from a same-day statement and from "not documented"', () => {
    const silent = makeStatement('c-2026', '2026-01-01', [['other', ['Something else.']]]);
    expect(cellOf(trackFormulas([a, silent], formulas, topics), 'c-2026').state).toBe('undocumented');
    const documented: Statement = { ...silent, omissions: [{ key: 'taiwan', note: 'left out', source: 'x', position: { file: 'x', line: 1, column: 1 } }] };
    expect(cellOf(trackFormulas([a, documented], formulas, topics), 'c-2026').state).toBe('absent');
    // A documented change of the passage that leaves the formula out is evidence too.
    const changed: Statement = { ...silent, changes: [{ key: 'taiwan', note: 'reworded', source: 'x', position: { file: 'x', line: 1, column: 1 } }] };
    expect(cellOf(trackFormulas([a, changed], formulas, topics), 'c-2026').state).toBe('absent');
    const companion = quoting('c-2026-side', '2026-01-01', 'an inalienable part of China', 'tass-a');
    expect(cellOf(trackFormulas([a, silent, companion], formulas, topics), 'c-2026').state).toBe('same-day');
  });

  it('flags a formula dropped in the latest statement only where its absence is documented', () => {
    const silent = makeStatement('c-2026', '2026-01-01', [['other', ['Something else.']]]);
    const row = (statements: Statement[]) => trackFormulas(statements, formulas, topics).groups[0]!.rows[0]!;
    expect(row([a, silent]).droppedInLatest).toBe(false);
    const documented: Statement = { ...silent, omissions: [{ key: 'taiwan', note: 'left out', source: 'x', position: { file: 'x', line: 1, column: 1 } }] };
    expect(row([a, documented]).droppedInLatest).toBe(true);
    // New only where the older text is complete or a source says so.
    const before = makeStatement('z-2023', '2023-01-01', [['other', ['Something else.']]]);
    expect(row([before, a]).newInLatest).toBe(false);
    expect(row([{ ...before, complete: true }, a]).newInLatest).toBe(true);
  });
});
