/**
 * Full-text structure on the compare page (issue 15), on the invented fixture
 * tests/fixtures/structure: two versions of a service's terms written so that each structure
 * has one known answer.
 *
 *   heading "2. Fees" gained three words            → a Changed row (reworded) at the section head
 *   the bold line "Cancellation" became "### …"     → one Moved row at the head, no Dropped row
 *   "### Cancellation" is a sub-section of "2. …"   → level 3, parent fees
 *   address and date lines with no word in common    → reworded rows (by their place)
 *   "**Opt out.** You can …"                         → one clause
 *   ¶ buyers (4 sentences) → ¶ buyers + ¶ refused    → one Split row, the break marked ¶
 */
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { analyse, type CompareRow } from '../../src/data/analysis.ts';
import { align } from '../../src/lib/align/align.ts';
import { paragraphGroups } from '../../src/lib/align/paragraph-groups.ts';
import { clausesOf } from '../../src/lib/model/statement.ts';
import type { Statement } from '../../src/lib/model/types.ts';
import { withRows } from '../../src/lib/analyse/compare-headings.ts';
import { fixturesDir } from './fixtures.ts';

// Built afresh before each test, not at load time, so that mutation testing sees which
// tests reach the code (tests/unit/README.md).
async function setup() {
  const corpus = await loadCorpus(join(fixturesDir, 'structure'));
  const comparison = analyse(corpus).comparison('2023-terms', '2024-terms')!;
  const rows = comparison.sections.flatMap((section) => section.rows);
  return { corpus, comparison, rows };
}
type Fixture = Awaited<ReturnType<typeof setup>>;
let corpus!: Fixture['corpus'];
let comparison!: Fixture['comparison'];
let rows!: Fixture['rows'];
beforeEach(async () => {
  ({ corpus, comparison, rows } = await setup());
});
const section = (key: string) => comparison.sections.find((s) => s.key === key)!;
const inserted = (row: CompareRow) => row.newer.filter((part) => part.op === 'insert').map((part) => part.text);
const deleted = (row: CompareRow) => row.older.filter((part) => part.op === 'delete').map((part) => part.text);
const statement = (id: string) => corpus.statements.find((s) => s.id === id)!;

describe('fixture structure', () => {
  it('loads without diagnostics', () => {
    expect(corpus.diagnostics).toEqual([]);
  });

  it('a renamed heading is a Changed (reworded) row at the head of its section, with its word diff', () => {
    const head = section('fees').rows[0]!;
    expect([head.kind, head.shape, head.heading?.change]).toEqual(['changed', 'reworded', 'reworded']);
    expect(head.from.map((c) => c.text)).toEqual(['2. Fees']);
    expect(head.to.map((c) => c.text)).toEqual(['2. Fees, taxes and refunds']);
    expect(inserted(head)).toEqual([', taxes and refunds']);
    // The unchanged headings have no row.
    expect(section('using').rows.some((row) => row.heading)).toBe(false);
    expect(section('contact').rows.some((row) => row.heading)).toBe(false);
  });

  it('a bold line that became a ### heading is one Moved row at the head of the sub-section, not Dropped', () => {
    const head = section('cancellation').rows[0]!;
    expect([head.shape, head.heading?.change]).toEqual(['moved', 'became-heading']);
    expect(head.from.map((c) => c.id)).toEqual(['cancellation-line.1']);
    expect(rows.filter((row) => row.kind === 'dropped')).toEqual([]);
    // Links to the older line's row land on the heading row.
    expect(head.anchors).toContain('cancellation-line.1');
  });

  it('a sub-heading keeps its level and knows its parent', () => {
    const sub = statement('2024-terms').sections.find((s) => s.key === 'cancellation')!;
    expect([sub.level, sub.parent]).toEqual([3, 'fees']);
    expect(statement('2024-terms').sections.find((s) => s.key === 'fees')!.level).toBe(2);
    expect(section('cancellation').level).toBe(3);
  });

  it('an address line and a date line that share no word pair as reworded by their place', () => {
    const address = rows.find((row) => row.to[0]?.id === 'address.1')!;
    expect([address.shape, address.from.map((c) => c.id)]).toEqual(['reworded', ['address.1']]);
    expect(deleted(address)).toEqual(['Lumen Lamps Ltd, 4 Copper Lane, Eastwick']);
    const date = rows.find((row) => row.to[0]?.id === 'updated.1')!;
    expect([date.shape, date.from.map((c) => c.id)]).toEqual(['reworded', ['updated.1']]);
  });

  it('a bold lead-in stays with its first clause', () => {
    const optOut = statement('2023-terms').sections[0]!.paragraphs.find((p) => p.key === 'opt-out')!;
    expect(optOut.clauses.map((c) => c.text)).toEqual(['Opt out. You can ask us at any time to stop sending you the monthly newsletter.']);
  });

  it('a paragraph whose sentences go to two paragraphs is one Split row, the new break marked', () => {
    const split = rows.filter((row) => row.group);
    expect(split).toHaveLength(1);
    const row = split[0]!;
    expect([row.kind, row.shape, row.group?.older, row.group?.newer]).toEqual(['changed', 'split', ['buyers'], ['buyers', 'refused']]);
    expect(row.to.map((c) => c.id)).toEqual(['buyers.1', 'buyers.2', 'refused.1', 'refused.2']);
    expect(inserted(row)).toEqual(['¶']);
    // Its clauses have no other row, and every link to them lands on it.
    expect(rows.filter((other) => other !== row && other.to.some((c) => c.paragraphKey === 'refused'))).toEqual([]);
    expect([row.id, ...row.anchors]).toEqual(expect.arrayContaining(['refused.1', 'refused', 'buyers.3', 'buyers.4']));
  });

  it('is no group when the paragraph also lost a sentence (then each row shows its own change)', () => {
    const older = clausesOf(statement('2023-terms'));
    const newer = clausesOf(statement('2024-terms')).filter((clause) => clause.id !== 'refused.2');
    const pairs = align(older, newer);
    expect(pairs.some((pair) => pair.kind === 'dropped' && pair.from[0] === 'buyers.4')).toBe(true);
    expect(paragraphGroups(pairs, older, newer)).toEqual([]);
  });

  it('the reverse is a merge', () => {
    const newer = clausesOf(statement('2024-terms'));
    const older = clausesOf(statement('2023-terms'));
    const groups = paragraphGroups(align(newer, older), newer, older);
    expect(groups.map((g) => [g.kind, g.older, g.newer])).toEqual([['merged', ['buyers', 'refused'], ['buyers']]]);
  });

  it('the summary counts the rows the page shows', () => {
    expect(comparison.report.counts).toEqual({ kept: 7, changed: 5, dropped: 0, added: 0, 'moved-to': 0, undocumented: 0 });
  });

  it('counts heading and group rows in the section figures', () => {
    expect([section('fees').changed, section('fees').total]).toEqual([1, 3]);
    expect([section('using').changed, section('using').total]).toEqual([1, 3]);
  });
});

