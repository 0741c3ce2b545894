/**
 * Marks for search results in scripts without spaces: the query's words, segmented by the
 * platform, found in the clause.
 */
import { describe, expect, it } from 'vitest';
import { needsSegmentation, queryMarks } from '../../src/lib/lang/highlight.ts';

const marked = (text: string, query: string) => queryMarks(text, query).map((r) => text.slice(r.start, r.end));

describe('queryMarks', () => {
  it('marks each Chinese word of a query that has no spaces', () => {
    expect(marked('洛恩河航道全年向两国船只开放。', '航道开放')).toEqual(['航道', '开放']);
    expect(marked('双方将研究修建从维尔姆到科拉的铁路。', '铁路')).toEqual(['铁路']);
  });
  it('marks every occurrence, in order, joining touching words into one mark', () => {
    const text = '两国船只和两国港口。';
    expect(queryMarks(text, '两国')).toEqual([{ start: 0, end: 2 }, { start: 5, end: 7 }]);
    expect(marked('能源合作', '能源 合作')).toEqual(['能源合作']);
  });
  it('marks nothing when no word of the query stands in the text', () => {
    expect(queryMarks('洛恩河航道全年开放。', '铁路')).toEqual([]);
  });
  it('matches Latin words in a Chinese clause case aside', () => {
    expect(marked('双方支持WTO改革。', 'wto')).toEqual(['WTO']);
  });
});

describe('needsSegmentation', () => {
  it('is true for Chinese and Japanese, false for English and Russian', () => {
    expect(needsSegmentation('双方同意')).toBe(true);
    expect(needsSegmentation('カタカナ')).toBe(true);
    expect(needsSegmentation('The Parties agreed')).toBe(false);
    expect(needsSegmentation('Стороны договорились')).toBe(false);
  });
});
