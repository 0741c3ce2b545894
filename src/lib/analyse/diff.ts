/**
 * Word-level diff of two aligned clauses, written to be read, and bounded in
 * time so a pathological pair degrades to "replaced" instead of stalling the
 * build.
 *
 * A plain word diff anchors on whatever it can: "the", "of", a comma. Between
 * two rewritten passages it then keeps those small words and shows the real
 * words deleted and re-inserted ("condemn the glorification of Nazism" struck
 * through on one side and underlined on the other). So the diff runs in two
 * passes, after diff-match-patch's semantic clean-up:
 *
 * 1. Only content words (not stop words, spaces or punctuation) are matched,
 *    by a longest-common-subsequence diff. Between two matched content words
 *    the shared leading and trailing tokens are kept equal and the rest is one
 *    change.
 * 2. An unchanged stretch between two changes is folded into them when it
 *    holds no content word, or when it is no longer than the changes on either
 *    side and holds fewer than three content words. A run of three or more
 *    content words is never folded, so it never shows as deleted and
 *    re-inserted.
 */
import { diffArrays } from 'diff';
import { isStopWord } from '../align/normalize.ts';
import { segments } from '../lang/words.ts';
import type { DiffPart, WordDiff } from '../model/types.ts';

/** Options of wordDiff. */
export type WordDiffOptions = {
  /** Give up after this many milliseconds (default 200). */
  timeoutMs?: number;
  /** Give up when the edit script would exceed this many tokens (default 4000). */
  maxEditLength?: number;
  /** BCP 47 tag of both texts, for word segmentation (default `en`). */
  lang?: string;
};

/** A stretch of unchanged words of this many content words or more is never folded into a change. */
export const MIN_KEPT_CONTENT_RUN = 3;

/** The diff that says "everything changed": used when the bounded diff gives up. */
export function replacedDiff(older: string, newer: string): WordDiff {
  const parts: DiffPart[] = [];
  if (older) parts.push({ op: 'delete', text: older });
  if (newer) parts.push({ op: 'insert', text: newer });
  return { parts, replaced: true };
}

// Inside a segmenter word: runs of letters (with their combining marks) and digits, and single marks between
// them ("U.S", "1,000" are cut at the dot and the comma, as the diff always did).
const WORD_PIECE_RE = /[\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]/gu;
// Between words: runs of whitespace and single punctuation marks.
const GAP_RE = /\s+|[\p{L}\p{M}\p{N}]+|[^\s]/gu;
const JOINER = /^['’-]$/u;
const isWordPiece = (token: string | undefined): boolean => token !== undefined && /^[\p{L}\p{M}\p{N}]/u.test(token);

/**
 * Words, runs of whitespace and single punctuation marks; they join back into the text.
 * Word boundaries are the platform's (`Intl.Segmenter`), so a Chinese sentence gives its words and
 * no token ever holds part of a word; hyphenated and apostrophed words stay whole ("well-known",
 * "военно-политический", "Russia's").
 *
 * @param lang BCP 47 tag of the text.
 */
export function diffTokens(text: string, lang = 'en'): string[] {
  const pieces: string[] = [];
  let gap = '';
  const flush = (): void => {
    for (const m of gap.matchAll(GAP_RE)) pieces.push(m[0]);
    gap = '';
  };
  for (const s of segments(text, lang)) {
    if (!s.word) {
      gap += s.text;
      continue;
    }
    flush();
    for (const m of s.text.matchAll(WORD_PIECE_RE)) pieces.push(m[0]);
  }
  flush();
  const tokens: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let token = pieces[i]!;
    if (isWordPiece(token)) {
      while (JOINER.test(pieces[i + 1] ?? '') && isWordPiece(pieces[i + 2])) {
        token += pieces[i + 1]! + pieces[i + 2]!;
        i += 2;
      }
    }
    tokens.push(token);
  }
  return tokens;
}

/** A word that carries meaning: not a function word of its language, not whitespace or punctuation. */
export function isContentWord(token: string): boolean {
  return /^[\p{L}\p{N}]/u.test(token) && !isStopWord(token.toLowerCase());
}

/** How many content words a text holds. */
export function contentWordCount(text: string): number {
  return diffTokens(text).filter(isContentWord).length;
}

type Change = { del: string; ins: string };
type Piece = { equal: string } | Change;

