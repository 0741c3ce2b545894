import { beforeEach, describe, expect, it } from 'vitest';
import { anchorPage, quoteLabel, reportPair } from '../../src/lib/analyse/report.ts';
import type { AlignedPair, Clause, Formula, Statement, Topic } from '../../src/lib/model/types.ts';

type Spec = { key: string; text: string; formulas?: string[]; topics?: string[] };

/** A statement of one section, one clause per paragraph. */
function statement(id: string, shortTitle: string, date: string, specs: Spec[]): Statement {
  return {
    id, title: id, shortTitle, date, place: 'Moscow', series: 'test', kind: 'joint-statement', edition: 'full', complete: true, sources: [], file: `statements/${id}.md`, footnotes: [],
    sections: [{
      key: 'main', heading: 'Main', placement: 'inferred', complete: false, position: { file: id, line: 1, column: 1 },
      paragraphs: specs.map((spec) => ({
        key: spec.key, explicitKey: true, position: { file: id, line: 1, column: 1 },
        clauses: [{ id: `${spec.key}.1`, statementId: id, sectionKey: 'main', paragraphKey: spec.key, index: 0, text: spec.text, html: spec.text, footnotes: [], topics: spec.topics ?? [], formulas: spec.formulas ?? [], quotes: [], position: { file: id, line: 1, column: 1 } } satisfies Clause]
      }))
    }]
  };
}

const formulas: Formula[] = [
  { id: 'no-alliance', label: 'Non-alignment, non-confrontation (the "no alliance" element)', topic: 'partnership', patterns: [] },
  { id: 'best-level', label: 'Relations at the best level in history', topic: 'partnership', patterns: [] },
  { id: 'victory', label: 'Defend the outcomes of the Second World War', topic: 'history', patterns: [] }
];
const topics: Topic[] = [
  { id: 'partnership', label: 'The partnership', description: '', cues: [] },
  { id: 'history', label: 'History', description: '', cues: [] },
  { id: 'trade', label: 'Trade', description: '', cues: [] }
];
const y2022 = statement('2022-beijing', 'Beijing 2022', '2022-02-04', [{ key: 'level', text: 'Best level.', formulas: ['best-level'] }]);
const y2023 = statement('2023-moscow', 'Moscow 2023', '2023-03-21', [
  { key: 'nature', text: 'Not an alliance.', formulas: ['no-alliance'], topics: ['partnership'] },
  { key: 'level', text: 'Best level.', formulas: ['best-level'] }
]);
const y2024 = statement('2024-beijing', 'Beijing 2024', '2024-05-16', [
  { key: 'nature', text: 'Not an alliance, not against third parties.', formulas: ['no-alliance'], topics: ['partnership'] },
  { key: 'level', text: 'Best level.', formulas: ['best-level'] },
  { key: 'grain', text: 'Grain trade.', topics: ['trade'] },
  { key: 'banks', text: 'Bank links.', topics: ['trade'] }
]);
const y2025 = statement('2025-moscow', 'Moscow 2025', '2025-05-08', [
  { key: 'victory', text: 'Defend the victory.', formulas: ['victory'], topics: ['history'] },
  { key: 'level', text: 'Best level ever.', formulas: ['best-level'] },
  { key: 'nature', text: 'A partnership of a new kind.', topics: ['partnership'] }
]);
const pairs: AlignedPair[] = [
  { kind: 'added', from: [], to: ['victory.1'], score: 0 },
  { kind: 'reworded', from: ['level.1'], to: ['level.1'], score: 0.8 },
  { kind: 'reworded', from: ['nature.1'], to: ['nature.1'], score: 0.4 },
  { kind: 'dropped', from: ['grain.1'], to: [], score: 0 },
  { kind: 'dropped', from: ['banks.1'], to: [], score: 0 }
];

