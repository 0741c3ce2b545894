/**
 * The open data a comparison in the browser reads (src/lib/export/compare-data.ts),
 * fetched from the site itself, and the pair computed from it by the build's own
 * code (src/lib/analyse/compare-rows.ts).
 */
import { href } from '../../data/href.ts';
import { comparePair, type CompareSection, type DroppedSection } from '../../lib/analyse/compare-rows.ts';
import { pageReport } from '../../lib/analyse/page-report.ts';
import type { CompareContextFile, ContextStatement, StatementFile } from '../../lib/export/compare-data.ts';
import type { PairReport, Statement } from '../../lib/model/types.ts';

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(href(path));
  if (!response.ok) throw new Error(`${href(path)} answered ${response.status}.`);
  return (await response.json()) as T;
}

let context: Promise<CompareContextFile> | undefined;
const statements = new Map<string, Promise<StatementFile>>();

/** `/data/compare-context.json`, fetched once. */
export function loadContext(): Promise<CompareContextFile> {
  context ??= getJson<CompareContextFile>('/data/compare-context.json');
  return context;
}

/** `/data/statements/<id>.json`, fetched once per statement. */
export function loadStatement(id: string): Promise<StatementFile> {
  let file = statements.get(id);
  if (!file) {
    file = getJson<StatementFile>(`/data/statements/${encodeURIComponent(id)}.json`);
    statements.set(id, file);
  }
  return file;
}

/** The series that holds a statement, and its statements in date order. */
export function seriesOf(file: CompareContextFile, id: string): { id: string; title: string; statements: ContextStatement[] } | undefined {
  return file.series.find((series) => series.statements.some((statement) => statement.id === id));
}

/** A computed comparison. */
export type ComputedPair = { older: Statement; newer: Statement; sections: CompareSection[]; droppedSections: DroppedSection[]; report: PairReport; context: CompareContextFile; series: { id: string; title: string; statements: ContextStatement[] } };

/** Why a pair cannot be compared, in words for the reader. */
export class PairError extends Error {}

/**
 * Compare two statements of a series, as the build would.
 *
 * @param olderId the earlier statement's id.
 * @param newerId the later statement's id.
 * @param newerOverride the reader's own text in place of a statement of the series (compare your own text).
 */
export async function computePair(olderId: string, newerId: string, newerOverride?: Statement): Promise<ComputedPair> {
  const file = await loadContext();
  const series = seriesOf(file, olderId);
  if (!series) throw new PairError(`No statement of this site has the id “${olderId}”.`);
  const olderAt = series.statements.findIndex((statement) => statement.id === olderId);
  let newer: Statement;
  const lineages = new Map<string, string>();
  const olderFile = await loadStatement(olderId);
  for (const [clause, lineage] of Object.entries(olderFile.lineages)) lineages.set(`${olderId}/${clause}`, lineage);
  let companions: Statement[] = [];
  // The statements before the newer one, for the summary's "last seen in …": all of the series for a reader's own text.
  let historyIds = series.statements.map((statement) => statement.id);
  if (newerOverride) newer = newerOverride;
  else {
    const newerAt = series.statements.findIndex((statement) => statement.id === newerId);
    if (newerAt < 0) throw new PairError(`“${newerId}” is not a statement of the series “${series.title}”.`);
    if (newerAt <= olderAt) throw new PairError('The earlier statement comes first in a compare address: /compare/<older>/<newer>/.');
    const newerFile = await loadStatement(newerId);
    newer = newerFile.statement;
    for (const [clause, lineage] of Object.entries(newerFile.lineages)) lineages.set(`${newerId}/${clause}`, lineage);
    const newerDate = series.statements[newerAt]!.date;
    // Other statements signed the same day: a provision may have moved to one of them.
    const sameDay = series.statements.filter((statement) => statement.date === newerDate && statement.id !== newerId && statement.id !== olderId);
    companions = (await Promise.all(sameDay.map((statement) => loadStatement(statement.id)))).map((entry) => entry.statement);
    historyIds = historyIds.slice(0, newerAt);
  }
  const history = (await Promise.all(historyIds.map((id) => loadStatement(id)))).map((entry) => entry.statement);
  const older = olderFile.statement;
  const result = comparePair(older, newer, {
    formulas: file.formulas,
    corrections: file.corrections,
    registry: new Map(file.registry.map((entry) => [entry.id, entry])),
    companions,
    lineageOf: (node) => lineages.get(node)
  });
  const report = pageReport({ older, newer, pairs: result.pairs, evidence: result.evidence, sections: result.sections, formulas: file.formulas, topics: file.topics, history, companions });
  return { older, newer, sections: result.sections, droppedSections: result.droppedSections, report, context: file, series };
}