describe('digest editions show no heading or paragraph-group rows', () => {
  const digest = (s: Statement): Statement => ({ ...s, edition: 'digest' });
  it('the same fixture as digests has no heading row and no group row', () => {
    const asDigest = analyse({ ...corpus, statements: corpus.statements.map(digest) }).comparison('2023-terms', '2024-terms')!;
    const all = asDigest.sections.flatMap((s) => s.rows);
    expect(all.filter((row) => row.heading || row.group)).toEqual([]);
    // The line that became a heading is the aligner's dropped row there, as before.
    expect(all.some((row) => row.shape === 'dropped' && row.from[0]?.id === 'cancellation-line.1')).toBe(true);
  });

  it('the shipped digest corpus has none either', async () => {
    const shipped = analyse(await loadCorpus(new URL('../../content/', import.meta.url).pathname));
    const all = shipped.series.flatMap((s) => s.pairs.flatMap((pair) => shipped.comparison(pair.older.id, pair.newer.id)!.sections.flatMap((sec) => sec.rows)));
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((row) => row.heading || row.group)).toEqual([]);
  }, 120_000);
});

describe('withRows', () => {
  it('keeps the sections with rows and the parts above them', () => {
    const sections = [
      { key: 'a', rows: [] },
      { key: 'b', parent: 'a', rows: [] },
      { key: 'c', parent: 'b', rows: ['row'] },
      { key: 'd', rows: [] },
      { key: 'e', parent: 'd', rows: [] },
    ];
    expect(withRows(sections).map((section) => section.key)).toEqual(['a', 'b', 'c']);
  });
});

describe('the preamble', () => {
  it('has no heading of its own to compare: text before the first heading in one version only is no heading change', async () => {
    const { parseStatement } = await import('../../src/lib/content/parse.ts');
    const file = (id: string, date: string, body: string) => parseStatement({ path: `statements/${id}.md`, text: `---\ntitle: T ${id}\nshortTitle: ${id}\ndate: ${date}\nplace: Online\nseries: lumen-terms\nkind: treaty\nedition: full\nsources:\n  - label: Invented test text\n    url: https://example.org/${id}\n---\n${body}` }, { today: '2026-01-01' }).statement!;
    const older = file('v1', '2023-01-01', 'Welcome to the lamp shop. {#welcome}\n\n## Fees {#fees}\n\nPrices include delivery. {#prices}\n');
    const newer = file('v2', '2024-01-01', '## Fees {#fees}\n\nPrices include delivery. {#prices}\n');
    expect(older.sections.map((s) => [s.key, s.headingText])).toEqual([['preamble', undefined], ['fees', 'Fees']]);
    const shown = analyse({ ...corpus, statements: [older, newer] }).comparison('v1', 'v2')!;
    expect(shown.sections.flatMap((s) => s.rows).filter((row) => row.heading)).toEqual([]);
  });
});
