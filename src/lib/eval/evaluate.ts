/**
 * Score an alignment against the corpus's own gold, in the way word alignments
 * are scored against sure and possible links (Och and Ney, 2003):
 *  - sure: two paragraphs that carry the same explicit key (a provision keeps its
 *    key across statements). Recall is the share of these that the links find;
 *  - possible: the sure links, plus the pairs of the encoders' concordance
 *    (concordance.ts), where a paragraph continues a point of one with another
 *    key. A link is right for precision when it is possible; the concordance
 *    never makes a link required.
 * Only paragraphs with explicit keys on both sides are scored, since generated
 * keys say nothing about correspondence. Used by `npm run eval:align` and by the
 * method page, so both print the same figures.
 */
import type { Statement } from '../model/types.ts';
import { concordanceLinks, type ConcordanceEntry } from '../content/concordance.ts';
import { explicitKeys } from '../analyse/graph.ts';

/**
 * Links scored against sure and possible gold: `tp` found sure links, `possible`
 * found links that are possible but not sure, `fp` found links that are neither,
 * `fn` sure links not found.
 */
export type LinkCounts = { tp: number; possible: number; fp: number; fn: number };

/** Counts of nothing. */
export const noCounts: LinkCounts = { tp: 0, possible: 0, fp: 0, fn: 0 };

/**
 * Precision (found links that are possible), recall (sure links found) and F1
 * of some counts; 1 when there is nothing to find or nothing found.
 */
export function prf(counts: LinkCounts): { p: number; r: number; f: number } {
  const right = counts.tp + counts.possible;
  const p = right + counts.fp === 0 ? 1 : right / (right + counts.fp);
  const r = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/**
 * Alignment error rate (Och and Ney, 2003): 1 − (|A∩S| + |A∩P|) / (|A| + |S|), for found links A,
 * sure links S and possible links P; 0 when nothing is found and nothing is sure.
 */
export function alignmentErrorRate(counts: LinkCounts): number {
  const found = counts.tp + counts.possible + counts.fp;
  const sure = counts.tp + counts.fn;
  return found + sure === 0 ? 0 : 1 - (2 * counts.tp + counts.possible) / (found + sure);
}

/** The sum of two counts. */
export function addCounts(a: LinkCounts, b: LinkCounts): LinkCounts {
  return { tp: a.tp + b.tp, possible: a.possible + b.possible, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/**
 * Counts of a predicted set of links against the sure links and, optionally,
 * the links that are also possible (a superset of the sure ones).
 */
export function scoreLinks(predicted: ReadonlySet<string>, sure: ReadonlySet<string>, possible: ReadonlySet<string> = sure): LinkCounts {
  let tp = 0;
  let allowed = 0;
  for (const link of predicted) {
    if (sure.has(link)) tp++;
    else if (possible.has(link)) allowed++;
  }
  return { tp, possible: allowed, fp: predicted.size - tp - allowed, fn: sure.size - tp };
}

/** Clause id → the explicit key of its paragraph, or null when the key was generated. */
export function explicitParagraphOf(statement: Statement): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const section of statement.sections) for (const paragraph of section.paragraphs) for (const clause of paragraph.clauses) map.set(clause.id, paragraph.explicitKey ? paragraph.key : null);
  return map;
}

/** Sure paragraph links of a pair: every explicit key both statements carry, as `key\0key`. */
export function goldLinks(older: Statement, newer: Statement): Set<string> {
  const olderKeys = explicitKeys(older);
  return new Set([...explicitKeys(newer)].filter((key) => olderKeys.has(key)).map((key) => `${key}\u0000${key}`));
}

/** Possible paragraph links of a pair: the sure ones and the concordance's pairs for these two statements. */
export function possibleLinks(older: Statement, newer: Statement, concordance: readonly ConcordanceEntry[]): Set<string> {
  return new Set([...goldLinks(older, newer), ...concordanceLinks(concordance, older, newer)]);
}

/**
 * Paragraph links implied by clause links, restricted to explicitly keyed paragraphs.
 * One map per side: the same clause id can name clauses of both statements.
 */
export function paragraphLinks(links: ReadonlyArray<{ from: readonly string[]; to: readonly string[] }>, olderParagraphOf: Map<string, string | null>, newerParagraphOf: Map<string, string | null>): Set<string> {
  const out = new Set<string>();
  for (const link of links) {
    for (const from of link.from) {
      for (const to of link.to) {
        const older = olderParagraphOf.get(from);
        const newer = newerParagraphOf.get(to);
        if (older && newer) out.add(`${older}\u0000${newer}`);
      }
    }
  }
  return out;
}

/** Score clause links between two statements against their shared keys (sure) and the concordance (possible). */
export function scoreAgainstKeys(links: ReadonlyArray<{ from: readonly string[]; to: readonly string[] }>, older: Statement, newer: Statement, concordance: readonly ConcordanceEntry[] = []): LinkCounts {
  return scoreLinks(paragraphLinks(links, explicitParagraphOf(older), explicitParagraphOf(newer)), goldLinks(older, newer), possibleLinks(older, newer, concordance));
}

/** The pairs the evaluation scores: consecutive statements of each series, by date then id. */
export function evaluationPairs(statements: readonly Statement[]): Array<[Statement, Statement]> {
  const bySeries = new Map<string, Statement[]>();
  for (const statement of statements) {
    const list = bySeries.get(statement.series);
    if (list) list.push(statement);
    else bySeries.set(statement.series, [statement]);
  }
  const pairs: Array<[Statement, Statement]> = [];
  for (const list of bySeries.values()) {
    list.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    for (let k = 1; k < list.length; k++) pairs.push([list[k - 1]!, list[k]!]);
  }
  return pairs;
}

/** One scored pair of statements: the aligner alone, and with the editors' corrections; `gold` counts the sure links, `possible` the concordance's. */
export type QualityRow = { older: Statement; newer: Statement; gold: number; possible: number; aligner: LinkCounts; corrected: LinkCounts };

/**
 * Score each evaluation pair that has shared keys, for the aligner's own links and for the corrected ones.
 *
 * @param statements the statements (the evaluation pairs are consecutive statements of each series).
 * @param comparisons each pair of statements with the aligner's pairs and the corrected pairs.
 * @param concordance the encoders' concordance: its pairs are possible links.
 * @returns one row per scored pair (in evaluation order) and the micro-averaged totals.
 */
export function qualityTable(
  statements: readonly Statement[],
  comparisons: ReadonlyArray<{ older: Statement; newer: Statement; alignerPairs: ReadonlyArray<{ from: readonly string[]; to: readonly string[] }>; pairs: ReadonlyArray<{ from: readonly string[]; to: readonly string[] }> }>,
  concordance: readonly ConcordanceEntry[] = []
): { rows: QualityRow[]; aligner: LinkCounts; corrected: LinkCounts } {
  const rows: QualityRow[] = [];
  for (const [older, newer] of evaluationPairs(statements)) {
    const comparison = comparisons.find((c) => c.older.id === older.id && c.newer.id === newer.id);
    const gold = goldLinks(older, newer).size;
    if (!comparison || gold === 0) continue;
    rows.push({
      older,
      newer,
      gold,
      possible: concordanceLinks(concordance, older, newer).size,
      aligner: scoreAgainstKeys(comparison.alignerPairs, older, newer, concordance),
      corrected: scoreAgainstKeys(comparison.pairs, older, newer, concordance)
    });
  }
  return { rows, aligner: rows.reduce((sum, row) => addCounts(sum, row.aligner), noCounts), corrected: rows.reduce((sum, row) => addCounts(sum, row.corrected), noCounts) };
}
