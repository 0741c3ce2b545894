/**
 * Weighted term sets for clause similarity, and the inverted index that finds
 * candidate partners without an all-pairs matrix (used by the phases of align.ts).
 *
 * Each clause becomes the sorted ids of its normalised tokens plus one token per
 * text-derived tag (topic `#id`, formula `§id`); every term weighs its IDF over both
 * sides, ln(1 + clauses / df), so rare shared words and tags are strong evidence.
 */
import type { Clause, Formula } from '../model/types.ts';
import { FORMULA_TOKEN_PREFIX, normalizeOnce, normalizedText } from './normalize.ts';
import { ALIGN_TUNING } from './tuning.ts';

/** Prefix of the token that stands for a topic tag. */
const TOPIC_TOKEN_PREFIX = '#';

/** One side of an alignment, as terms. */
export type Side = {
  /** Sorted unique term ids per clause. */
  terms: Int32Array[];
  /** Sum of term weights per clause. */
  weight: Float64Array;
  /** normalizedText per clause. */
  keys: string[];
};

/** Sum of weights of the terms two sorted term lists share. */
export function shared(a: Int32Array, b: Int32Array, w: Float64Array): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      s += w[x]!;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return s;
}

export function union(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out[k++] = a[i++]!;
    else if (i >= a.length || b[j]! < a[i]!) out[k++] = b[j++]!;
    else {
      out[k++] = a[i++]!;
      j++;
    }
  }
  return out.subarray(0, k);
}

export function weightOf(t: Int32Array, w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < t.length; i++) s += w[t[i]!]!;
  return s;
}

export function dice(a: Int32Array, wa: number, b: Int32Array, wb: number, w: Float64Array): number {
  const total = wa + wb;
  return total === 0 ? 0 : (2 * shared(a, b, w)) / total;
}

export function prepare(
  older: Clause[],
  newer: Clause[],
  formulas: Formula[],
  tagWeight: number,
  lang = 'en',
): { o: Side; n: Side; w: Float64Array; df: Int32Array; tagW: Float64Array } {
  const vocab = new Map<string, number>();
  const dfList: number[] = [];
  const tagIds = new Set<number>();
  const toTerms = (c: Clause): Int32Array => {
    const ids = new Set<number>();
    // Text-derived tags count as tokens of their own: a topic as `#<id>`, a formula
    // as the `§<id>` token normalize() gives it (one token however often it appears).
    const tags = [...(c.topics ?? []).map((t) => `${TOPIC_TOKEN_PREFIX}${t}`), ...(c.formulas ?? []).map((f) => `${FORMULA_TOKEN_PREFIX}${f}`)];
    for (const tok of [...normalizeOnce(c.text, formulas, lang), ...tags]) {
      let id = vocab.get(tok);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(tok, id);
        dfList.push(0);
        if (tok.startsWith(TOPIC_TOKEN_PREFIX) || tok.startsWith(FORMULA_TOKEN_PREFIX)) tagIds.add(id);
      }
      ids.add(id);
    }
    const arr = Int32Array.from(ids).sort();
    for (const id of arr) dfList[id]!++;
    return arr;
  };
  const oTerms = older.map(toTerms);
  const nTerms = newer.map(toTerms);
  const total = older.length + newer.length;
  const df = Int32Array.from(dfList);
  const w = new Float64Array(df.length);
  for (let t = 0; t < df.length; t++) w[t] = Math.log(1 + total / df[t]!);
  for (const t of tagIds) w[t]! *= tagWeight;
  const side = (terms: Int32Array[], clauses: Clause[]): Side => ({
    terms,
    weight: Float64Array.from(terms, (t) => weightOf(t, w)),
    keys: clauses.map((c) => normalizedText(c.text)),
  });
  // Weights of the tag terms only (zero elsewhere): shared(a, b, tagW) is the evidence of shared tags.
  const tagW = new Float64Array(df.length);
  for (const t of tagIds) tagW[t] = w[t]!;
  return { o: side(oTerms, older), n: side(nTerms, newer), w, df, tagW };
}

