/**
 * Checks on the raw text of a content file, before Markdown parsing: size,
 * control characters and endless lines.
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
  const lines = source.text.split('\n');
  lines.forEach((line, index) => {
    const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u.exec(line);
    if (control) {
      const code = control[0].codePointAt(0)?.toString(16).padStart(4, '0') ?? '';
      report(index + 1, control.index + 1, 'control-character', `control character U+${code.toUpperCase()} in the text`, 'Delete the character; it is invisible and changes how text is read or shown.');
    }
    if (line.length > maxLineCharacters) {
      report(index + 1, maxLineCharacters + 1, 'line-too-long', `line ${index + 1} has ${line.length} characters`, `Break it into paragraphs; lines are limited to ${maxLineCharacters} characters (\`maxLineCharacters\` in src/lib/content/text-checks.ts).`);
    }
  });
}
