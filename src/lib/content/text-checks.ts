/**
 * Checks on the raw text of a content file (statements and YAML alike),
 * before parsing: size, control, bidirectional and invisible characters, and
 * endless lines.
 */
import type { Reporter, Source } from '../model/diagnostics.ts';

/** Largest statement file accepted, in characters (a full text runs to about 100,000). */
export const maxFileCharacters = 2_000_000;
/** Longest line accepted, in characters. */
export const maxLineCharacters = 20_000;

/**
 * Report raw-text problems of a source.
 *
 * @param source the file.
 * @param report where problems go.
 */
export function checkText(source: Source, report: Reporter): void {
  if (source.text.length > maxFileCharacters) {
    report(1, 1, 'file-too-large', `the file has ${source.text.length} characters, more than ${maxFileCharacters}`, 'Split the statement or check that the file is what you meant to add.');
  }
  // A lone CR ends a line too (the loader normalises line endings; this keeps the check right on its own).
  const lines = source.text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u.exec(line);
    if (control) {
      report(index + 1, control.index + 1, 'control-character', `control character ${describeCodePoint(control[0])} in the text`, 'Delete the character; it is invisible and changes how text is read or shown.');
    }
    const invisible = invisibleCharacter.exec(line);
    if (invisible) {
      report(index + 1, invisible.index + 1, 'invisible-character', `invisible character ${describeCodePoint(invisible[0])} in the text`, 'Delete the character (or type a plain space); it is invisible, so the text looks the same but no longer matches, searches or compares as written.');
    }
    if (line.length > maxLineCharacters) {
      report(index + 1, maxLineCharacters + 1, 'line-too-long', `line ${index + 1} has ${line.length} characters`, `Break it into paragraphs; lines are limited to ${maxLineCharacters} characters (\`maxLineCharacters\` in src/lib/content/text-checks.ts).`);
    }
  });
}

/** Zero-width, direction-mark and separator characters that look like nothing (or like a plain space or line break). */
const invisibleCharacter = /[\u061c\u180e\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff]/u;

const names: Record<number, string> = {
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE'
};

/**
 * A character as `U+XXXX`, with its Unicode name when it is one of the
 * invisible or direction characters (a message cannot show them).
 *
 * @param character one character.
 */
export function describeCodePoint(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = names[code];
  if (name) return `${hex} (${name})`;
  // A visible character is shown too: a Cyrillic е looks like e, and the code point tells them apart.
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(character) ? `"${character}" ${hex}` : hex;
}

/**
 * The first character of `text` outside a-z, 0-9 and -, described, for
 * messages about keys and ids that look right but are not (a Cyrillic е, a
 * zero-width space).
 *
 * @param text a key or id.
 */
export function firstOddCharacter(text: string): string | undefined {
  const odd = /[^a-z0-9-]/u.exec(text);
  return odd ? describeCodePoint(odd[0]) : undefined;
}