describe('reportPair', () => {
  // Built afresh before each test, not at load time (tests/unit/README.md).
  function setup() {
    const report = reportPair(y2024, y2025, pairs, formulas, topics, [y2022, y2023, y2024]);
    return { report };
  }
  type Fixture = ReturnType<typeof setup>;
  let report!: Fixture['report'];
  beforeEach(() => {
    ({ report } = setup());
  });

  it('reportPair(older, newer, pairs) counts pairs by kind, every kind present', () => {
    // Full texts: every difference is evidence, so the reworded pairs are changes and the unpaired clauses real drops and additions.
    expect(report.counts).toEqual({ kept: 0, changed: 2, dropped: 2, added: 1, 'moved-to': 0, undocumented: 0 });
    expect(report.alignerCounts).toEqual({ same: 0, reworded: 2, moved: 0, split: 0, merged: 0, dropped: 2, added: 1 });
    expect(report.older).toBe('2024-beijing');
    expect(report.newer).toBe('2025-moscow');
  });

  it('reportPair(older, newer, pairs) lists formulas dropped, introduced and kept, in lexicon order', () => {
    expect(report.formulas).toEqual({ dropped: ['no-alliance'], introduced: ['victory'], kept: ['best-level'], movedTo: [], undocumentedNewer: [], undocumentedOlder: [] });
    // Each links to the row that is its evidence.
    expect(report.formulaAnchors).toEqual({ 'no-alliance': 'nature.1', victory: 'victory.1' });
  });

  it('reportPair(older, newer, pairs) counts dropped, added and changed clauses per topic, in taxonomy order', () => {
    expect(report.topics).toEqual([
      { topic: 'partnership', dropped: 0, added: 0, changed: 1 },
      { topic: 'history', dropped: 0, added: 1, changed: 0 },
      { topic: 'trade', dropped: 2, added: 0, changed: 0 }
    ]);
  });

  it('reportPair(older, newer, pairs) heads with a dropped formula, saying since when and pointing to its row', () => {
    const [first] = report.headlines;
    expect(first).toEqual({
      text: 'Moscow 2025 drops the formula “Non-alignment, non-confrontation (the ‘no alliance’ element)”, present since Moscow 2023.',
      weight: expect.any(Number),
      anchor: 'nature.1',
      formula: 'no-alliance',
      basis: 'full-text'
    });
  });

  it('reportPair(older, newer, pairs) says when an introduced formula is new to the series', () => {
    const introduced = report.headlines.find((headline) => headline.formula === 'victory');
    expect(introduced?.text).toBe('Moscow 2025 introduces the formula “Defend the outcomes of the Second World War”, new to the series.');
    expect(introduced?.anchor).toBe('victory.1');
  });

  it('reportPair(older, newer, pairs) reports a topic that loses several clauses, anchored at the first', () => {
    const trade = report.headlines.find((headline) => headline.topic === 'trade');
    expect(trade?.text).toBe('Moscow 2025 has no counterpart for 2 clauses of Beijing 2024 on “Trade”.');
    expect(trade?.anchor).toBe('grain.1');
  });

  it('reportPair(older, newer, pairs) ranks headlines by weight, heaviest first', () => {
    const weights = report.headlines.map((headline) => headline.weight);
    expect(weights).toEqual([...weights].sort((x, y) => y - x));
  });

  it('reportPair(older, newer, pairs) says "last seen" for a formula that returns', () => {
    const back = reportPair(y2023, y2024, [], formulas, topics, [y2022, y2023]);
    expect(back.formulas.introduced).toEqual([]);
    const returned = reportPair(y2025, { ...y2024, id: '2026-x', shortTitle: 'X 2026', date: '2026-01-01' }, [], formulas, topics, [y2022, y2023, y2024, y2025]);
    expect(returned.headlines.find((headline) => headline.formula === 'no-alliance')?.text).toBe('X 2026 introduces the formula “Non-alignment, non-confrontation (the ‘no alliance’ element)”, last seen in Beijing 2024.');
  });
});

describe('anchorPage', () => {
  it('anchorPage(pairs, older, newer) gives each row a unique id and its paragraph keys, newer side first', () => {
    const older = statement('o', 'O', '2024-01-01', [{ key: 'a', text: 'A.' }, { key: 'b', text: 'B.' }]);
    const newer = statement('n', 'N', '2025-01-01', [{ key: 'b', text: 'B2.' }, { key: 'a', text: 'A.' }]);
    const { rows, sections } = anchorPage([
      { kind: 'moved', from: ['a.1'], to: ['b.1'], score: 0.5 },
      { kind: 'added', from: [], to: ['a.1'], score: 0 },
      { kind: 'dropped', from: ['b.1'], to: [], score: 0 }
    ], older, newer);
    expect(rows).toEqual([
      { id: 'b.1', anchors: ['b'] },
      { id: 'a.1', anchors: ['a'] },
      { id: 'older-b.1', anchors: [] }
    ]);
    expect(sections).toEqual({ main: 'main' });
  });
});

