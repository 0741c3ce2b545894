/**
 * The open data files: one function per format. Output is deterministic
 * (fixed key order, no timestamps), so two builds of one corpus are byte-identical.
 */
import type { ClauseGraph, Formula, PairReport, Statement } from '../model/types.ts';
import { clausesOf } from '../analyse/graph.ts';
import { withBase } from '../model/href.ts';
import type { ConcordanceEntry } from '../content/concordance.ts';

/** A series as the data files need it. */
/** One row of a pair as the compare page shows it: clause ids of both sides, the aligner's kind, and the evidence class. */
export type EvidenceRow = { from: string[]; to: string[]; kind: string; evidence: string; basis: string; moved: boolean; statement?: string; source?: string };

export type SeriesData = { id: string; title: string; graph: ClauseGraph; reports: PairReport[]; rows?: Record<string, EvidenceRow[]> };

/**
 * `/data/statements.json`: every statement's metadata and its outline. Every `url` of the
 * open data is a site path under the base path (`base`, `/` by default).
 *
 * @param statements statements in series order.
 */
export function toStatementsJson(statements: readonly Statement[], base = '/'): string {
  return json({
    statements: statements.map((statement) => ({
      id: statement.id,
      url: withBase(base, `/statements/${statement.id}/`),
      title: statement.title,
      shortTitle: statement.shortTitle,
      date: statement.date,
      place: statement.place,
      series: statement.series,
      kind: statement.kind,
      edition: statement.edition,
      coverage: statement.coverage ?? null,
      omissions: (statement.omissions ?? []).map((omission) => ({ key: omission.key, note: omission.note, source: omission.source })),
      sources: statement.sources.map((source) => ({ label: source.label, url: source.url })),
      clauses: clausesOf(statement).length,
      sections: statement.sections.map((section) => ({
        key: section.key,
        number: section.number ?? null,
        heading: section.heading,
        paragraphs: section.paragraphs.map((paragraph) => ({ key: paragraph.key, clauses: paragraph.clauses.map((clause) => clause.id) }))
      }))
    }))
  });
}

/**
 * `/data/clause-graph.json`: per series, its statements, clause nodes, alignment edges and lineages.
 *
 * @param series the series with their graphs.
 */
export function toGraphJson(series: readonly SeriesData[], base = '/'): string {
  return json({
    series: series.map(({ id, title, graph }) => ({
      id,
      title,
      statements: graph.statements,
      nodes: graph.nodes.map((node) => ({
        id: node.node,
        statement: node.statementId,
        clause: node.id,
        section: node.sectionKey,
        paragraph: node.paragraphKey,
        text: node.text,
        topics: node.topics,
        formulas: node.formulas
      })),
      edges: graph.edges.map((edge) => ({ from: edge.from, to: edge.to, kind: edge.kind, score: edge.score })),
      lineages: graph.lineages.map((lineage) => ({ id: lineage.id, url: withBase(base, `/clauses/${lineage.id}/`), nodes: lineage.nodes }))
    }))
  });
}

/**
 * `/data/formulas.json`: each formula with the clauses that carry it, per statement.
 *
 * @param formulas the lexicon.
 * @param statements statements in series order.
 * @param states per formula, per statement: the tracker's evidence state.
 */
export function toFormulasJson(formulas: readonly Formula[], statements: readonly Statement[], states: Record<string, Record<string, string>> = {}): string {
  return json({
    formulas: formulas.map((formula) => ({
      id: formula.id,
      label: formula.label,
      topic: formula.topic,
      zh: formula.zh ?? null,
      ru: formula.ru ?? null,
      occurrences: Object.fromEntries(
        statements.map((statement) => [statement.id, clausesOf(statement).filter((clause) => clause.formulas.includes(formula.id)).map((clause) => clause.id)])
      ),
      // Per statement, by evidence: present, changed (same translation), absent (documented), same-day, undocumented.
      states: states[formula.id] ?? {}
    }))
  });
}

/**
 * `/data/report.json`: per pair of statements, the counts by evidence class, formulas and
 * headlines with their basis, and every row with the clause ids of both sides and its evidence.
 *
 * @param series the series with their reports.
 */
export function toReportJson(series: readonly SeriesData[], base = '/'): string {
  return json({
    pairs: series.flatMap(({ id, reports, rows }) =>
      reports.map((report) => ({
        series: id,
        older: report.older,
        newer: report.newer,
        url: withBase(base, `/compare/${report.older}/${report.newer}/`),
        counts: report.counts,
        moved: report.moved,
        alignerCounts: report.alignerCounts,
        formulas: report.formulas,
        topics: report.topics,
        headlines: report.headlines.map((headline) => ({
          text: headline.text,
          weight: headline.weight,
          anchor: headline.anchor,
          url: withBase(base, `/compare/${report.older}/${report.newer}/#${headline.anchor}`),
          formula: headline.formula ?? null,
          topic: headline.topic ?? null,
          basis: headline.basis,
          source: headline.source ?? null
        })),
        rows: (rows?.[`${report.older}/${report.newer}`] ?? []).map((row) => ({ ...row, statement: row.statement ?? null, source: row.source ?? null }))
      }))
    )
  });
}

/**
 * `/data/clauses.csv`: one row per clause (RFC 4180: CRLF, fields quoted when needed; formula-like cells neutralised).
 *
 * @param statements statements in series order.
 */
export function toClausesCsv(statements: readonly Statement[]): string {
  const rows = [['statement', 'date', 'section', 'paragraph', 'clause', 'text', 'topics', 'formulas']];
  for (const statement of statements) {
    for (const clause of clausesOf(statement)) {
      rows.push([statement.id, statement.date, clause.sectionKey, clause.paragraphKey, clause.id, clause.text, clause.topics.join(' '), clause.formulas.join(' ')]);
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * One CSV field. A cell that begins with `=`, `+`, `-`, `@`, a tab or a CR is
 * read as a formula by spreadsheets (`=HYPERLINK(…)` runs on opening), so it
 * gets a leading single quote, as OWASP advises for CSV injection; a reader
 * of the data sees the quote and the text unchanged after it.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * `/data/concordance.json`: the editors' concordance, one record per pair of paragraphs,
 * with the clause ids of both paragraphs so that a record can be joined to clause-graph.json.
 *
 * @param concordance the corpus's concordance.
 * @param statements the statements it names.
 */
export function toConcordanceJson(concordance: readonly ConcordanceEntry[], statements: readonly Statement[]): string {
  const clauseIds = (statementId: string, key: string): string[] => {
    const statement = statements.find((candidate) => candidate.id === statementId);
    return statement ? clausesOf(statement).filter((clause) => clause.paragraphKey === key).map((clause) => clause.id) : [];
  };
  return json({
    pairs: concordance.flatMap((entry) =>
      entry.pairs.map((pair) => ({
        older: entry.older,
        newer: entry.newer,
        olderKey: pair.older,
        newerKey: pair.newer,
        olderClauses: clauseIds(entry.older, pair.older),
        newerClauses: clauseIds(entry.newer, pair.newer)
      }))
    )
  });
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}
