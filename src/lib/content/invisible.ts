/**
 * Characters that look like nothing (or like a plain space) but make two
 * equal texts differ: the importer replaces them, and the parser leaves them
 * out of the text that is compared, so a word joiner never shows as an empty
 * insertion mark ("[inserted: ]") in an unchanged row.
 */

/** Each kind, with what it becomes: nothing, or a plain space. */
export const invisibleKinds = [
  { code: 0x2060, name: 'word joiner (U+2060)', replacement: '' },
  { code: 0x200b, name: 'zero width space (U+200B)', replacement: '' },
  { code: 0x200c, name: 'zero width non-joiner (U+200C)', replacement: '' },
  { code: 0x200d, name: 'zero width joiner (U+200D)', replacement: '' },
  { code: 0xfeff, name: 'byte order mark / zero width no-break space (U+FEFF)', replacement: '' },
  { code: 0x00ad, name: 'soft hyphen (U+00AD)', replacement: '' },
  { code: 0x00a0, name: 'no-break space (U+00A0)', replacement: ' ' },
  { code: 0x202f, name: 'narrow no-break space (U+202F)', replacement: ' ' }
] as const;

const pattern = new RegExp(`[${invisibleKinds.map((kind) => `\\u{${kind.code.toString(16)}}`).join('')}]`, 'gu');
const replacements = new Map<string, string>(invisibleKinds.map((kind) => [String.fromCodePoint(kind.code), kind.replacement]));
const names = new Map<string, string>(invisibleKinds.map((kind) => [String.fromCodePoint(kind.code), kind.name]));

/**
 * The text with every invisible character removed and every no-break space made a plain space.
 *
 * @param text any text.
 */
export function normaliseInvisible(text: string): string {
  return text.replace(pattern, (character) => replacements.get(character) ?? '');
}

/**
 * Normalise a text and count what was replaced, by kind.
 *
 * @param text any text.
 * @returns the normalised text and, per kind name, how many were replaced (only kinds found).
 */
export function normaliseInvisibleCounted(text: string): { text: string; counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  const normalised = text.replace(pattern, (character) => {
    const name = names.get(character) ?? character;
    counts[name] = (counts[name] ?? 0) + 1;
    return replacements.get(character) ?? '';
  });
  return { text: normalised, counts };
}
