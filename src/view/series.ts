/**
 * Which statements of a series a picture reads as one line through the years:
 * the statements of the series' main kind (the kind most of them share) and
 * those of other kinds dated apart from it, so a side document signed the same
 * day (a strategic-stability statement) does not count as "the latest statement".
 */

import { isSideDocument, mainKindOf } from '../lib/content/series.ts';

/** What these helpers need of a statement. */
export type StatementLike = { id: string; date: string; kind: string; shortTitle: string };

/**
 * The statements of the main kind, in the order given (date order).
 *
 * @param statements statements of one series, oldest first.
 */
export function mainLine<T extends StatementLike>(statements: readonly T[]): T[] {
  const mainKind = mainKindOf(statements);
  // A statement of another kind stays on the line unless it is a side document of the same
  // day: a series whose kinds were guessed differently keeps its summary (check:content warns).
  return statements.filter((statement) => !isSideDocument(statement, statements, mainKind));
}

/**
 * The latest statement of the main line and the one before it, or undefined when the line has fewer than two.
 *
 * @param statements statements of one series, oldest first.
 */
export function latestPair<T extends StatementLike>(statements: readonly T[]): { older: T; newer: T } | undefined {
  const line = mainLine(statements);
  const newer = line[line.length - 1];
  const older = line[line.length - 2];
  return older && newer ? { older, newer } : undefined;
}
