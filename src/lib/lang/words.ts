/**
 * Words as the platform's Unicode word segmentation (`Intl.Segmenter`) finds
 * them, for every language. Splitting on spaces or on a letter class cannot
 * read Chinese, which writes no spaces, and a letter class without combining
 * marks cuts a Russian word at its stress accent; the segmenter knows both.
 */

const segmenters = new Map<string, Intl.Segmenter>();

/** One segmenter per language tag: building one is costly, reusing one is free. */
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, s);
  }
  return s;
}

/** A stretch of a text: a word, or what lies between words (spaces, punctuation). */
export type Segment = { text: string; index: number; word: boolean };

/**
 * The text cut into words and the stretches between them; the segments join
 * back into the text.
 *
 * @param text any text.
 * @param lang BCP 47 tag of the text (default `en`); segmentation of Chinese
 * and Cyrillic words does not depend on it, tailored languages may.
 */
export function segments(text: string, lang = 'en'): Segment[] {
  const out: Segment[] = [];
  for (const s of segmenter(lang).segment(text)) out.push({ text: s.segment, index: s.index, word: s.isWordLike === true });
  return out;
}

// Inside a segment the segmenter calls one word, dots and commas may join letters or digits
// ("U.S", "1,000"); the tokens of the aligner and the diff have always cut there, so the
// English figures stay what they were. Letters keep their combining marks (a stress accent).
const WORD_PART = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The words of a text, in order: the segmenter's words, cut further at the
 * dots and commas inside them.
 *
 * @param text any text.
 * @param lang BCP 47 tag of the text.
 */
export function words(text: string, lang = 'en'): string[] {
  const out: string[] = [];
  for (const s of segments(text, lang)) {
    if (!s.word) continue;
    for (const m of s.text.matchAll(WORD_PART)) out.push(m[0]);
  }
  return out;
}

/** How many words a text holds. */
export function wordCount(text: string, lang = 'en'): number {
  return words(text, lang).length;
}

/** Which rules of normalisation a word follows, from its script: a clause in one language may quote a name in another. */
export function scriptOf(word: string): 'cyrillic' | 'han' | 'other' {
  if (/\p{Script=Cyrillic}/u.test(word)) return 'cyrillic';
  if (/\p{Script=Han}/u.test(word)) return 'han';
  return 'other';
}
