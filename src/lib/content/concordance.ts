/**
 * The encoders' concordance (`concordance.yaml`): per pair of statements, the
 * paragraphs of the newer statement that continue a provision of the older one
 * under a different key. A paragraph carries one key, so a provision that was
 * split over two paragraphs, merged into another, or continued under a new
 * name cannot be told by keys alone; the concordance says so. Keys and
 * concordance together are the gold that the evaluation scores the aligner
 * against (evaluate.ts). The compare pages cite it beside a dropped or added
 * row (its point continues elsewhere); the pairings themselves never come from it.
 */
import { z } from 'zod';
import type { AlignedPair, Diagnostic, Position, Statement } from '../model/types.ts';
import type { Source } from '../model/diagnostics.ts';
import { readYamlList } from './yaml-list.ts';
import { clausesOf, explicitKeys } from '../analyse/graph.ts';

/** One declared correspondence: older paragraph key → newer paragraph key, and where it was written. */
export type ConcordanceLink = { older: string; newer: string; position: Position };

/** The concordance of one pair of statements. */
export type ConcordanceEntry = { older: string; newer: string; pairs: ConcordanceLink[]; position: Position };

const entrySchema = z.strictObject({
  older: z.string().min(1),
  newer: z.string().min(1),
  pairs: z.array(z.tuple([z.string().min(1), z.string().min(1)])).min(1)
});

const hint = 'Write a list of entries `- { older: <id>, newer: <id>, pairs: [[older-key, newer-key]] }`; each pair names two paragraph keys, the older first.';

/**
 * Read `concordance.yaml`.
 *
 * @param source the file, or undefined when the corpus has none.
 * @returns the well-formed entries, and diagnostics with file:line:column.
 */
export function readConcordance(source: Source | undefined): { concordance: ConcordanceEntry[]; diagnostics: Diagnostic[] } {
  if (!source) return { concordance: [], diagnostics: [] };
  const { entries, diagnostics } = readYamlList(source, entrySchema, { rule: 'concordance-invalid', hint });
  const concordance = entries.map(({ value, position, positionOf }): ConcordanceEntry => ({
    older: value.older,
    newer: value.newer,
    pairs: value.pairs.map(([older, newer], index) => ({ older, newer, position: positionOf(['pairs', index]) })),
    position
  }));
  return { concordance, diagnostics };
}

/**
 * Check that the concordance names statements in date order and explicit paragraph keys
 * that exist, and that no pair repeats what equal keys already say.
 *
 * @param concordance from `readConcordance`.
 * @param statements the corpus.
 */
