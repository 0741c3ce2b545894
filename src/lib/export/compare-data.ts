/**
 * The open data a browser needs to compare any two statements by itself
 * (src/client/compare-any.ts), with the same code as the build:
 *
 * - `/data/compare-context.json`: the series and their statements (metadata only),
 *   the formulas and topics with their patterns, the editors' corrections and the
 *   source registry;
 * - `/data/statements/<id>.json`: one statement, tagged, as the analysis reads it
 *   (sections, paragraphs, clauses with their positions, topics, formulas, quotes
 *   and footnote labels; without rendered HTML), and the lineage of each clause.
 *
 * Deterministic: fixed key order, no timestamps.
 */
import type { Formula, RegistrySource, Statement, Topic } from '../model/types.ts';
import type { Correction } from '../content/corrections.ts';
import { clausesOf } from '../model/statement.ts';

/** A statement of a series as the context lists it. */
export type ContextStatement = Pick<Statement, 'id' | 'title' | 'shortTitle' | 'date' | 'place' | 'edition'> & { lang: string };

/** `/data/compare-context.json`. */
export type CompareContextFile = {
  series: Array<{ id: string; title: string; statements: ContextStatement[] }>;
  formulas: Formula[];
  topics: Topic[];
  corrections: Correction[];
  registry: RegistrySource[];
};

/** `/data/statements/<id>.json`. */
export type StatementFile = {
  statement: Statement;
  /** The lineage id of each clause (by clause id), where the series graph has one. */
  lineages: Record<string, string>;
};

/**
 * `/data/compare-context.json`.
 *
 * @param series each series with its statements in date order.
 */
export function toCompareContextJson(series: ReadonlyArray<{ id: string; title: string; statements: readonly Statement[] }>, formulas: readonly Formula[], topics: readonly Topic[], corrections: readonly Correction[], registry: readonly RegistrySource[]): string {
  const file: CompareContextFile = {
    series: series.map((entry) => ({
      id: entry.id,
      title: entry.title,
      statements: entry.statements.map((statement) => ({ id: statement.id, title: statement.title, shortTitle: statement.shortTitle, date: statement.date, place: statement.place, edition: statement.edition, lang: statement.lang ?? 'en' }))
    })),
    formulas: [...formulas],
    topics: [...topics],
    corrections: [...corrections],
    registry: [...registry]
  };
  return JSON.stringify(file);
}

/**
 * `/data/statements/<id>.json`: the statement without rendered HTML (the analysis reads only text).
 *
 * @param statement a tagged statement.
 * @param lineageOf the lineage id of a clause of it.
 */
export function toStatementFileJson(statement: Statement, lineageOf: (clauseId: string) => string | undefined): string {
  const lineages: Record<string, string> = {};
  for (const clause of clausesOf(statement)) {
    const lineage = lineageOf(clause.id);
    if (lineage !== undefined) lineages[clause.id] = lineage;
  }
  const file: StatementFile = {
    statement: {
      ...statement,
      sections: statement.sections.map((section) => ({ ...section, paragraphs: section.paragraphs.map((paragraph) => ({ ...paragraph, clauses: paragraph.clauses.map((clause) => ({ ...clause, html: '' })) })) })),
      footnotes: statement.footnotes.map((footnote) => ({ ...footnote, html: '' }))
    },
    lineages
  };
  return JSON.stringify(file);
}
