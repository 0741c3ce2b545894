/**
 * The summary a compare page shows. The build's pages and the pages a browser computes
 * (any other pair, a reader's own text) both call this, so their counts and headlines
 * agree word for word.
 */
import type { AlignedPair, Formula, PairReport, Statement, Topic } from '../model/types.ts';
import type { RowEvidence } from './evidence.ts';
import { rowCounts } from './compare-headings.ts';
import { reportPair } from './report.ts';

export type PageReportInput = {
  older: Statement;
  newer: Statement;
  /** The pairs after the editors' corrections, and their evidence, in the same order. */
  pairs: readonly AlignedPair[];
  evidence: readonly RowEvidence[];
  /** The page's rows, by section. */
  sections: ReadonlyArray<{ rows: ReadonlyArray<{ kind: RowEvidence['class'] | 'moved-away' }> }>;
  formulas: readonly Formula[];
  topics: readonly Topic[];
  /** The series' statements before `newer` (for "last seen in …"). */
  history: readonly Statement[];
  /** Other statements signed the day `newer` was. */
  companions: readonly Statement[];
};

/**
 * The pair's report, counted as the page shows it.
 *
 * Between two full texts the page adds rows of its own (a renamed heading, a paragraph split or
 * merged), so the summary counts the page's rows, and the reader finds as many rows of each kind
 * as the summary says. A digest's rows are its pairs one for one, so its counts stand.
 */
export function pageReport(input: PageReportInput): PairReport {
  const { older, newer, pairs, evidence, sections, formulas, topics, history, companions } = input;
  const report = reportPair(older, newer, pairs, formulas, topics, history, companions, evidence);
  if (older.edition === 'full' && newer.edition === 'full') report.counts = rowCounts(sections.flatMap((section) => section.rows));
  return report;
}
