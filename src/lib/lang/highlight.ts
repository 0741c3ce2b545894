/**
 * What to mark in a search result written without spaces between words (Chinese,
 * Japanese, Thai …): Pagefind's match locations count the words of its own
 * segmentation, which a page cannot map back onto the text by white space, so the
 * words of the query, segmented by the platform, are found in the text instead.
 */
import { words } from './words.ts';

// Scripts that write words without spaces between them.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Whether a text holds words of a script written without spaces. */
export function needsSegmentation(text: string): boolean {
  return UNSPACED.test(text);
}

/** A stretch of a text to mark: `start` inclusive, `end` exclusive. */
export type MarkRange = { start: number; end: number };

/**
 * Every occurrence in `text` of each word of `query` (case aside), as ordered,
 * non-overlapping ranges.
 *
 * @param lang BCP 47 tag of the query, for the segmenter (Chinese and Japanese words come
 * from its dictionary whatever the tag).
 */
export function queryMarks(text: string, query: string, lang = 'zh'): MarkRange[] {
  const lower = text.toLowerCase();
  // The same length either way, or positions would drift: then whole-text matching is off.
  const haystack = lower.length === text.length ? lower : text;
  const found: MarkRange[] = [];
  for (const word of new Set(words(query, lang).map((w) => (haystack === lower ? w.toLowerCase() : w)))) {
    for (let at = haystack.indexOf(word); at >= 0; at = haystack.indexOf(word, at + word.length)) found.push({ start: at, end: at + word.length });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: MarkRange[] = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
