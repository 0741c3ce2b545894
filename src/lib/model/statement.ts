/** Walking a statement: the one definition of "every clause in reading order". */
import type { Clause, Section, Statement } from './types.ts';

/** Every clause of a statement in reading order. */
export function clausesOf(statement: Statement): Clause[] {
  return statement.sections.flatMap((section) => section.paragraphs.flatMap((paragraph) => paragraph.clauses));
}

/** Every clause of a statement by its id. */
export function clausesById(statement: Statement): Map<string, Clause> {
  return new Map(clausesOf(statement).map((clause) => [clause.id, clause]));
}

/** The section that holds each clause, by clause id. */
export function sectionsByClause(statement: Statement): Map<string, Section> {
  return new Map(statement.sections.flatMap((section) => section.paragraphs.flatMap((paragraph) => paragraph.clauses.map((clause) => [clause.id, section] as const))));
}
