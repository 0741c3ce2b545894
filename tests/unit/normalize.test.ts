import { describe, expect, it } from 'vitest';
import { normalize, normalizedText, stem } from '../../src/lib/align/normalize.ts';
import type { Formula } from '../../src/lib/model/types.ts';

const formulas: Formula[] = [
  {
    id: 'one-china',
    label: 'One-China principle',
    topic: 'taiwan',
    patterns: ['one[- ]china (?:principle|policy)', 'the principle of one china'],
  },
  { id: 'win-win', label: 'Win-win cooperation', topic: 'economy', patterns: ['win[- ]win cooperation'] },
];

describe('normalize', () => {
  it('normalize(text) lowercases, strips punctuation and removes stop words', () => {
    expect(normalize('The Leaders, AND the Parties!')).toEqual(['leader', 'parti']);
  });

  it('normalize(text, formulas) treats a formula variant as one token', () => {
    const a = normalize('Both sides adhere to the one-China principle.', formulas);
    const b = normalize('Both sides adhere to the principle of One China.', formulas);
    expect(a).toContain('§one-china');
    expect(b).toContain('§one-china');
    expect(a).toEqual(b);
    expect(a).not.toContain('china');
  });

  it('normalize(text, formulas) leaves text without a formula untouched by the lexicon', () => {
    expect(normalize('China and Russia', formulas)).toEqual(['china', 'russia']);
  });

  it('normalize(text) keeps negations, which change the meaning of a clause', () => {
    expect(normalize('They do not support it')).toContain('not');
  });

  it('normalize(text) merges the interchangeable wordings of diplomatic prose', () => {
    expect(normalize('Both sides reject unilateral sanctions.')).toEqual(normalize('The Parties oppose unilateral sanctions.'));
    expect(normalize('The two countries back the Shanghai Cooperation Organisation.')).toEqual(normalize('The Parties support the SCO.'));
    expect(normalize('the North Atlantic Treaty Organization')).toEqual(normalize('NATO'));
    expect(normalize('the United States')).toEqual(normalize('the US'));
    expect(normalize('Chinese initiatives in Central Asia')).toEqual(normalize('China initiatives in Central Asian'));
  });

  it('normalize(text) reads British and American spelling alike', () => {
    expect(normalize('militarisation of the region, recognised by the organisation')).toEqual(
      normalize('militarization of the region, recognized by the organization'),
    );
    expect(normalize('good-neighbourly defence')).toEqual(normalize('good-neighborly defense'));
  });

  it('normalize(text) replaces an acronym that is a common word only when written in capitals', () => {
    expect(normalize('the US position')).toContain('usa');
    expect(normalize('let us see')).not.toContain('usa');
  });

  it('normalize(text) survives an invalid formula pattern', () => {
    const bad: Formula[] = [{ id: 'bad', label: 'Bad', topic: 'x', patterns: ['(unclosed'] }];
    expect(normalize('open and unclosed', bad)).toEqual(['open', 'unclos']);
  });
});

describe('stem', () => {
  it('stem(word) maps inflected forms to one stem', () => {
    expect(stem('cooperation')).toBe(stem('cooperate'));
    expect(stem('strengthened')).toBe(stem('strengthening'));
    expect(stem('relations')).toBe(stem('relation'));
    expect(stem('agreed')).toBe(stem('agree'));
  });

  it('stem(word) follows Porter on textbook examples', () => {
    expect(stem('caresses')).toBe('caress');
    expect(stem('ponies')).toBe('poni');
    expect(stem('hopping')).toBe('hop');
    expect(stem('relational')).toBe('relat');
    expect(stem('generalization')).toBe('gener');
    expect(stem('adjustment')).toBe('adjust');
  });

  it('stem(word) keeps short words', () => {
    expect(stem('un')).toBe('un');
  });
});

describe('normalizedText', () => {
  it('normalizedText(text) ignores case, punctuation and spacing', () => {
    expect(normalizedText('The  two sides, agreed: “peace”.')).toBe(normalizedText('the two sides agreed peace'));
  });

  it('normalizedText(text) still tells different words apart', () => {
    expect(normalizedText('The sides agreed.')).not.toBe(normalizedText('The sides disagreed.'));
  });
});