describe('quoteLabel', () => {
  it('quoteLabel(label) wraps a label in curly quotes and turns its own quotes single', () => {
    expect(quoteLabel('"Unique strategic value" of the relationship')).toBe('“‘Unique strategic value’ of the relationship”');
  });
});

describe('reportPair ranks by salience and knows same-day statements', () => {
  const salient: Formula[] = formulas.map((formula) => (formula.id === 'no-alliance' ? { ...formula, salience: 3 } : formula));
  const y2025b = statement('2025-moscow-stability', 'Moscow 2025 (stability)', '2025-05-08', [{ key: 'nature', text: 'Not an alliance.', formulas: ['no-alliance'] }]);

  it('reportPair(…) puts the drop of a salient formula first', () => {
    const report = reportPair(y2024, y2025, pairs, salient, topics, [y2022, y2023, y2024]);
    expect(report.headlines[0]?.formula).toBe('no-alliance');
  });

  it('reportPair(…, companions) says where a dropped formula went the same day, and ranks it lower', () => {
    const alone = reportPair(y2024, y2025, pairs, formulas, topics, [y2022, y2023, y2024]);
    const withCompanion = reportPair(y2024, y2025, pairs, formulas, topics, [y2022, y2023, y2024], [y2025b]);
    const before = alone.headlines.find((headline) => headline.formula === 'no-alliance');
    expect(before?.text).toContain('drops the formula');
    // The formula stands in the same day's statement: it is listed as moved there, never as dropped.
    expect(withCompanion.formulas.dropped).toEqual([]);
    expect(withCompanion.formulas.movedTo).toEqual(['no-alliance']);
    // The summary's list links it to the row that held it.
    expect(withCompanion.formulaAnchors['no-alliance']).toBe('nature.1');
    expect(withCompanion.headlines.some((headline) => headline.formula === 'no-alliance' && headline.text.includes('drops'))).toBe(false);
    // Where the provision itself (its key) stands in that statement, the row is moved-to and the move is a headline, ranked below a drop.
    const droppedNature: AlignedPair[] = pairs.map((pair) => (pair.from[0] === 'nature.1' ? { kind: 'dropped', from: ['nature.1'], to: [], score: 0 } : pair));
    const y2025without = { ...y2025, sections: [{ ...y2025.sections[0]!, paragraphs: y2025.sections[0]!.paragraphs.filter((p) => p.key !== 'nature') }] };
    const moved = reportPair(y2024, { ...y2025without, complete: false }, droppedNature, formulas, topics, [y2022, y2023, y2024], [y2025b]);
    const after = moved.headlines.find((headline) => headline.formula === 'no-alliance');
    expect(after?.text).toBe('The formula “Non-alignment, non-confrontation (the ‘no alliance’ element)” moves from Beijing 2024 to Moscow 2025 (stability), signed the same day as Moscow 2025.');
    expect(after!.weight).toBeLessThan(before!.weight);
  });
});

describe('reportPair headlines the continuity of a weighty formula', () => {
  const weighty: Formula[] = formulas.map((formula) => (formula.id === 'best-level' ? { ...formula, salience: 2 } : formula));
  it('says a salient formula stands unchanged since its first statement when no row holding it claims a change', () => {
    const same: AlignedPair[] = [{ kind: 'same', from: ['level.1'], to: ['level.1'], score: 1 }];
    const report = reportPair(y2023, y2024, same, weighty, topics, [y2022, y2023]);
    expect(report.headlines.find((headline) => headline.formula === 'best-level')).toMatchObject({
      text: '“Relations at the best level in history” stands in every statement since Beijing 2022, with no documented change.',
      basis: 'kept',
      anchor: 'level.1'
    });
    // A change in the row that holds it (full texts: "Best level ever.") takes the headline away.
    const changed = reportPair(y2024, y2025, pairs, weighty, topics, [y2022, y2023, y2024]);
    expect(changed.headlines.some((headline) => headline.basis === 'kept')).toBe(false);
  });
});
