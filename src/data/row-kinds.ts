/**
 * The words the site uses for each kind of compare row (compare pages, method
 * page, cards): rows are named by their evidence, so that a reader can tell
 * "the statements changed" from "our sources differ".
 */
import type { RowKind } from './analysis.ts';
import type { PairReport } from '../lib/model/types.ts';

/** The visible label of each kind. */
export const kindLabels: Record<RowKind, string> = {
  kept: 'Kept',
  changed: 'Changed',
  dropped: 'Dropped',
  added: 'Added',
  'moved-to': 'Moved to',
  undocumented: 'Not documented',
  'moved-away': 'Moved away'
};

/** What each kind means, in a few words. */
export const kindHelp: Record<RowKind, string> = {
  kept: 'the same provision, with no evidence that its wording changed (any difference is between our paraphrases or between translations)',
  changed: 'quotes from the same translation differ, or a cited source documents the change',
  dropped: 'a cited source says the newer statement leaves it out, or the newer text is complete',
  added: 'a cited source says it is new, or the older text is complete',
  'moved-to': 'not in the newer statement, but in another statement signed the same day',
  undocumented: 'no cited source documents the provision in one of the two statements: not evidence of a change',
  'moved-away': 'where a moved clause stood (a source places both parts)'
};

/**
 * The counts of a pair in one sentence: "3 changed, 1 dropped, 40 kept, 12 not documented in Moscow 2025".
 *
 * @param report the pair's report.
 * @param older short title of the older statement.
 * @param newer short title of the newer statement.
 */
export function countsSentence(report: Pick<PairReport, 'counts' | 'moved'>, newer: string): string {
  const { counts } = report;
  const parts = [`${counts.changed} changed`];
  if (counts.dropped > 0) parts.push(`${counts.dropped} dropped`);
  if (counts.added > 0) parts.push(`${counts.added} added`);
  if (counts['moved-to'] > 0) parts.push(`${counts['moved-to']} moved to a same-day statement`);
  if (report.moved > 0) parts.push(`${report.moved} moved within ${newer}`);
  parts.push(`${counts.kept} kept`);
  if (counts.undocumented > 0) parts.push(`${counts.undocumented} documented in only one of the two`);
  return parts.join(', ');
}
