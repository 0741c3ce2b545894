/**
 * Word-level diff of two aligned clauses, bounded in time so a pathological
 * pair degrades to "replaced" instead of stalling the build.
 */
import { diffWordsWithSpace } from 'diff';
import type { DiffPart, WordDiff } from '../model/types.ts';

/** Options of wordDiff. */
export type WordDiffOptions = {
  /** Give up after this many milliseconds (default 200). */
  timeoutMs?: number;
  /** Give up when the edit script would exceed this many tokens (default 4000). */
  maxEditLength?: number;
};

/** The diff that says "everything changed": used when the bounded diff gives up. */
export function replacedDiff(older: string, newer: string): WordDiff {
  const parts: DiffPart[] = [];
  if (older) parts.push({ op: 'delete', text: older });
  if (newer) parts.push({ op: 'insert', text: newer });
  return { parts, replaced: true };
}

/** Word diff of two texts (whitespace kept), adjacent parts of one op merged; replaced when it gives up. */
export function wordDiff(older: string, newer: string, options: WordDiffOptions = {}): WordDiff {
  if (older === newer) return { parts: older ? [{ op: 'equal', text: older }] : [], replaced: false };
  const timeout = options.timeoutMs ?? 200;
  const maxEditLength = options.maxEditLength ?? 4000;
  const changes = diffWordsWithSpace(older, newer, { timeout, maxEditLength });
  if (!changes) return replacedDiff(older, newer);
  const parts: DiffPart[] = [];
  for (const c of changes) {
    if (!c.value) continue;
    const op: DiffPart['op'] = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += c.value;
    else parts.push({ op, text: c.value });
  }
  return { parts, replaced: false };
}
