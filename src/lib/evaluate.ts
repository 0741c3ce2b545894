/**
 * Score an alignment against the corpus's own gold: two paragraphs correspond
 * when both carry the same explicit key (a provision keeps its key across
 * statements). Only paragraphs with explicit keys on both sides are scored,
 * since generated keys say nothing about correspondence. Used by
 * `npm run eval:align` and by the method page, so both print the same figures.
 */
import type { Statement } from './types.ts';

/** True positives, false positives and false negatives. */
export type LinkCounts = { tp: number; fp: number; fn: number };

/** Precision, recall and F1 of some counts (1 when there is nothing to find or nothing found). */
export function prf(counts: LinkCounts): { p: number; r: number; f: number } {
  const p = counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp);
  const r = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** The sum of two counts. */
export function addCounts(a: LinkCounts, b: LinkCounts): LinkCounts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/** Counts of a predicted set of links against a gold set. */
export function scoreLinks(predicted: ReadonlySet<string>, gold: ReadonlySet<string>): LinkCounts {
  let tp = 0;
  for (const link of predicted) if (gold.has(link)) tp++;
  return { tp, fp: predicted.size - tp, fn: gold.size - tp };
}

/** Clause id → the explicit key of its paragraph, or null when the key was generated. */
export function explicitParagraphOf(statement: Statement): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const section of statement.sections) for (const paragraph of section.paragraphs) for (const clause of paragraph.clauses) map.set(clause.id, paragraph.explicitKey ? paragraph.key : null);
  return map;
}

/** Gold paragraph links of a pair: every explicit key both statements carry, as `key\0key`. */
export function goldLinks(older: Statement, newer: Statement): Set<string> {
  const keys = (statement: Statement): Set<string> =>
    new Set(statement.sections.flatMap((section) => section.paragraphs.filter((paragraph) => paragraph.explicitKey).map((paragraph) => paragraph.key)));
  const olderKeys = keys(older);
  return new Set([...keys(newer)].filter((key) => olderKeys.has(key)).map((key) => `${key}\u0000${key}`));
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

/** Score clause links between two statements against their shared keys. */
export function scoreAgainstKeys(links: ReadonlyArray<{ from: readonly string[]; to: readonly string[] }>, older: Statement, newer: Statement): LinkCounts {
  return scoreLinks(paragraphLinks(links, explicitParagraphOf(older), explicitParagraphOf(newer)), goldLinks(older, newer));
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

/** One scored pair of statements: the aligner alone, and with the editors' corrections. */
export type QualityRow = { older: Statement; newer: Statement; gold: number; aligner: LinkCounts; corrected: LinkCounts };

/**
 * Score each evaluation pair that has shared keys, for the aligner's own links and for the corrected ones.
 *
 * @param statements the statements (the evaluation pairs are consecutive statements of each series).
 * @param comparisons each pair of statements with the aligner's pairs and the corrected pairs.
 * @returns one row per scored pair (in evaluation order) and the micro-averaged totals.
 */
export function qualityTable(
  statements: readonly Statement[],
  comparisons: ReadonlyArray<{ older: Statement; newer: Statement; alignerPairs: ReadonlyArray<{ from: readonly string[]; to: readonly string[] }>; pairs: ReadonlyArray<{ from: readonly string[]; to: readonly string[] }> }>
): { rows: QualityRow[]; aligner: LinkCounts; corrected: LinkCounts } {
  const rows: QualityRow[] = [];
  for (const [older, newer] of evaluationPairs(statements)) {
    const comparison = comparisons.find((c) => c.older.id === older.id && c.newer.id === newer.id);
    const gold = goldLinks(older, newer).size;
    if (!comparison || gold === 0) continue;
    rows.push({ older, newer, gold, aligner: scoreAgainstKeys(comparison.alignerPairs, older, newer), corrected: scoreAgainstKeys(comparison.pairs, older, newer) });
  }
  const zero: LinkCounts = { tp: 0, fp: 0, fn: 0 };
  return { rows, aligner: rows.reduce((sum, row) => addCounts(sum, row.aligner), zero), corrected: rows.reduce((sum, row) => addCounts(sum, row.corrected), zero) };
}
