import { beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { analyse } from '../../src/data/analysis.ts';
import { expandPattern, neighbour, searchRecords, versionsOf } from '../../src/lib/export/search-records.ts';
import { statement } from './statements.ts';
import type { AlignedPair, Clause, Statement } from '../../src/lib/model/types.ts';

// Built in the first test, not at load time, so that mutation testing sees which tests reach the code (see tests/unit/README.md).
let corpus!: Awaited<ReturnType<typeof loadCorpus>>;
let statements!: Statement[];
let records!: ReturnType<typeof searchRecords>;
let clauses!: Array<{ statement: Statement; clause: Clause }>;
let analysis!: ReturnType<typeof analyse>;
beforeEach(async () => {
  if (records) return;
  corpus = await loadCorpus('content');
  analysis = analyse(corpus);
  statements = analysis.series.flatMap((series) => series.statements);
  records = searchRecords({ statements, formulas: corpus.formulas, topics: corpus.topics, pairsOf: (older, newer) => analysis.comparison(older, newer)?.pairs });
  clauses = statements.flatMap((s) => s.sections.flatMap((section) => section.paragraphs.flatMap((p) => p.clauses.map((c) => ({ statement: s, clause: c })))));
});

describe('searchRecords()', () => {
  it('puts every clause in one record, linked to the clause on its reading page (or, unchanged in several, to its newest)', () => {
    expect(new Set(records.map((r) => r.url)).size).toBe(records.length);
    const recordOf = new Map(records.flatMap((record) => versionsOf(record.meta).map((version) => [`/statements/${version.statementId}/#${version.clause}`, record] as const)));
    expect(recordOf.size).toBe(clauses.length);
    for (const { statement, clause } of clauses) {
      const record = recordOf.get(`/statements/${statement.id}/#${clause.id}`);
      expect(record, `${statement.id}/${clause.id}`).toBeTruthy();
      expect(record!.content.startsWith(clause.text)).toBe(true);
      expect(record!.meta.words).toBe(String(clause.text.split(/\s+/).filter(Boolean).length));
      expect(record!.filters.statement).toContain(statement.id);
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

describe('searchRecords() change filter, on a hand-written pair', () => {
  const older = statement('2023-a', '2023-01-01', [['trade', ['Trade grows.']], ['energy', ['Gas flows.']], ['space', ['Rockets fly.']], ['art', ['Museums lend.']]]);
  const newer = statement('2024-b', '2024-01-01', [['energy', ['Gas flows.']], ['trade', ['Trade grows fast.']], ['art', ['Museums lend.']], ['sport', ['Teams play.']]]);
  // As the aligner would pair them: energy moved ahead of trade, trade reworded, art same, space dropped, sport added.
  const pairs: AlignedPair[] = [
    { kind: 'moved', from: ['energy.1'], to: ['energy.1'], score: 1 },
    { kind: 'reworded', from: ['trade.1'], to: ['trade.1'], score: 0.8 },
    { kind: 'dropped', from: ['space.1'], to: [], score: 0 },
    { kind: 'same', from: ['art.1'], to: ['art.1'], score: 1 },
    { kind: 'added', from: [], to: ['sport.1'], score: 0 },
  ];
  const found = searchRecords({ statements: [older, newer], formulas: [], topics: [], pairsOf: (a, b) => (a === '2023-a' && b === '2024-b' ? pairs : undefined) });
  const change = (url: string) => found.find((record) => record.url === url)!.filters.change;
  it('files each newer clause under how it changed from the previous statement', () => {
    expect(change('/statements/2024-b/#energy.1')).toEqual(['moved']);
    expect(change('/statements/2024-b/#trade.1')).toEqual(['reworded']);
    expect(change('/statements/2024-b/#art.1')).toEqual(['unchanged']);
    expect(change('/statements/2024-b/#sport.1')).toEqual(['new']);
  });
  it('files an older clause the next statement drops under dropped-next, and nothing else', () => {
    expect(change('/statements/2023-a/#space.1')).toEqual(['dropped-next']);
    expect(change('/statements/2023-a/#trade.1')).toEqual([]);
  });
});

describe('searchRecords() over versions, on three hand-written versions', () => {
  // "Fees" stands unchanged in all three; "use" is reworded in v2 and kept in v3.
  const v1 = statement('v1', '2021-01-01', [['use', ['Widgets may be used at home.']], ['fees', ['Fees are due monthly.']]]);
  const v2 = statement('v2', '2022-01-01', [['use', ['Widgets may be used at work.']], ['fees', ['Fees are due monthly.']]]);
  const v3 = statement('v3', '2023-01-01', [['use', ['Widgets may be used at work.']], ['fees', ['Fees are due monthly.']]]);
  const pairs: Record<string, AlignedPair[]> = {
    'v1 v2': [{ kind: 'reworded', from: ['use.1'], to: ['use.1'], score: 0.8 }, { kind: 'same', from: ['fees.1'], to: ['fees.1'], score: 1 }],
    'v2 v3': [{ kind: 'same', from: ['use.1'], to: ['use.1'], score: 1 }, { kind: 'same', from: ['fees.1'], to: ['fees.1'], score: 1 }]
  };
  const found = searchRecords({ statements: [v1, v2, v3], formulas: [], topics: [], pairsOf: (a, b) => pairs[`${a} ${b}`] });
  const fees = found.filter((record) => record.content.startsWith('Fees'));

  it('makes an unchanged clause one record naming the versions it stands in, linked to the newest', () => {
    // v1's has nothing to change from; v2 and v3 keep it: one record for both.
    expect(fees).toHaveLength(2);
    const kept = fees.find((record) => record.filters.change!.includes('unchanged'))!;
    expect(kept.url).toBe('/statements/v3/#fees.1');
    expect(versionsOf(kept.meta)).toEqual([
      { statementId: 'v3', statement: 'v3', date: '2023-01-01', clause: 'fees.1' },
      { statementId: 'v2', statement: 'v2', date: '2022-01-01', clause: 'fees.1' }
    ]);
    expect(kept.meta.date).toBe('2023-01-01');
    expect(kept.sort.date).toBe('2023-01-01');
  });

  it('keeps the filters true of every version it names: statement and year list them all, change is the same in each', () => {
    const kept = fees.find((record) => record.filters.change!.includes('unchanged'))!;
    expect(kept.filters.statement).toEqual(['v2', 'v3']);
    expect(kept.filters.year).toEqual(['2022', '2023']);
    expect(kept.filters.change).toEqual(['unchanged']);
    // The reworded "use" of v2 and the kept one of v3 differ in change: two records, one each.
    const use = found.filter((record) => record.content.startsWith('Widgets may be used at work'));
    expect(use.map((record) => [record.filters.statement, record.filters.change])).toEqual([[['v2'], ['reworded']], [['v3'], ['unchanged']]]);
    expect(found).toHaveLength(5);
  });

  it('reads a one-version record as its own statement', () => {
    const only = found.find((record) => record.url === '/statements/v1/#use.1')!;
    expect(only.meta.versions).toBeUndefined();
    expect(versionsOf(only.meta)).toEqual([{ statementId: 'v1', statement: 'v1', date: '2021-01-01', clause: 'use.1' }]);
  });

  it('never merges two clauses of one statement that say the same', () => {
    const twice = statement('v4', '2024-01-01', [['fees', ['Fees are due.', 'Fees are due.']]]);
    const both = searchRecords({ statements: [twice], formulas: [], topics: [], pairsOf: () => undefined });
    expect(both.map((record) => record.url)).toEqual(['/statements/v4/#fees.1', '/statements/v4/#fees.2']);
  });
});

describe('neighbour()', () => {
  // A series written out here, so that a statement added to the corpus later changes nothing.
  const make = (id: string, date: string, kind: string) => ({ ...statement(id, date, []), kind });
  const series = [make('2023-b', '2023-03-21', 'joint-statement'), make('2024-c', '2024-05-16', 'joint-statement'), make('2025-s', '2025-05-08', 'strategic-stability'), make('2025-d', '2025-05-08', 'joint-statement'), make('2026-s', '2026-01-10', 'strategic-stability')];
  const byId = (id: string) => series.find((s) => s.id === id)!;
  it('skips statements of the same date and prefers the same kind', () => {
    expect(neighbour(byId('2025-d'), series, 'previous')?.id).toBe('2024-c');
    expect(neighbour(byId('2024-c'), series, 'next')?.id).toBe('2025-d');
    expect(neighbour(byId('2025-s'), series, 'previous')?.id).toBe('2024-c');
  });
  it('falls back to another kind, and has no neighbour past either end', () => {
    expect(neighbour(byId('2025-d'), series, 'next')?.id).toBe('2026-s');
    expect(neighbour(byId('2026-s'), series, 'next')).toBeUndefined();
    expect(neighbour(byId('2023-b'), series, 'previous')).toBeUndefined();
  });
  it('gives the latest statement of each corpus series no next', () => {
    for (const entry of analysis.series) {
      const latest = entry.statements.reduce((a, b) => (b.date > a.date ? b : a));
      expect(neighbour(latest, statements, 'next'), latest.id).toBeUndefined();
    }
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