/** For each clause of both sides, its best partner on the other side (by Dice, over candidates) and the runner-up score. */
export function bestPartners(
  a: Side,
  b: Side,
  w: Float64Array,
): { bestA: Int32Array; bestAV: Float64Array; secondA: Float64Array; bestB: Int32Array; bestBV: Float64Array; secondB: Float64Array } {
  const bestA = new Int32Array(a.terms.length).fill(-1);
  const bestAV = new Float64Array(a.terms.length);
  const secondA = new Float64Array(a.terms.length);
  const bestB = new Int32Array(b.terms.length).fill(-1);
  const bestBV = new Float64Array(b.terms.length);
  const secondB = new Float64Array(b.terms.length);
  const seen = new Set<number>();
  const consider = (x: number, y: number): void => {
    const key = x * b.terms.length + y;
    if (seen.has(key)) return;
    seen.add(key);
    const v = dice(a.terms[x]!, a.weight[x]!, b.terms[y]!, b.weight[y]!, w);
    if (v > bestAV[x]!) {
      secondA[x] = bestAV[x]!;
      bestAV[x] = v;
      bestA[x] = y;
    } else if (v > secondA[x]!) secondA[x] = v;
    if (v > bestBV[y]!) {
      secondB[y] = bestBV[y]!;
      bestBV[y] = v;
      bestB[y] = x;
    } else if (v > secondB[y]!) secondB[y] = v;
  };
  candidates(a, b, w, () => false, consider);
  candidates(b, a, w, () => false, (y, x) => consider(x, y));
  return { bestA, bestAV, secondA, bestB, bestBV, secondB };
}

/** Inverted index: term id → clause indices of one side (CSR layout). */
export function buildIndex(terms: Int32Array[], vocabSize: number): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(vocabSize + 1);
  for (const t of terms) for (const id of t) start[id + 1]!++;
  for (let i = 0; i < vocabSize; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, vocabSize);
  const items = new Int32Array(start[vocabSize]!);
  terms.forEach((t, ci) => {
    for (const id of t) items[fill[id]!++] = ci;
  });
  return { start, items };
}

/** How much a candidate's distance in relative position (0 to 1) lowers its rank among a clause's top partners. */
const PLACE_WEIGHT = 0.3;

/** Top-k clauses of `target` sharing the most rare-token weight with each clause of `source`. */

export function candidates(
  source: Side,
  target: Side,
  w: Float64Array,
  skip: (i: number) => boolean,
  emit: (s: number, t: number) => void,
): void {
  const index = buildIndex(target.terms, w.length);
  const acc = new Float64Array(target.terms.length);
  const touched = new Int32Array(target.terms.length);
  const topI = new Int32Array(ALIGN_TUNING.topK);
  const topV = new Float64Array(ALIGN_TUNING.topK);
  let probe = new Int32Array(64);
  const postings = (t: number): number => index.start[t + 1]! - index.start[t]!;
  for (let s = 0; s < source.terms.length; s++) {
    if (skip(s)) continue;
    // The clause's terms found in 1 to maxPostings target clauses, rarest first (insertion sort: a clause has few terms).
    const terms = source.terms[s]!;
    if (probe.length < terms.length) probe = new Int32Array(terms.length);
    let size = 0;
    for (let q = 0; q < terms.length; q++) {
      const t = terms[q]!;
      const len = postings(t);
      if (len === 0 || len > ALIGN_TUNING.maxPostings) continue;
      let r = size++;
      while (r > 0 && postings(probe[r - 1]!) > len) {
        probe[r] = probe[r - 1]!;
        r--;
      }
      probe[r] = t;
    }
    let budget = ALIGN_TUNING.probeBudget;
    let count = 0;
    for (let q = 0; q < size; q++) {
      const t = probe[q]!;
      const from = index.start[t]!;
      const to = index.start[t + 1]!;
      if (to - from > budget && budget < ALIGN_TUNING.probeBudget) break;
      budget -= to - from;
      const weight = w[t]!;
      for (let p = from; p < to; p++) {
        const c = index.items[p]!;
        if (acc[c] === 0) touched[count++] = c;
        acc[c]! += weight;
      }
    }
    let filled = 0;
    // Among near-equal partners (a long text repeats itself), the one at the same relative place ranks first.
    const at = s / Math.max(1, source.terms.length - 1);
    const scale = 1 / Math.max(1, target.terms.length - 1);
    for (let q = 0; q < count; q++) {
      const c = touched[q]!;
      const v = acc[c]! * (1 - PLACE_WEIGHT * Math.abs(at - c * scale));
      acc[c] = 0;
      // Insertion into the sorted top list: a free slot while it fills, else the last one if v beats it.
      if (filled < topI.length || v > topV[filled - 1]!) {
        let r = filled < topI.length ? filled++ : filled - 1;
        while (r > 0 && topV[r - 1]! < v) {
          topV[r] = topV[r - 1]!;
          topI[r] = topI[r - 1]!;
          r--;
        }
        topV[r] = v;
        topI[r] = c;
      }
    }
    for (let q = 0; q < filled; q++) emit(s, topI[q]!);
  }
}
