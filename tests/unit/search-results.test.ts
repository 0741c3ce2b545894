import { describe, expect, it } from 'vitest';
import { matchTier, oneHitPerStatement, rankResults, type SearchHit } from '../../src/view/search-results.ts';

// Hits as Pagefind gives them: content is the clause, then its formula lines; locations are word positions in it.
function hit(order: number, url: string, clause: string, extra: { formulas?: string; date: string; key: string; statementId?: string; locations?: number[] }): SearchHit {
  const content = [clause, extra.formulas ?? ''].filter(Boolean).join('\n');
  return {
    url,
    content,
    order,
    locations: extra.locations ?? [0],
    meta: { words: String(clause.split(/\s+/).length), date: extra.date, key: extra.key, series: 'cn-ru', statementId: extra.statementId ?? url.split('/')[2]! }
  };
}

const sectionOnly = hit(0, '/statements/2025-moscow/#missile-defence.1', 'The Parties oppose global missile defence.', { date: '2025-05-08', key: 'missile-defence', locations: [] });
const plural = hit(1, '/statements/2025-moscow/#extended-deterrence.1', 'The Parties oppose nuclear-armed alliances aimed at China and Russia.', { date: '2025-05-08', key: 'extended-deterrence', locations: [4] });
const exact2023 = hit(2, '/statements/2023-moscow/#relations-nature.1', 'The Parties say their relations are not a military-political alliance of the Cold War kind.', { date: '2023-03-21', key: 'relations-nature', locations: [9] });
const exact2024 = hit(3, '/statements/2024-beijing/#relations-nature.1', 'The Parties say their relations go beyond the military-political alliance model.', { date: '2024-05-16', key: 'relations-nature', locations: [9] });
const variant = hit(4, '/statements/2022-beijing/#relations-nature.1', 'The Parties say their relations are superior to the blocs of the Cold War era.', {
  formulas: 'Formula: Non-alignment (also: no alliance, no confrontation).',
  date: '2022-02-04',
  key: 'relations-nature',
  locations: [18]
});

describe('matchTier()', () => {
  it('ranks the phrase in the clause, then a formula wording, then all words, then some, then formula words only', () => {
    expect(matchTier('military-political alliance', exact2023)).toBe(0);
    expect(matchTier('no alliance', variant)).toBe(1);
    expect(matchTier('alliance', plural)).toBe(2);
    expect(matchTier('alliance blocs', exact2023)).toBe(3);
    expect(matchTier('confrontation', variant)).toBe(1);
    expect(matchTier('alliance', variant)).toBe(1);
    expect(matchTier('treaty', variant)).toBe(4);
  });
});

describe('rankResults()', () => {
  it('puts the clauses that say "alliance" above those that say "alliances", drops a hit that matched no content, and groups a provision across years', () => {
    const groups = rankResults('alliance', [sectionOnly, plural, exact2023, exact2024, variant]);
    expect(groups.map((g) => g.key)).toEqual(['cn-ru/relations-nature', 'cn-ru/extended-deterrence']);
    const [nature] = groups;
    expect(nature!.lead.url).toBe(exact2023.url);
    expect(nature!.hits.map((h) => h.meta.date)).toEqual(['2022-02-04', '2023-03-21', '2024-05-16']);
  });

  it('sorts provisions by their newest statement when asked for date order', () => {
    const groups = rankResults('alliance', [plural, exact2023, exact2024], 'date');
    expect(groups.map((g) => g.key)).toEqual(['cn-ru/extended-deterrence', 'cn-ru/relations-nature']);
  });

  it('keeps Pagefind order when only filters are set', () => {
    expect(rankResults('', [variant, sectionOnly]).map((g) => g.lead.url)).toEqual([sectionOnly.url, variant.url]);
  });

  it('names each statement once among a provision’s hits', () => {
    const second = hit(5, '/statements/2023-moscow/#relations-nature.2', 'A second sentence on the alliance.', { date: '2023-03-21', key: 'relations-nature' });
    expect(oneHitPerStatement([exact2023, second, exact2024]).map((h) => h.url)).toEqual([exact2023.url, exact2024.url]);
  });
});
