/** Keys from text: the one way a heading or a paragraph becomes a URL-safe key. */

/**
 * The words of a text as key material: accents dropped (é → e, not a break in the word),
 * lowercase ASCII letters and digits only.
 *
 * @param text any text.
 */
export function slugWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Words joined by hyphens, at most `max` characters, never ending in a hyphen.
 *
 * @param words from slugWords.
 * @param max the longest key.
 */
export function joinSlug(words: readonly string[], max: number): string {
  return words.join('-').slice(0, max).replace(/-+$/, '');
}
