/**
 * How well a word diff reads: how many separate change spans it shows, and how
 * many unchanged runs of content words it shows deleted and then re-inserted.
 */
import { diffTokens, isContentWord, MIN_KEPT_CONTENT_RUN } from '../analyse/diff.ts';
import type { DiffPart } from '../model/types.ts';
import { segments } from '../lang/words.ts';

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

/**
 * The marks of a word diff (its inserted and deleted parts) and how many of them start and
 * end on word boundaries of their text (the older text for deletions, the newer for
 * insertions), as the platform's word segmentation (Intl.Segmenter) draws them in `lang`. A
 * mark off a boundary marks part of a word: target none.
 *
 * @param parts the diff of `older` against `newer`.
 */
export function marksOnWordBoundaries(parts: readonly DiffPart[], older: string, newer: string, lang = 'en'): { marks: number; onBoundary: number } {
  const boundaries = (text: string): Set<number> => new Set([...segments(text, lang).map((s) => s.index), text.length]);
  const sides = { delete: { bounds: boundaries(older), at: 0 }, insert: { bounds: boundaries(newer), at: 0 } };
  let marks = 0;
  let onBoundary = 0;
  for (const part of parts) {
    const moves = part.op === 'equal' ? [sides.delete, sides.insert] : [sides[part.op]];
    if (part.op !== 'equal') {
      const side = sides[part.op];
      marks++;
      if (side.bounds.has(side.at) && side.bounds.has(side.at + part.text.length)) onBoundary++;
    }
    for (const side of moves) side.at += part.text.length;
  }
  return { marks, onBoundary };
}
