import { describe, expect, it } from 'vitest';
import { findPhrase, phraseKey, trackFormulas } from '../../src/view/tracker.ts';
import { latestPair, mainLine } from '../../src/view/series.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { clausesOf } from '../../src/lib/model/statement.ts';
import type { Formula, Statement, Topic } from '../../src/lib/model/types.ts';
import { statement } from './statements.ts';

const corpus = await loadCorpus(process.env.CONTENT_DIR ?? 'content');

describe('trackFormulas', () => {
  for (const series of corpus.series) {
    const statements = corpus.statements.filter((s) => s.series === series.id);
    const tracker = trackFormulas(statements, corpus.formulas, corpus.topics);

    it(`trackFormulas(${series.id}) has one cell per statement, in date order`, () => {
      const dates = tracker.statements.map((s) => s.date);
      expect([...dates].sort()).toEqual(dates);
      for (const group of tracker.groups) for (const row of group.rows) expect(row.cells.map((c) => c.statementId)).toEqual(tracker.statements.map((s) => s.id));
    });

    it(`trackFormulas(${series.id}) agrees with the clause tags`, () => {
      for (const group of tracker.groups) {
        for (const row of group.rows) {
          for (const cell of row.cells) {
            const statement = statements.find((s) => s.id === cell.statementId)!;
            const tagged = clausesOf(statement).filter((c) => c.formulas.includes(row.formula.id));
            expect(cell.occurrences.map((o) => o.clauseId)).toEqual(tagged.map((c) => c.id));
            expect(cell.state === 'absent').toBe(tagged.length === 0);
          }
          expect(row.count).toBe(row.cells.filter((c) => c.state !== 'absent').length);
          expect(row.first).toBe(row.cells.find((c) => c.state !== 'absent')?.statementId);
        }
      }
      const seen = tracker.groups.flatMap((g) => g.rows).length;
      expect(seen + tracker.unseen.length).toBe(corpus.formulas.length);
    });
  }
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
  // Clauses tagged by hand with the formulas their text holds.
  const tagged = (id: string, date: string, texts: Array<[string, string[]]>): Statement => {
    const built = statement(id, date, texts.map(([text], k) => [`p${k + 1}`, [text]]));
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
