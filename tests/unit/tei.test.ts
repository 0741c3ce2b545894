import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { align } from '../../src/lib/align/align.ts';
import { clausesOf, linkedPairs } from '../../src/lib/analyse/graph.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { toTei } from '../../src/lib/export/tei.ts';
import { readConcordance } from '../../src/lib/content/concordance.ts';
import type { Alignment, Statement } from '../../src/lib/model/types.ts';
import { fixturesDir } from './fixtures.ts';
import { elements, parseXml, textContent, type XmlElement } from './xml.ts';

// Built afresh before each test, not at load time, so that mutation testing sees which
// tests reach the code (tests/unit/README.md).
async function setup() {
  const corpus = await loadCorpus(join(fixturesDir, 'series-b'));
  const series = corpus.series[0]!;
  return { corpus, series };
}
type Fixture = Awaited<ReturnType<typeof setup>>;
let corpus!: Fixture['corpus'];
let series!: Fixture['series'];
beforeEach(async () => {
  ({ corpus, series } = await setup());
});

function tei(statements: Statement[]): string {
  const byId = new Map(statements.map((statement) => [statement.id, statement]));
  const alignments: Alignment[] = linkedPairs(statements).map(([older, newer]) => ({
    older,
    newer,
    pairs: align(clausesOf(byId.get(older)!), clausesOf(byId.get(newer)!), { formulas: corpus.formulas })
  }));
  return toTei(series, statements, alignments);
}

