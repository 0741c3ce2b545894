import { describe, expect, it } from 'vitest';
import { segment } from '../../src/lib/content/segment.ts';

function clauses(text: string): string[] {
  return segment(text).map((span) => text.slice(span.start, span.end));
}

describe('segment(text)', () => {
  it('splits plain sentences', () => {
    expect(clauses('The Parties met. They agreed. ')).toEqual(['The Parties met.', 'They agreed.']);
  });

  it('does not split after U.S., No., e.g. or an initial', () => {
    expect(clauses('The U.S. and its allies were named in No. 5 of the list, e.g. here. J. Smith spoke. Then the end.')).toEqual([
      'The U.S. and its allies were named in No. 5 of the list, e.g. here.',
      'J. Smith spoke.',
      'Then the end.'
    ]);
  });

  it('keeps a quotation with an inner full stop in one clause', () => {
    expect(clauses('They call it "a new era. A new model" of relations. Then they part.')).toEqual([
      'They call it "a new era. A new model" of relations.',
      'Then they part.'
    ]);
  });

  it('splits a lettered series at its semicolons', () => {
    expect(clauses('The Parties agree: (a) to expand trade in national currencies; (b) to build the pipeline across the steppe; (c) to open routes.')).toEqual([
      'The Parties agree: (a) to expand trade in national currencies;',
      '(b) to build the pipeline across the steppe;',
      '(c) to open routes.'
    ]);
  });

  it('keeps a numbered item marker with its text', () => {
    expect(clauses('1. The Parties agree. 2. The Parties disagree.')).toEqual(['1. The Parties agree.', '2. The Parties disagree.']);
  });

  it('splits a long semicolon series but not a short one', () => {
    expect(clauses('They support the principle; they oppose any form of independence of the island in every case.')).toHaveLength(1);
    expect(clauses('The Parties will expand trade in energy and farm goods; the Parties will also open new routes across the northern sea.')).toHaveLength(2);
  });

  it('never returns an empty clause', () => {
    expect(clauses('   ')).toEqual([]);
    expect(clauses('One. . Two.').every((clause) => clause.trim().length > 0)).toBe(true);
  });
});
