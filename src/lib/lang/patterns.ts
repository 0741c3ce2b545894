/**
 * A formula's Chinese and Russian originals (`zh`, `ru` in formulas.yaml) as
 * patterns, so tagging and the aligner find the formula in texts in those
 * languages without anyone writing a pattern by hand.
 */
import type { Formula } from '../model/types.ts';
import { segments } from './words.ts';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A phrase as a RegExp source that tolerates how copies of one text differ:
 * any run of spaces for a space, any punctuation mark for a punctuation mark
 * (a Chinese text may use `,` or `，` or `、`), е for ё and back, and nothing
 * else (matched case-insensitively by the callers).
 *
 * @param phrase a formula's wording in its original language.
 * @param lang its BCP 47 tag.
 */
export function phrasePattern(phrase: string, lang: string): string {
  let source = '';
  for (const s of segments(phrase.normalize('NFKC').trim(), lang)) {
    if (s.word) source += escape(s.text).replace(/[её]/giu, '[её]');
    else if (/^\s+$/u.test(s.text)) source += '\\s+';
    else source += [...s.text].map((ch) => (/\s/u.test(ch) ? '\\s*' : '\\s*\\p{P}\\s*')).join('');
  }
  return source;
}

/** The patterns of a formula's `zh` and `ru` originals (none when it has neither). */
export function originalPatterns(formula: Pick<Formula, 'zh' | 'ru'>): string[] {
  const out: string[] = [];
  if (formula.zh?.trim()) out.push(phrasePattern(formula.zh, 'zh'));
  if (formula.ru?.trim()) out.push(phrasePattern(formula.ru, 'ru'));
  return out;
}