describe('toTei', () => {
  // Built afresh before each test, not at load time (tests/unit/README.md).
  function setup() {
    const root = parseXml(tei(corpus.statements));
    const apps = elements(root, 'app');
    const witnesses = elements(root, 'witness').map((witness) => witness.attrs['xml:id']);
    return { root, apps, witnesses };
  }
  type Fixture = ReturnType<typeof setup>;
  let root!: Fixture['root'];
  let apps!: Fixture['apps'];
  let witnesses!: Fixture['witnesses'];
  beforeEach(() => {
    ({ root, apps, witnesses } = setup());
  });

  it('toTei(series, statements, alignments) is well-formed TEI with a witness per statement', () => {
    expect(root.name).toBe('TEI');
    expect(root.attrs.xmlns).toBe('http://www.tei-c.org/ns/1.0');
    expect(witnesses).toEqual(['w-2019-velm', 'w-2021-corra', 'w-2023-velm']);
    expect(elements(root, 'variantEncoding')[0]?.attrs.method).toBe('parallel-segmentation');
  });
  it('toTei gives an app one rdg per witness of its span, in order, and none outside it', () => {
    for (const app of apps) {
      const named = elements(app, 'rdg').map((rdg) => rdg.attrs.wit);
      // A contiguous run of the witnesses, starting and ending with a reading (no documented omissions in series-b).
      const start = witnesses.indexOf(named[0]!.slice(1));
      expect(named).toEqual(witnesses.slice(start, start + named.length).map((id) => `#${id}`));
      expect(elements(app, 'rdg')[0]!.children.length).toBeGreaterThan(0);
      expect(elements(app, 'rdg').at(-1)!.children.length).toBeGreaterThan(0);
    }
    const oneRiver = apps.find((app) => textContent(app).includes('one river, one future'))!;
    expect(elements(oneRiver, 'rdg').map((rdg) => rdg.attrs.wit)).toEqual(['#w-2023-velm']);
    const customs = apps.find((app) => textContent(app).includes('customs post'))!;
    expect(elements(customs, 'rdg').map((rdg) => [rdg.attrs.wit, elements(rdg, 'seg').length])).toEqual([
      ['#w-2021-corra', 1],
      ['#w-2023-velm', 1]
    ]);
    const relations = apps.find((app) => textContent(app).includes('describe their relations'))!;
    expect(elements(relations, 'rdg').map((rdg) => elements(rdg, 'seg').length)).toEqual([1, 1, 1]);
    // The header says what a witness an app does not name means.
    expect(textContent(elements(root, 'editorialDecl')[0]!)).toMatch(/does not name lies outside that span/);
  });
  it('toTei puts every clause in exactly one seg', () => {
    const segs = elements(root, 'seg').map((seg) => seg.attrs['xml:id']);
    const expected = corpus.statements.flatMap((statement) => clausesOf(statement).map((clause) => `${statement.id}.${clause.id}`));
    expect(new Set(segs).size).toBe(segs.length);
    expect([...segs].sort()).toEqual(expected.map((id) => (/^\d/.test(id) ? `s${id}` : id)).sort());
  });
  it('toTei escapes markup characters in text and attributes', () => {
    const [first, ...rest] = corpus.statements;
    const tricky = structuredClone(first!);
    tricky.title = 'A & B <"quoted"> title';
    tricky.sections[0]!.paragraphs[0]!.clauses[0]!.text = 'Rivers & <roads> "shared" \u0001now';
    const parsed = parseXml(tei([tricky, ...rest]));
    expect(textContent(elements(parsed, 'witness')[0]!)).toContain('A & B <"quoted"> title');
    expect(elements(parsed, 'seg').map(textContent)).toContain('Rivers & <roads> "shared" now');
  });
  it('toTei exports the concordance as links between paragraphs that point at ids in the document', () => {
    const concordance = readConcordance({ path: 'concordance.yaml', text: '- older: 2021-corra\n  newer: 2023-velm\n  pairs:\n    - [lorn-water, one-river]\n    - [lorn-fisheries, one-river]\n' }).concordance;
    const parsed = parseXml(toTei(series, corpus.statements, [], concordance));
    const ids = new Set<string>();
    const collect = (element: XmlElement): void => {
      if (element.attrs['xml:id']) ids.add(element.attrs['xml:id']);
      for (const child of element.children) if (typeof child !== 'string') collect(child);
    };
    collect(parsed);
    const links = elements(parsed, 'link');
    expect(links.map((link) => link.attrs.type)).toEqual(['continues', 'continues']);
    for (const link of links) {
      const targets = (link.attrs.target ?? '').split(' ');
      expect(targets).toHaveLength(2);
      for (const target of targets) expect(ids.has(target.slice(1)), target).toBe(true);
    }
    // A paragraph of several clauses is one join of its segs; one of a single clause is its seg.
    const joins = elements(parsed, 'join');
    expect(joins.map((join) => join.attrs['xml:id'])).toEqual(['p-2021-corra.lorn-fisheries']);
    expect(joins[0]?.attrs.target).toBe('#s2021-corra.lorn-fisheries.1 #s2021-corra.lorn-fisheries.2');
    for (const target of (joins[0]?.attrs.target ?? '').split(' ')) expect(ids.has(target.slice(1))).toBe(true);
    expect(links[1]?.attrs.target).toBe('#p-2021-corra.lorn-fisheries #s2023-velm.one-river.1');
    expect(elements(parsed, 'linkGrp')[0]?.attrs.type).toBe('concordance');
    // Without a concordance there is no link group.
    expect(elements(parseXml(toTei(series, corpus.statements, [])), 'linkGrp')).toHaveLength(0);
  });
});