/** Pass 1: equal runs and changes, anchored on content words only; undefined when the bounded diff gives up. */
function anchoredPieces(a: string[], b: string[], timeout: number, maxEditLength: number): Piece[] | undefined {
  const ca = a.flatMap((t, i) => (isContentWord(t) ? [i] : []));
  const cb = b.flatMap((t, i) => (isContentWord(t) ? [i] : []));
  const changes = diffArrays(ca.map((i) => a[i]!), cb.map((i) => b[i]!), { timeout, maxEditLength });
  if (!changes) return undefined;
  const anchors: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    if (c.added) j += n;
    else if (c.removed) i += n;
    else for (let k = 0; k < n; k++) anchors.push([ca[i++]!, cb[j++]!]);
  }
  anchors.push([a.length, b.length]);
  const pieces: Piece[] = [];
  let pa = 0;
  let pb = 0;
  for (const [ai, bj] of anchors) {
    let lo = 0;
    while (pa + lo < ai && pb + lo < bj && a[pa + lo] === b[pb + lo]) lo++;
    let hi = 0;
    while (ai - hi - 1 >= pa + lo && bj - hi - 1 >= pb + lo && a[ai - hi - 1] === b[bj - hi - 1]) hi++;
    pieces.push({ equal: a.slice(pa, pa + lo).join('') });
    pieces.push({ del: a.slice(pa + lo, ai - hi).join(''), ins: b.slice(pb + lo, bj - hi).join('') });
    pieces.push({ equal: a.slice(ai - hi, ai).join('') + (ai < a.length ? a[ai] : '') });
    pa = ai + 1;
    pb = bj + 1;
  }
  return pieces;
}

/** Join neighbouring equal runs and neighbouring changes, drop empty ones: equal and change then alternate. */
function normalise(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if ('equal' in p) {
      if (!p.equal) continue;
      if (last && 'equal' in last) last.equal += p.equal;
      else out.push({ equal: p.equal });
    } else {
      if (!p.del && !p.ins) continue;
      if (last && !('equal' in last)) {
        last.del += p.del;
        last.ins += p.ins;
      } else out.push({ del: p.del, ins: p.ins });
    }
  }
  return out;
}

/** Should the unchanged text between two changes be shown as part of them? */
function folds(equal: string, before: Change, after: Change): boolean {
  const words = contentWordCount(equal);
  if (words === 0) return true;
  if (words >= MIN_KEPT_CONTENT_RUN) return false;
  const size = equal.length;
  return size <= Math.max(before.del.length, before.ins.length) && size <= Math.max(after.del.length, after.ins.length);
}

/** Pass 2: fold small unchanged stretches between changes into them, until none is left. */
function semanticCleanup(input: readonly Piece[]): Piece[] {
  let pieces = normalise(input);
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = 1; k + 1 < pieces.length; k++) {
      const eq = pieces[k]!;
      const before = pieces[k - 1]!;
      const after = pieces[k + 1]!;
      if (!('equal' in eq) || 'equal' in before || 'equal' in after) continue;
      if (!folds(eq.equal, before, after)) continue;
      pieces.splice(k - 1, 3, { del: before.del + eq.equal + after.del, ins: before.ins + eq.equal + after.ins });
      changed = true;
      k--;
    }
    pieces = normalise(pieces);
  }
  return pieces;
}

/** Word diff of two texts (whitespace kept): equal, delete and insert parts, never two of one op in a row, a deletion before its insertion; replaced when it gives up. */
export function wordDiff(older: string, newer: string, options: WordDiffOptions = {}): WordDiff {
  if (older === newer) return { parts: older ? [{ op: 'equal', text: older }] : [], replaced: false };
  const timeout = options.timeoutMs ?? 200;
  const maxEditLength = options.maxEditLength ?? 4000;
  const lang = options.lang ?? 'en';
  const pieces = anchoredPieces(diffTokens(older, lang), diffTokens(newer, lang), timeout, maxEditLength);
  if (!pieces) return replacedDiff(older, newer);
  const parts: DiffPart[] = [];
  for (const p of semanticCleanup(pieces)) {
    if ('equal' in p) parts.push({ op: 'equal', text: p.equal });
    else {
      if (p.del) parts.push({ op: 'delete', text: p.del });
      if (p.ins) parts.push({ op: 'insert', text: p.ins });
    }
  }
  return { parts, replaced: false };
}
