/**
 * Carry forward: where no source documents a change, a provision's paraphrase
 * uses the same words as in the previous statement, so that any difference a
 * reader sees is one the sources show. This check finds paraphrase that drifts
 * between same-key paragraphs whose evidence is unchanged.
 */
import type { AlignedPair, Clause, Diagnostic, Statement } from '../model/types.ts';
import type { RowEvidence } from '../analyse/evidence.ts';
import { clausesById } from '../model/statement.ts';

/** A text with its quotes set aside: what remains is the editors' paraphrase. */
export function paraphraseOf(text: string): string {
  return text.replace(/"[^"\n]*"|“[^”\n]*”/g, '"…"').replace(/\s+/g, ' ').trim();
}

/**
 * Warn about every kept row of `older` → `newer` that joins paragraphs of one key whose
 * paraphrase differs.
 *
 * @param comparison the pair, its pairs and their evidence (in the same order).
 */
export function paraphraseDrift(comparison: { older: Statement; newer: Statement; pairs: readonly AlignedPair[]; evidence: readonly RowEvidence[] }): Diagnostic[] {
  const { older, newer, pairs, evidence } = comparison;
  const olderClauses = clausesById(older);
  const newerClauses = clausesById(newer);
  const diagnostics: Diagnostic[] = [];
  pairs.forEach((pair, at) => {
    const row = evidence[at];
    if (row?.class !== 'kept' || (row.basis !== 'paraphrase' && row.basis !== 'translations')) return;
    const from = pair.from.map((id) => olderClauses.get(id)).filter((clause): clause is Clause => clause !== undefined);
    const to = pair.to.map((id) => newerClauses.get(id)).filter((clause): clause is Clause => clause !== undefined);
    const keys = new Set([...from, ...to].map((clause) => clause.paragraphKey));
    if (keys.size !== 1 || !to[0]) return;
    const before = paraphraseOf(from.map((clause) => clause.text).join(' '));
    const after = paraphraseOf(to.map((clause) => clause.text).join(' '));
    if (before === after) return;
    diagnostics.push({
      ...to[0].position,
      rule: 'paraphrase-drift',
      severity: 'warning',
      message: `the paraphrase of \`${to[0].id}\` differs from ${older.id}'s though no source documents a change: ${firstDifference(before, after)}`,
      hint: `Carry ${older.id}'s words forward word for word (only a quote may differ, faithful to its own source), or record under \`changes:\` in the front matter the source that documents the change.`
    });
  });
  return diagnostics;
}

// The first differing words, a few words of context on each side.
function firstDifference(before: string, after: string): string {
  const a = before.split(' ');
  const b = after.split(' ');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  const show = (words: string[]) => `“${words.slice(start, start + 6).join(' ')}${words.length > start + 6 ? ' …' : ''}”`;
  return `${show(a)} became ${show(b)}`;
}