describe('toTei with the source registry', () => {
  // series-b quotes "one river, one future"; bind its footnote to an invented witness.
  // Built afresh before each test, not at load time (tests/unit/README.md).
  function setupRegistry() {
    const statements = corpus.statements;
    const quoting = statements.flatMap((statement) => clausesOf(statement).filter((clause) => clause.quotes.length > 0).map((clause) => ({ statement, clause })))[0]!;
    const label = quoting.clause.quotes[0]!.cites[0]!;
    const registry = [{ id: label, label: 'Invented wire', url: 'https://example.org/wire', kind: 'wire' as const, lang: 'en', follows: 'wire-en', statements: [quoting.statement.id], position: { file: 'sources.yaml', line: 1, column: 1 } }];
    const byId = new Map(statements.map((statement) => [statement.id, statement]));
    const alignments: Alignment[] = linkedPairs(statements).map(([older, newer]) => ({ older, newer, pairs: align(clausesOf(byId.get(older)!), clausesOf(byId.get(newer)!), { formulas: corpus.formulas }) }));
    const root = parseXml(toTei(series, statements, alignments, [], registry));
    return { statements, quoting, label, registry, byId, alignments, root };
  }
  type FixtureRegistry = ReturnType<typeof setupRegistry>;
  let statements!: FixtureRegistry['statements'];
  let quoting!: FixtureRegistry['quoting'];
  let label!: FixtureRegistry['label'];
  let registry!: FixtureRegistry['registry'];
  let byId!: FixtureRegistry['byId'];
  let alignments!: FixtureRegistry['alignments'];
  let root!: FixtureRegistry['root'];
  beforeEach(() => {
    ({ statements, quoting, label, registry, byId, alignments, root } = setupRegistry());
  });

  it('binds each quote to its witness in the listBibl', () => {
    const bibl = elements(root, 'bibl');
    expect(bibl.map((entry) => [entry.attrs['xml:id'], entry.attrs.type, entry.attrs.n])).toEqual([[`s-${label}`, 'wire', 'wire-en']]);
    const quote = elements(root, 'quote').find((element) => textContent(element) === `"${quoting.clause.quotes[0]!.text}"`);
    expect(quote?.attrs.source).toBe(`#s-${label}`);
  });

  it('says why a reading is empty: absent from a complete text, not documented in a digest', () => {
    // The railway joined 2019 to 2023 directly: 2021 lies inside the span and lacks it.
    const railway: Alignment[] = [{ older: '2019-velm', newer: '2023-velm', pairs: [{ kind: 'reworded', from: ['railway.1'], to: ['railway.1'], score: 0.9 }] }];
    const gap = (complete: boolean) => {
      const middle = structuredClone(byId.get('2021-corra')!);
      middle.complete = complete;
      const parsed = parseXml(toTei(series, [byId.get('2019-velm')!, middle, byId.get('2023-velm')!], railway, [], registry));
      const app = elements(parsed, 'app').find((candidate) => elements(candidate, 'seg').some((seg) => seg.attrs['xml:id'] === 's2019-velm.railway.1'))!;
      return elements(app, 'rdg').map((rdg) => [rdg.attrs.wit, rdg.attrs.cause ?? elements(rdg, 'seg').length]);
    };
    expect(gap(true)).toEqual([
      ['#w-2019-velm', 1],
      ['#w-2021-corra', 'absent'],
      ['#w-2023-velm', 1]
    ]);
    expect(gap(false)[1]).toEqual(['#w-2021-corra', 'not-documented']);
  });

  it('gives a later witness that a source says leaves the unit out an empty reading, outside the span too', () => {
    const later = structuredClone(byId.get('2023-velm')!);
    later.complete = false;
    later.omissions = [{ key: 'tariffs', note: 'The tariff provision is left out.', source: label, position: { file: 'x.md', line: 1, column: 1 } }];
    // No alignments: each clause is a unit of its own, so 2019's tariffs stands alone.
    const parsed = parseXml(toTei(series, [byId.get('2019-velm')!, byId.get('2021-corra')!, later], [], [], registry));
    const app = elements(parsed, 'app').find((candidate) => elements(candidate, 'seg').some((seg) => seg.attrs['xml:id'] === 's2019-velm.tariffs.1'))!;
    expect(elements(app, 'rdg').map((rdg) => [rdg.attrs.wit, rdg.attrs.cause ?? 'reading'])).toEqual([
      ['#w-2019-velm', 'reading'],
      ['#w-2023-velm', 'documented-omission']
    ]);
    // Without the omission, a witness past the span is not named.
    const plain = parseXml(toTei(series, [byId.get('2019-velm')!, byId.get('2021-corra')!, byId.get('2023-velm')!], [], [], registry));
    const alone = elements(plain, 'app').find((candidate) => elements(candidate, 'seg').some((seg) => seg.attrs['xml:id'] === 's2019-velm.tariffs.1'))!;
    expect(elements(alone, 'rdg').map((rdg) => rdg.attrs.wit)).toEqual(['#w-2019-velm']);
  });
});
