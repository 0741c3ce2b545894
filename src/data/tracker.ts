/**
 * The formula trackers of the build, one per series, computed once from the
 * corpus and shared by the formula, topic and home pages.
 */
import { getCorpus } from './corpus.ts';
import { trackFormulas, type Tracker, type TrackerRow } from '../view/tracker.ts';
import type { MatrixInput } from '../view/matrix.ts';
import type { Statement } from '../lib/model/types.ts';
import { mainLine } from '../view/series.ts';
import { href } from './href.ts';

let cached: Promise<Tracker[]> | undefined;

/** The tracker of every series, in series order. */
export function getTrackers(): Promise<Tracker[]> {
  cached ??= getCorpus().then((corpus) =>
    corpus.series.map((series) =>
      trackFormulas(
        corpus.statements.filter((statement) => statement.series === series.id),
        corpus.formulas,
        corpus.topics,
        new Map(corpus.registry.map((entry) => [entry.id, entry]))
      )
    )
  );
  return cached;
}

const stateWords = { present: 'present', changed: 'changed wording (same translation)', absent: 'absent (documented)', 'same-day': 'in a statement of the same day', undocumented: 'not documented' } as const;

/**
 * The tracker as matrix input: columns by statement, rows linked to formula pages, cells to clauses.
 *
 * @param tracker a series' tracker.
 * @param rows the rows to draw, grouped (default: every group of the tracker).
 * @param only the statement ids to draw as columns (default: all).
 */
export function matrixInput(tracker: Tracker, rows?: Array<{ id: string; label: string; rows: TrackerRow[] }>, only?: string[]): MatrixInput {
  const keep = (statementId: string) => !only || only.includes(statementId);
  const mainIds = new Set(mainLine(tracker.statements).map((statement) => statement.id));
  const groups = rows ?? tracker.groups.map((group) => ({ id: group.topic.id, label: group.topic.label, rows: group.rows }));
  return {
    columns: tracker.statements.filter((statement) => keep(statement.id)).map((statement) => columnOf(statement, mainIds.has(statement.id))),
    groups: groups.map((group) => ({
      id: group.id,
      label: group.label,
      rows: group.rows.map((row) => ({
        id: row.formula.id,
        label: row.formula.label,
        href: href(`/formulas/${row.formula.id}/`),
        cells: row.cells.filter((cell) => keep(cell.statementId)).map((cell) => {
          const statement = tracker.statements.find((s) => s.id === cell.statementId)!;
          const first = cell.occurrences[0];
          const phrase = first?.phrase ? `: “${first.phrase}”` : '';
          return {
            state: cell.state,
            title: `${row.formula.label} — ${statement.shortTitle}: ${stateWords[cell.state]}${phrase}`,
            ...(first ? { href: href(`/statements/${cell.statementId}/#${first.clauseId}`) } : {})
          };
        })
      }))
    }))
  };
}

/**
 * A statement as a column heading: place over year ("Moscow" / "2025"), a dagger
 * on the year of a statement outside the main line (a side document).
 *
 * @param statement the statement.
 * @param main whether it belongs to the series' main line.
 */
export function columnOf(statement: Statement, main: boolean): { id: string; label: string; sublabel: string } {
  const year = statement.date.slice(0, 4);
  return { id: statement.id, label: statement.place || statement.shortTitle, sublabel: main ? year : `${year} †` };
}

/** Words for a cell state, for tables and screen readers. */
export function stateWord(state: keyof typeof stateWords): string {
  return stateWords[state];
}
