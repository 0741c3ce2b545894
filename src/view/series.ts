/**
 * Which statements of a series a picture reads as one line through the years:
 * the statements of the series' main kind (the kind most of them share), so a
 * side document signed the same day (a strategic-stability statement) does
 * not count as "the latest statement".
 */

/** What these helpers need of a statement. */
export type StatementLike = { id: string; date: string; kind: string; shortTitle: string };

/**
 * The statements of the main kind, in the order given (date order).
 *
 * @param statements statements of one series, oldest first.
 */
export function mainLine<T extends StatementLike>(statements: readonly T[]): T[] {
  const counts = new Map<string, number>();
  for (const statement of statements) counts.set(statement.kind, (counts.get(statement.kind) ?? 0) + 1);
  let best: string | undefined;
  for (const statement of statements) {
    // Ties go to the kind of the earliest statement: the series' own genre.
    if (best === undefined || (counts.get(statement.kind) ?? 0) > (counts.get(best) ?? 0)) best = statement.kind;
  }
  return statements.filter((statement) => statement.kind === best);
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
