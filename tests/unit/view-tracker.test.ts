import { describe, expect, it } from 'vitest';
import { findPhrase, phraseKey, trackFormulas } from '../../src/view/tracker.ts';
import { latestPair, mainLine } from '../../src/view/series.ts';
import { loadCorpus } from '../../src/data/load.ts';

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
            const tagged = statement.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.clauses)).filter((c) => c.formulas.includes(row.formula.id));
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

    it(`trackFormulas(${series.id}) flags formulas dropped and new in the latest statement of the main line`, () => {
      const pair = latestPair(statements)!;
      expect(tracker.latest).toEqual({ older: pair.older.id, newer: pair.newer.id });
      for (const row of tracker.groups.flatMap((g) => g.rows)) {
        const state = (id: string) => row.cells.find((c) => c.statementId === id)!.state;
        expect(row.droppedInLatest).toBe(state(pair.older.id) !== 'absent' && state(pair.newer.id) === 'absent');
        expect(row.newInLatest).toBe(state(pair.older.id) === 'absent' && state(pair.newer.id) !== 'absent');
      }
    });
  }
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
