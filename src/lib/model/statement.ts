/** Walking a statement: the one definition of "every clause in reading order". */
import type { Clause, Statement } from './types.ts';

/** Every clause of a statement in reading order. */
export function clausesOf(statement: Statement): Clause[] {
  return statement.sections.flatMap((section) => section.paragraphs.flatMap((paragraph) => paragraph.clauses));
}
