/**
 * Size limits on a corpus, so that no input, however large or deep, can hang
 * the build or overflow the parser's stack. Each limit is far above what a real
 * statement needs (a full text has about 100 paragraphs and a few levels of
 * lists); the messages name the limit and where to raise it.
 *
 * The structural limits are checked on the raw text, before remark parses it:
 * remark recurses once per level of `>` or list nesting, and 100,000
 * paragraphs would be parsed, aligned and rendered before anyone saw an error.
 */
import type { Diagnostic, Statement } from '../model/types.ts';
import type { Reporter, Source } from '../model/diagnostics.ts';
import { maxFileCharacters } from './text-checks.ts';

/** The limits. Raise one here when a real corpus needs it. */
export const limits = {
  /** Blocks (paragraphs, headings, lists…) in the body of one statement file. */
  paragraphs: 2_000,
  /** Clauses (sentences) in one statement. */
  clauses: 10_000,
  /** Levels of `>` quotes and nested lists on one line. */
  nestingDepth: 32,
  /** Statement files in one series (past 12, only consecutive pairs get a compare page by default: series.yaml `compare:`). */
  statementsPerSeries: 1_000
} as const;

const where = 'src/lib/content/limits.ts';

/** Rules after which the file is not parsed: parsing it could take minutes or overflow the stack. */
export const parseStoppingRules: ReadonlySet<string> = new Set(['file-too-large', 'too-many-paragraphs', 'nesting-too-deep']);

/**
 * Report structure beyond the limits, from the raw text.
 *
 * @param source the statement file.
 * @param report where problems go.
 */
export function checkStructureLimits(source: Source, report: Reporter): void {
  // An oversized file is already refused; one message is enough.
  if (source.text.length > maxFileCharacters) return;
  const lines = source.text.split(/\r\n|\r|\n/);
  let blocks = 0;
  let previousBlank = true;
  let deepReported = false;
  // The front matter is not part of the body's paragraphs.
  const frontMatterEnd = lines[0]?.trim() === '---' ? lines.findIndex((line, index) => index > 0 && line.trim() === '---') : -1;
  for (let index = frontMatterEnd + 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const blank = line.trim().length === 0;
    if (!blank && previousBlank && ++blocks === limits.paragraphs + 1) {
      report(index + 1, 1, 'too-many-paragraphs', `the file has more than ${limits.paragraphs} paragraphs and headings (limit \`paragraphs\`); the ${limits.paragraphs + 1}st starts here`, `Split the statement into several files, or raise \`limits.paragraphs\` in ${where} if a real statement needs more.`);
    }
    previousBlank = blank;
    if (!deepReported) {
      const nesting = nestingOf(line);
      if (nesting.depth > limits.nestingDepth) {
        deepReported = true;
        report(index + 1, nesting.column, 'nesting-too-deep', `quotes and lists are nested more than ${limits.nestingDepth} levels deep here (limit \`nestingDepth\`)`, `Flatten the nesting (a statement needs a few levels at most), or raise \`limits.nestingDepth\` in ${where}.`);
      }
    }
  }
}

/**
 * How deep a line nests: its `>` and list markers, and two columns of
 * indentation count as one level (nested list items are indented).
 * The column is where the level beyond the limit starts.
 */
function nestingOf(line: string): { depth: number; column: number } {
  let index = 0;
  let depth = 0;
  let column = 1;
  const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
  depth += Math.floor(indent / 2);
  for (;;) {
    while (line[index] === ' ' || line[index] === '\t') index++;
    const marker = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/.exec(line.slice(index, index + 11));
    if (!marker) break;
    depth++;
    if (depth === limits.nestingDepth + 1) column = index + 1;
    index += marker[0].length;
  }
  if (depth > limits.nestingDepth && column === 1) column = Math.min(indent, limits.nestingDepth * 2) + 1;
  return { depth, column };
}

/**
 * Whether a parsed statement is within the clause limit; reports it when not.
 *
 * @param statement the parsed statement.
 * @param diagnostics where the problem goes.
 */
export function withinClauseLimit(statement: Statement, diagnostics: Diagnostic[]): boolean {
  let count = 0;
  for (const section of statement.sections) {
    for (const paragraph of section.paragraphs) {
      count += paragraph.clauses.length;
      const first = paragraph.clauses.find((_clause, index) => count - paragraph.clauses.length + index + 1 > limits.clauses);
      if (first) {
        diagnostics.push({ ...first.position, file: statement.file, rule: 'too-many-clauses', severity: 'error', message: `the statement has more than ${limits.clauses} clauses (limit \`clauses\`); clause ${limits.clauses + 1} starts here`, hint: `Split the statement into several files, or raise \`limits.clauses\` in ${where} if a real statement needs more.` });
        return false;
      }
    }
  }
  return true;
}

/**
 * Series with more statements than the limit.
 *
 * @param statements every statement, sorted by date.
 */
export function checkSeriesLimits(statements: Statement[]): Diagnostic[] {
  const counts = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  for (const statement of statements) {
    const count = (counts.get(statement.series) ?? 0) + 1;
    counts.set(statement.series, count);
    if (count === limits.statementsPerSeries + 1) {
      diagnostics.push({ file: statement.file, line: 1, column: 1, rule: 'too-many-statements', severity: 'error', message: `series \`${statement.series}\` has more than ${limits.statementsPerSeries} statement files (limit \`statementsPerSeries\`); this is the ${limits.statementsPerSeries + 1}st by date`, hint: `Split the series (the \`series\` field), or raise \`limits.statementsPerSeries\` in ${where}.` });
    }
  }
  return diagnostics;
}
