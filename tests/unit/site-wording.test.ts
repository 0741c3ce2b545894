import { describe, expect, it } from 'vitest';
import { siteWording } from '../../src/view/site-wording.ts';

const series = (id: string, title: string) => ({ id, title, description: '', statementIds: [] });

describe('siteWording', () => {
  it('siteWording(series, statements) names the series and the span of years in the default description', () => {
    const wording = siteWording([series('cr', 'China–Russia')], [
      { series: 'cr', date: '2022-02-04', edition: 'digest' },
      { series: 'cr', date: '2025-05-08', edition: 'digest' }
    ]);
    expect(wording.description).toBe('Read diplomatic joint statements against each other: clause-by-clause diffs of the China–Russia statements 2022–2025, formulas and topics through the years.');
    expect(wording.editionNotes).toEqual(['The China–Russia series is a digest edition: each provision in our own words, the diplomatic formulas quoted and cited.']);
  });

  it('siteWording(series, statements) says which series hold full texts and which mix editions', () => {
    const wording = siteWording([series('a', 'Calvora–Dunmere'), series('b', 'Ostra–Vel')], [
      { series: 'a', date: '2024-03-14', edition: 'full' },
      { series: 'b', date: '2024-06-01', edition: 'full' },
      { series: 'b', date: '2024-09-01', edition: 'digest' }
    ]);
    expect(wording.seriesLabel).toBe('Calvora–Dunmere and Ostra–Vel');
    expect(wording.description).toContain('statements of 2024,');
    expect(wording.editionNotes).toEqual(['The Calvora–Dunmere series holds the full texts.', 'The Ostra–Vel series mixes full texts and digests; each statement page says which it is.']);
  });
});
