/**
 * How well a word diff reads: how many separate change spans it shows, and how
 * many unchanged runs of content words it shows deleted and then re-inserted.
 */
import { diffTokens, isContentWord, MIN_KEPT_CONTENT_RUN } from '../analyse/diff.ts';
import type { DiffPart } from '../model/types.ts';

/** Maximal runs of non-equal parts: what a reader sees as separate changes. */
export function changeSpans(parts: readonly DiffPart[]): number {
  let spans = 0;
  let inChange = false;
  for (const p of parts) {
    if (p.op === 'equal') inChange = false;
    else if (!inChange) {
      spans++;
      inChange = true;
    }
  }
  return spans;
}

/** The content words of one side of a diff, each with whether the diff marks it changed. */
function side(parts: readonly DiffPart[], op: 'delete' | 'insert'): { word: string; changed: boolean }[] {
  return parts
    .filter((p) => p.op === 'equal' || p.op === op)
    .flatMap((p) => diffTokens(p.text).filter(isContentWord).map((w) => ({ word: w.toLowerCase(), changed: p.op === op })));
}

/** The `n`-grams of consecutive content words that the diff marks changed on one side, each with its start. */
function changedGrams(words: { word: string; changed: boolean }[], n: number): { gram: string; at: number }[] {
  const out: { gram: string; at: number }[] = [];
  for (let k = 0; k + n <= words.length; k++) {
    const run = words.slice(k, k + n);
    if (run.every((w) => w.changed)) out.push({ gram: run.map((w) => w.word).join(' '), at: k });
  }
  return out;
}

/**
 * Runs of `minRun` or more consecutive content words (stop words between them
 * ignored) that stand in both texts yet are shown deleted from the older and
 * inserted in the newer: text the diff shows as churn. A run counts once,
 * however long.
 */
export function churnedRuns(parts: readonly DiffPart[], minRun = MIN_KEPT_CONTENT_RUN): number {
  const inserted = new Set(changedGrams(side(parts, 'insert'), minRun).map((g) => g.gram));
  let runs = 0;
  let last = -2;
  for (const { gram, at } of changedGrams(side(parts, 'delete'), minRun)) {
    if (!inserted.has(gram)) continue;
    if (at !== last + 1) runs++;
    last = at;
  }
  return runs;
}
