/**
 * Editorial rules of a digest, beyond what the parser enforces: every
 * provision cites a source, and verbatim quotes stay short. They apply only to
 * `edition: digest`: a full text is one witness throughout, named once in its
 * front matter (`sources`), and quotes the whole document by design.
 */
import type { Diagnostic, Statement } from '../model/types.ts';
import type { Source } from '../model/diagnostics.ts';

/** Longest verbatim quote allowed, in words. */
export const maxQuoteWords = 15;

/**
 * Check one statement against the editorial rules.
 *
 * @param statement the parsed statement.
 * @param source its file, for exact quote positions.
 */
export function checkContent(statement: Statement, source: Source): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (!isDigest(statement)) return diagnostics;
  for (const section of statement.sections) {
    for (const paragraph of section.paragraphs) {
      if (!paragraph.clauses.some((clause) => clause.footnotes.length > 0)) {
        diagnostics.push({
          ...paragraph.position,
          rule: 'source-missing',
          severity: 'error',
          message: `provision {#${paragraph.key}} cites no source`,
          hint: 'Add a footnote reference such as [^xinhua] to the sentence it documents, with the source\'s name, date and address in the footnote.'
        });
      }
    }
  }
  diagnostics.push(...checkQuotes(source));
  return diagnostics;
}

/**
 * True when the digest rules (sources registry, footnote witnesses, quote binding, paraphrase
 * drift, source-missing, quote length) apply to a statement.
 *
 * @param statement any statement.
 */
export function isDigest(statement: Pick<Statement, 'edition'>): boolean {
  return statement.edition === 'digest';
}

/**
 * Report verbatim quotes longer than `maxQuoteWords` words in the body of a file.
 *
 * @param source the file.
 */
export function checkQuotes(source: Source): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const lines = source.text.split('\n');
  let inFrontMatter = lines[0] === '---';
  lines.forEach((line, index) => {
    if (index > 0 && inFrontMatter && line === '---') {
      inFrontMatter = false;
      return;
    }
    if (inFrontMatter || /^\[\^[^\]]+\]:/.test(line)) return;
    for (const match of line.matchAll(/"([^"]+)"|“([^”]+)”/g)) {
      const quote = match[1] ?? match[2] ?? '';
      const words = quote.split(/\s+/).filter(Boolean).length;
      if (words > maxQuoteWords) {
        diagnostics.push({
          file: source.path,
          line: index + 1,
          column: (match.index ?? 0) + 1,
          rule: 'quote-too-long',
          severity: 'error',
          message: `a verbatim quote of ${words} words: "${quote.slice(0, 50)}…"`,
          hint: `Quote only the formula (at most ${maxQuoteWords} words) and say the rest in your own words.`
        });
      }
    }
  });
  return diagnostics;
}