export function checkConcordance(concordance: ConcordanceEntry[], statements: Statement[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const error = (position: Position, rule: string, message: string, advice: string): void => {
    diagnostics.push({ ...position, rule, severity: 'error', message, hint: advice });
  };
  const byId = new Map(statements.map((statement) => [statement.id, statement]));
  for (const entry of concordance) {
    const older = byId.get(entry.older);
    const newer = byId.get(entry.newer);
    for (const [side, id, statement] of [['older', entry.older, older], ['newer', entry.newer, newer]] as const) {
      if (!statement) error(entry.position, 'concordance-unknown-statement', `${side} statement \`${id}\` does not exist`, `Use a statement id (the file name without .md): ${[...byId.keys()].join(', ')}.`);
    }
    if (!older || !newer) continue;
    if (older.date > newer.date) error(entry.position, 'concordance-order', `\`${older.id}\` (${older.date}) is newer than \`${newer.id}\` (${newer.date})`, 'Swap `older` and `newer`, and each pair with them.');
    const keys = { older: explicitKeys(older), newer: explicitKeys(newer) };
    for (const link of entry.pairs) {
      for (const [side, key, statement] of [['older', link.older, older], ['newer', link.newer, newer]] as const) {
        if (!keys[side].has(key)) error(link.position, 'concordance-unknown-key', `\`${key}\` is not the key of a paragraph of the ${side} statement \`${statement.id}\``, 'Name a paragraph by the key written at its end, `{#key}` (not a clause id, not a section).');
      }
      if (link.older === link.newer) error(link.position, 'concordance-same-key', `\`${link.older}\` → \`${link.newer}\` repeats what the equal keys already say`, 'Remove the pair: paragraphs with the same key correspond without it.');
    }
  }
  return diagnostics;
}

/**
 * The declared correspondences between two statements, as pairs of paragraph keys.
 *
 * @param concordance the corpus's concordance.
 * @param older the older statement.
 * @param newer the newer statement.
 */
export function concordancePairs(concordance: readonly ConcordanceEntry[], older: Statement, newer: Statement): Array<{ older: string; newer: string }> {
  return concordance.filter((entry) => entry.older === older.id && entry.newer === newer.id).flatMap((entry) => entry.pairs.map((link) => ({ older: link.older, newer: link.newer })));
}

/**
 * The declared correspondences between two statements, as `older-key\0newer-key` (the form of evaluate.ts's links).
 *
 * @param concordance the corpus's concordance.
 * @param older the older statement.
 * @param newer the newer statement.
 */
export function concordanceLinks(concordance: readonly ConcordanceEntry[], older: Statement, newer: Statement): Set<string> {
  return new Set(concordancePairs(concordance, older, newer).map((pair) => `${pair.older}\u0000${pair.newer}`));
}

/**
 * How far two annotations of the concordance agree: the pairs each holds, the pairs both
 * hold, and their F1 (the harmonic mean of the share of each annotation's pairs the other
 * also holds; 1 when both are empty).
 *
 * @param a one annotation.
 * @param b another annotation of the same corpus.
 */
export function concordanceAgreement(a: readonly ConcordanceEntry[], b: readonly ConcordanceEntry[]): { a: number; b: number; both: number; f1: number } {
  const links = (entries: readonly ConcordanceEntry[]): Set<string> =>
    new Set(entries.flatMap((entry) => entry.pairs.map((pair) => [entry.older, entry.newer, pair.older, pair.newer].join('\u0000'))));
  const inA = links(a);
  const inB = links(b);
  const both = [...inA].filter((link) => inB.has(link)).length;
  return { a: inA.size, b: inB.size, both, f1: inA.size + inB.size === 0 ? 1 : (2 * both) / (inA.size + inB.size) };
}

/**
 * Links between paragraphs with different keys that the compare page shows and the
 * concordance does not list, as warnings: each is either a provision continuing under
 * another key (add it to the concordance) or a wrong pairing (forbid it). Together with
 * the corrections, this keeps every cross-key row of the site reviewed by an editor.
 *
 * @param pairs the pairs the compare page shows (the aligner's, with the corrections applied).
 * @param older the older statement.
 * @param newer the newer statement.
 * @param concordance the corpus's concordance.
 */
export function unreviewedLinks(pairs: readonly AlignedPair[], older: Statement, newer: Statement, concordance: readonly ConcordanceEntry[]): Diagnostic[] {
  const listed = concordanceLinks(concordance, older, newer);
  const olderKeys = explicitKeys(older);
  const newerKeys = explicitKeys(newer);
  const olderClause = new Map(clausesOf(older).map((clause) => [clause.id, clause]));
  const newerClause = new Map(clausesOf(newer).map((clause) => [clause.id, clause]));
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const pair of pairs) {
    for (const from of pair.from) {
      for (const to of pair.to) {
        const a = olderClause.get(from);
        const b = newerClause.get(to);
        if (!a || !b || a.paragraphKey === b.paragraphKey || !olderKeys.has(a.paragraphKey) || !newerKeys.has(b.paragraphKey)) continue;
        const link = `${a.paragraphKey}\u0000${b.paragraphKey}`;
        if (listed.has(link) || seen.has(link)) continue;
        seen.add(link);
        diagnostics.push({
          ...b.position,
          rule: 'link-not-in-concordance',
          severity: 'warning',
          message: `the compare page ${older.id} → ${newer.id} pairs ${a.id} with ${b.id}, whose paragraphs carry different keys, and concordance.yaml does not list [${a.paragraphKey}, ${b.paragraphKey}]`,
          hint: `If ${b.paragraphKey} continues a point of ${a.paragraphKey}, add the pair to concordance.yaml (older: ${older.id}, newer: ${newer.id}); if not, forbid [${a.id}, ${b.id}] in alignments.yaml.`
        });
      }
    }
  }
  return diagnostics;
}

/**
 * How many dropped and added pairs the concordance says continue a point under another key:
 * a dropped clause whose paragraph continues in a newer one, an added clause whose paragraph
 * continues an older one.
 *
 * @param pairs the pairs of the two statements (the compare page's).
 * @param older the older statement.
 * @param newer the newer statement.
 * @param concordance the corpus's concordance.
 */
export function continuedCounts(pairs: readonly AlignedPair[], older: Statement, newer: Statement, concordance: readonly ConcordanceEntry[]): { dropped: number; added: number } {
  const declared = concordancePairs(concordance, older, newer);
  const olderKeys = new Set(declared.map((pair) => pair.older));
  const newerKeys = new Set(declared.map((pair) => pair.newer));
  const olderKey = new Map(clausesOf(older).map((clause) => [clause.id, clause.paragraphKey]));
  const newerKey = new Map(clausesOf(newer).map((clause) => [clause.id, clause.paragraphKey]));
  const count = (kind: 'dropped' | 'added', ids: (pair: AlignedPair) => readonly string[], keyOf: Map<string, string>, keys: Set<string>): number =>
    pairs.filter((pair) => pair.kind === kind && ids(pair).some((id) => keys.has(keyOf.get(id) ?? ''))).length;
  return { dropped: count('dropped', (pair) => pair.from, olderKey, olderKeys), added: count('added', (pair) => pair.to, newerKey, newerKeys) };
}
