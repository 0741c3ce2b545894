/**
 * Stemmers and function words of the languages the Snowball package covers beyond
 * English and Russian, chosen by the text's language: inflected forms meet, function
 * words go, negations stay.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/lib/align/normalize.ts';
import { align, pairSimilarity } from '../../src/lib/align/align.ts';
import { hasStemmer, normalWord, stemIn } from '../../src/lib/lang/normal.ts';
import type { Clause } from '../../src/lib/model/types.ts';

describe('stemIn', () => {
  it('gives the Snowball stems of French, German and Spanish words', () => {
    expect(['développement', 'développements', 'développer'].map((w) => stemIn(w, 'fr'))).toEqual(['développ', 'développ', 'développ']);
    expect(['entwicklung', 'entwicklungen'].map((w) => stemIn(w, 'de'))).toEqual(['entwickl', 'entwickl']);
    expect(['naciones', 'nación'].map((w) => stemIn(w, 'es'))).toEqual(['nacion', 'nacion']);
  });
  it('reads the language subtag of a tag with a region, and leaves a language without a stemmer alone', () => {
    expect(stemIn('cooperações', 'pt-BR')).toBe(stemIn('cooperação', 'pt'));
    expect(hasStemmer('it')).toBe(true);
    expect(hasStemmer('zh')).toBe(false);
    expect(stemIn('développement', 'zh')).toBe('développement');
  });
});

describe('normalWord', () => {
  it('drops function words of the language and keeps its negations', () => {
    expect(normalWord('les', 'fr')).toBeUndefined();
    expect(normalWord('der', 'de')).toBeUndefined();
    expect(normalWord('los', 'es')).toBeUndefined();
    expect(normalWord('della', 'it')).toBeUndefined();
    expect(normalWord('pelo', 'pt')).toBeUndefined();
    expect(normalWord('pas', 'fr')).toBe('pas');
    expect(normalWord('nicht', 'de')).toBe('nicht');
    expect(normalWord('non', 'it')).toBe('non');
  });
});

describe('normalize with a language', () => {
  it('French: singular and plural of one clause give the same content tokens', () => {
    const a = normalize('La coopération des deux pays ne sera pas suspendue.', [], 'fr');
    const b = normalize('Les coopérations entre les deux pays ne seront pas suspendues.', [], 'fr');
    expect(a).toEqual(['cooper', 'deux', 'pay', 'ne', 'ser', 'pas', 'suspendu']);
    expect(b.filter((t) => !a.includes(t))).toEqual(['seront']);
  });
  it('German: the article goes, the noun is stemmed', () => {
    expect(normalize('Die Zusammenarbeit der beiden Länder wird nicht ausgesetzt.', [], 'de')).toEqual(['zusammenarbeit', 'beid', 'land', 'nicht', 'ausgesetzt']);
  });
  it('English stays with Porter whatever the default', () => {
    expect(normalize('developments', [], 'en')).toEqual(['develop']);
    expect(normalize('developments')).toEqual(['develop']);
  });
  it('the aligner pairs inflected French clauses through the language it is given', () => {
    const clause = (id: string, text: string): Clause => ({ id, statementId: id.split('/')[0]!, sectionKey: 's', paragraphKey: id, index: 0, text, html: text, footnotes: [], topics: [], formulas: [], quotes: [], position: { file: 'f', line: 1, column: 1 } });
    const older = [clause('a/1', 'Les parties renforceront les échanges culturels.'), clause('a/2', 'Le port sera ouvert toute l’année.')];
    const newer = [clause('b/1', 'Le port restera ouvert tous les mois.'), clause('b/2', 'La partie renforcera l’échange culturel.')];
    const pairs = align(older, newer, { lang: 'fr' }).filter((pair) => pair.from.length && pair.to.length);
    expect(pairs.map((pair) => `${pair.from.join()}→${pair.to.join()}`).sort()).toEqual(['a/1→b/2', 'a/2→b/1']);
    // With French stems the inflected clause is the same clause; read as English it is not.
    expect(pairSimilarity(older, newer, [0], [1], { lang: 'fr' })).toBe(1);
    expect(pairSimilarity(older, newer, [0], [1], { lang: 'en' })).toBeLessThan(0.5);
  });
});
