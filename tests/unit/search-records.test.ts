import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { analyse } from '../../src/data/analysis.ts';
import { expandPattern, neighbour, searchRecords } from '../../src/lib/export/search-records.ts';

const corpus = await loadCorpus('content');
const analysis = analyse(corpus);
const statements = analysis.series.flatMap((series) => series.statements);
const records = searchRecords({ statements, formulas: corpus.formulas, topics: corpus.topics, pairsOf: (older, newer) => analysis.comparison(older, newer)?.pairs });
const clauses = statements.flatMap((s) => s.sections.flatMap((section) => section.paragraphs.flatMap((p) => p.clauses.map((c) => ({ statement: s, clause: c })))));

describe('searchRecords()', () => {
  it('makes one record per clause, linked to the clause on its reading page', () => {
    expect(records.length).toBe(clauses.length);
    expect(new Set(records.map((r) => r.url)).size).toBe(records.length);
    for (const [at, { statement, clause }] of clauses.entries()) {
      expect(records[at]!.url).toBe(`/statements/${statement.id}/#${clause.id}`);
      expect(records[at]!.content.startsWith(clause.text)).toBe(true);
      expect(records[at]!.meta.words).toBe(String(clause.text.split(/\s+/).filter(Boolean).length));
    }
  });

  it('indexes the documented variants of a clause’s formulas ("no alliance" with "non-alignment")', () => {
    const record = records.find((r) => r.filters.formula!.includes('non-alignment') && !/no alliance/i.test(r.content.split('\n')[0]!));
    expect(record, 'a clause with non-alignment worded otherwise').toBeTruthy();
    expect(record!.content.toLowerCase()).toContain('no alliance');
  });

  it('carries no searchable title, so a section heading never outranks the clauses that say the word', () => {
    for (const record of records) {
      expect(record.meta.title).toBeUndefined();
      expect(record.sort.date).toBe(record.meta.date);
    }
    const nature = records.filter((r) => r.meta.key === 'relations-nature');
    expect(nature.length).toBeGreaterThan(1);
    expect(new Set(nature.map((r) => r.meta.series)).size).toBe(1);
  });

  it('files each clause under statement, year, series, topic, formula and change', () => {
    for (const record of records) {
      expect(Object.keys(record.filters).sort()).toEqual(['change', 'formula', 'series', 'statement', 'topic', 'year']);
      expect(record.filters.year![0]).toBe(record.meta.date!.slice(0, 4));
    }
    const changes = new Set(records.flatMap((r) => r.filters.change!));
    for (const value of ['unchanged', 'reworded', 'new', 'dropped-next']) expect(changes).toContain(value);
    // The first statement of a series has nothing to change from.
    expect(records.filter((r) => r.filters.statement![0] === statements[0]!.id).every((r) => r.filters.change!.every((c) => c === 'dropped-next'))).toBe(true);
  });

  it('tells change by evidence when it has it: Taiwan 2025 is kept, and a provision no 2024 source shows is not documented, never new', () => {
    const byEvidence = searchRecords({ statements, formulas: corpus.formulas, topics: corpus.topics, pairsOf: (older, newer) => analysis.comparison(older, newer)?.pairs, evidenceOf: (older, newer) => analysis.comparison(older, newer)?.evidence });
    const change = (url: string) => byEvidence.find((record) => record.url === url)!.filters.change;
    // The aligner alone calls it reworded; the wordings are our paraphrase (2024) and TASS (2025).
    expect(change('/statements/2025-moscow/#taiwan-one-china.1')).toEqual(['unchanged']);
    expect(records.find((record) => record.url === '/statements/2025-moscow/#taiwan-one-china.1')!.filters.change).toEqual(['reworded']);
    const values = new Set(byEvidence.filter((record) => record.filters.statement![0] === '2025-moscow').flatMap((record) => record.filters.change!));
    expect(values.has('undocumented')).toBe(true);
    expect(values.has('new')).toBe(false);
  });
});

describe('neighbour()', () => {
  it('skips statements of the same date and prefers the same kind', () => {
    const byId = (id: string) => statements.find((s) => s.id === id)!;
    expect(neighbour(byId('2025-moscow'), statements, 'previous')?.id).toBe('2024-beijing');
    expect(neighbour(byId('2024-beijing'), statements, 'next')?.id).toBe('2025-moscow');
    expect(neighbour(byId('2025-moscow'), statements, 'next')).toBeUndefined();
  });
});

describe('expandPattern()', () => {
  it('spells the alternatives of a simple pattern', () => {
    expect(expandPattern('\\bno alliance,? (?:and )?no confrontation')).toEqual(['no alliance, and no confrontation', 'no alliance, no confrontation']);
    expect(expandPattern('one[-‑ ]china (?:principle|policy)')).toEqual(['one china principle', 'one china policy']);
  });

  it('gives nothing for stems (\\w*) and open repetition', () => {
    expect(expandPattern('fan\\w* the flames')).toEqual([]);
    expect(expandPattern('a+b')).toEqual([]);
  });
});
