/**
 * Clause aligner: pairs the clauses of an older and a newer statement using
 * only their text and order (clause ids are opaque labels).
 *
 * Pipeline, each step near-linear so 8,000 × 8,000 clauses stays well under
 * two seconds (no all-pairs matrix):
 *  1. normalise each clause to stemmed tokens (equivalent wordings merged, see
 *     normalize.ts) plus one token per text-derived tag (topic `#id`, formula
 *     `§id`), all weighted by IDF over both sides, so a rare shared topic is strong evidence;
 *  2. anchors: clauses whose normalised text is unique on both sides and equal;
 *     their heaviest increasing subsequence is the backbone of the order;
 *  3. candidates from an inverted index probed with each clause's rarest
 *     tokens (top-k per clause, both directions), scored by weighted Dice;
 *  4. greedy 1:1 matching, best first, with a bonus (and a lower bar) for
 *     pairs that sit in the same gap of the backbone, i.e. keep the order, and a
 *     bonus for pairs whose diagonal neighbours resemble each other (blocks move together);
 *  5. split / merge: a match grows over free consecutive neighbours whose
 *     tokens are mostly contained in the other side, when the union scores better;
 *  6. small gaps between in-order matches get an exact in-order DP;
 *  6c. leftovers that are each other's best among the unmatched pair at a
 *     lower bar when they share a rare tag;
 *  6d. whole unmatched paragraphs in the same backbone gap pair in order when they resemble
 *     each other as passages do, or a little less and share one rare tag (a provision
 *     rewritten in place), then their best clause pairs link;
 *  6e. a leftover mostly contained in the clause of a 1:1 pair elsewhere joins it (split or merge);
 *  7. heaviest increasing subsequence over all matches: in order = same or
 *     reworded, the rest = moved.
 */
import type { AlignedPair, Clause, Formula } from './types.ts';
import { FORMULA_TOKEN_PREFIX, normalize, normalizedText } from './normalize.ts';

/** Prefix of the token that stands for a topic tag. */
const TOPIC_TOKEN_PREFIX = '#';

/** Options of align(). */
export type AlignOptions = {
  /** Formula lexicon: a formula match counts as one token. */
  formulas?: Formula[];
  /** Overrides of ALIGN_TUNING (for evaluation sweeps). */
  tuning?: Partial<AlignTuning>;
};

/** The tunable thresholds of the aligner. */
export type AlignTuning = { -readonly [K in keyof typeof ALIGN_TUNING]: number };

/** Tuning constants, exported so the evaluation can report them. */
export const ALIGN_TUNING = {
  /** Candidates kept per clause from the inverted index. */
  topK: 5,
  /** Postings budget per probe, so very frequent tokens never cost more than this. */
  probeBudget: 3000,
  /** Tokens found in more clauses than this are not used to find candidates. */
  maxPostings: 600,
  /** Minimum Dice for a pair that keeps the order (same backbone gap). */
  minInOrder: 0.35,
  /** Minimum Dice for a pair matched out of order (moved). */
  minMoved: 0.5,
  /** Ranking bonus of in-order pairs over moved ones. */
  orderBonus: 0.15,
  /** Ranking bonus, times the neighbours' Dice, of a pair whose diagonal neighbours resemble each other. */
  contextBonus: 0.15,
  /** Minimum Dice for a moved pair that is the clear mutual best or has a matching neighbour. */
  minSupported: 0.3,
  /** "Clear" mutual best: ahead of both runners-up by this much. */
  minMargin: 0.1,
  /** Minimum Dice inside a gap of at most two clauses a side (exact DP). */
  minGap: 0.25,
  /** Minimum Dice inside a larger gap, where chance resemblances are likelier. */
  minWideGap: 0.35,
  /** Minimum Dice of two whole unmatched passages (clause runs joined by pronouns) to pair them. */
  minPassage: 0.3,
  /** Inside paired passages, clauses beyond the best pair need this Dice. */
  minPassageClause: 0.15,
  /** Minimum Dice to extend a match along its diagonal (the next clauses on both sides). */
  minDiagonal: 0.25,
  /** Weight of a tag token (topic, formula) relative to a word of the same rarity. */
  tagWeight: 1,
  /** Minimum Dice of two leftover clauses that are each other's best among the unmatched. */
  minLeftover: 0.2,
  /** Minimum Dice of two whole unmatched paragraphs in the same backbone gap (minPassage without a shared tag) ... */
  minParagraph: 0.2,
  /** ... that share a tag (topic or formula) found on at most this share of all clauses. */
  maxParagraphTagShare: 0.05,
  /** Rounds of leftover pairing (each round sees what the previous one left). */
  leftoverRounds: 2,
  /** ... ahead of both runners-up by this much. */
  minLeftoverMargin: 0.02,
  /** ... and sharing at least this weight of tags (topics, formulas); weight = ln(1 + clauses / df). */
  minLeftoverTag: 4,
  /** Largest gap (older × newer clauses) solved by exact DP. */
  maxGapCells: 2500,
  /** A neighbour joins a split/merge when this share of its weight is in the other side. */
  minContainment: 0.5,
  /** ... and the union's Dice must beat the current one by this margin. */
  minGain: 0.04,
} as const;

type Side = {
  /** Sorted unique term ids per clause. */
  terms: Int32Array[];
  /** Sum of term weights per clause. */
  weight: Float64Array;
  /** normalizedText per clause. */
  keys: string[];
};

type Unit = { olds: number[]; news: number[]; score: number };

/** Sum of weights of the terms two sorted term lists share. */
function shared(a: Int32Array, b: Int32Array, w: Float64Array): number {
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

function union(a: Int32Array, b: Int32Array): Int32Array {
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

function weightOf(t: Int32Array, w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < t.length; i++) s += w[t[i]!]!;
  return s;
}

function dice(a: Int32Array, wa: number, b: Int32Array, wb: number, w: Float64Array): number {
  const total = wa + wb;
  return total === 0 ? 0 : (2 * shared(a, b, w)) / total;
}

/**
 * Heaviest chain strictly increasing in both coordinates; items must come
 * sorted by x. Returns a flag per item. O(k log n) with a Fenwick tree of maxima.
 */
function heaviestIncreasing(xs: readonly number[], ys: readonly number[], ws: readonly number[], n: number): boolean[] {
  const k = xs.length;
  const treeVal = new Float64Array(n + 1);
  const treeIdx = new Int32Array(n + 1).fill(-1);
  const prev = new Int32Array(k).fill(-1);
  const total = new Float64Array(k);
  let bestEnd = -1;
  let bestVal = 0;
  // Items with equal x must not chain; process each run of equal x in two passes.
  let start = 0;
  while (start < k) {
    let end = start;
    while (end < k && xs[end] === xs[start]) end++;
    for (let it = start; it < end; it++) {
      let v = 0;
      let p = -1;
      for (let q = ys[it]!; q > 0; q -= q & -q) {
        if (treeVal[q]! > v) {
          v = treeVal[q]!;
          p = treeIdx[q]!;
        }
      }
      total[it] = v + ws[it]!;
      prev[it] = p;
      if (total[it]! > bestVal) {
        bestVal = total[it]!;
        bestEnd = it;
      }
    }
    for (let it = start; it < end; it++) {
      for (let q = ys[it]! + 1; q <= n; q += q & -q) {
        if (total[it]! > treeVal[q]!) {
          treeVal[q] = total[it]!;
          treeIdx[q] = it;
        }
      }
    }
    start = end;
  }
  const chosen = new Array<boolean>(k).fill(false);
  for (let it = bestEnd; it >= 0; it = prev[it]!) chosen[it] = true;
  return chosen;
}

function prepare(
  older: Clause[],
  newer: Clause[],
  formulas: Formula[],
  tagWeight: number,
): { o: Side; n: Side; w: Float64Array; df: Int32Array; tagW: Float64Array } {
  const vocab = new Map<string, number>();
  const dfList: number[] = [];
  const tagIds = new Set<number>();
  const toTerms = (c: Clause): Int32Array => {
    const ids = new Set<number>();
    // Text-derived tags count as tokens of their own: a topic as `#<id>`, a formula
    // as the `§<id>` token normalize() gives it (one token however often it appears).
    const tags = [...(c.topics ?? []).map((t) => `${TOPIC_TOKEN_PREFIX}${t}`), ...(c.formulas ?? []).map((f) => `${FORMULA_TOKEN_PREFIX}${f}`)];
    for (const tok of [...normalize(c.text, formulas), ...tags]) {
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
function bestPartners(
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
function buildIndex(terms: Int32Array[], vocabSize: number): { start: Int32Array; items: Int32Array } {
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

/** Top-k clauses of `target` sharing the most rare-token weight with each clause of `source`. */
function candidates(
  source: Side,
  target: Side,
  w: Float64Array,
  skip: (i: number) => boolean,
  emit: (s: number, t: number) => void,
): void {
  const index = buildIndex(target.terms, w.length);
  const acc = new Float64Array(target.terms.length);
  const touched: number[] = [];
  const topI = new Int32Array(ALIGN_TUNING.topK);
  const topV = new Float64Array(ALIGN_TUNING.topK);
  for (let s = 0; s < source.terms.length; s++) {
    if (skip(s)) continue;
    const probe = Array.from(source.terms[s]!)
      .filter((t) => {
        const len = index.start[t + 1]! - index.start[t]!;
        return len > 0 && len <= ALIGN_TUNING.maxPostings;
      })
      .sort((a, b) => index.start[a + 1]! - index.start[a]! - (index.start[b + 1]! - index.start[b]!));
    let budget = ALIGN_TUNING.probeBudget;
    for (const t of probe) {
      const from = index.start[t]!;
      const to = index.start[t + 1]!;
      if (to - from > budget && budget < ALIGN_TUNING.probeBudget) break;
      budget -= to - from;
      for (let p = from; p < to; p++) {
        const c = index.items[p]!;
        if (acc[c] === 0) touched.push(c);
        acc[c]! += w[t]!;
      }
    }
    let filled = 0;
    for (const c of touched) {
      const v = acc[c]!;
      acc[c] = 0;
      // Insertion into the sorted top list: a free slot while it fills, else the last one if v beats it.
      if (filled < topI.length || v > topV[filled - 1]!) {
        let q = filled < topI.length ? filled++ : filled - 1;
        while (q > 0 && topV[q - 1]! < v) {
          topV[q] = topV[q - 1]!;
          topI[q] = topI[q - 1]!;
          q--;
        }
        topV[q] = v;
        topI[q] = c;
      }
    }
    touched.length = 0;
    for (let q = 0; q < filled; q++) emit(s, topI[q]!);
  }
}

// A clause opening with one of these carries on the previous clause's subject.
const CONTINUATION = /^[\s"“‘'(]*(they|it|its|their|this|these|such|both|he|she|the latter)\b/i;

/** Maximal runs of consecutive clauses, all `free`, each after the first opening with a pronoun. */
function passages(clauses: Clause[], free: (k: number) => boolean): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  let allFree = true;
  const close = (): void => {
    if (current.length && allFree) out.push(current);
    current = [];
    allFree = true;
  };
  clauses.forEach((c, k) => {
    if (!CONTINUATION.test(c.text)) close();
    current.push(k);
    if (!free(k)) allFree = false;
  });
  close();
  return out;
}

/** Paragraphs as runs of clause indices: a clause at position 0 of its paragraph, or not one past the previous clause's position, starts a new one. */
function paragraphs(clauses: Clause[]): number[][] {
  const out: number[][] = [];
  clauses.forEach((c, k) => {
    const prev = clauses[k - 1];
    if (!prev || c.index === 0 || c.index !== prev.index + 1) out.push([k]);
    else out[out.length - 1]!.push(k);
  });
  return out;
}

/**
 * Exact in-order matching of an R × C grid: the increasing set of cells, each scoring at least
 * `floor`, with the largest total score (dynamic programming). Returns [row, column, score] triples.
 */
function inOrderPairs(R: number, C: number, score: (r: number, c: number) => number, floor: number): [number, number, number][] {
  const s = new Float64Array(R * C);
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) s[r * C + c] = score(r, c);
  const W = C + 1;
  const dp = new Float64Array((R + 1) * W);
  for (let r = 1; r <= R; r++) {
    for (let c = 1; c <= C; c++) {
      const v = s[(r - 1) * C + (c - 1)]!;
      let best = Math.max(dp[(r - 1) * W + c]!, dp[r * W + c - 1]!);
      if (v >= floor) best = Math.max(best, dp[(r - 1) * W + c - 1]! + v);
      dp[r * W + c] = best;
    }
  }
  const out: [number, number, number][] = [];
  for (let r = R, c = C; r > 0 && c > 0; ) {
    const v = s[(r - 1) * C + (c - 1)]!;
    if (v >= floor && dp[r * W + c] === dp[(r - 1) * W + c - 1]! + v) {
      out.push([r - 1, c - 1, v]);
      r--;
      c--;
    } else if (dp[r * W + c] === dp[(r - 1) * W + c]) r--;
    else c--;
  }
  return out;
}

/** Align two clause lists; pairs come in display order (newer order, dropped clauses where they used to be). */
export function align(older: Clause[], newer: Clause[], options: AlignOptions = {}): AlignedPair[] {
  const m = older.length;
  const n = newer.length;
  const T: AlignTuning = { ...ALIGN_TUNING, ...options.tuning };
  const { o, n: nw, w, tagW } = prepare(older, newer, options.formulas ?? [], T.tagWeight);
  const oUnit = new Int32Array(m).fill(-1);
  const nUnit = new Int32Array(n).fill(-1);
  const units: (Unit | null)[] = [];
  const addUnit = (olds: number[], news: number[], score: number): void => {
    const id = units.length;
    units.push({ olds, news, score });
    for (const i of olds) oUnit[i] = id;
    for (const j of news) nUnit[j] = id;
  };
  const sim = (i: number, j: number): number =>
    o.keys[i] === nw.keys[j] && o.keys[i] !== '' ? 1 : dice(o.terms[i]!, o.weight[i]!, nw.terms[j]!, nw.weight[j]!, w);

  // 2. Anchors: equal normalised text, unique on both sides.
  const oByKey = new Map<string, number[]>();
  o.keys.forEach((k, i) => {
    if (k === '') return;
    const l = oByKey.get(k);
    if (l) l.push(i);
    else oByKey.set(k, [i]);
  });
  const nByKey = new Map<string, number[]>();
  nw.keys.forEach((k, j) => {
    if (k === '') return;
    const l = nByKey.get(k);
    if (l) l.push(j);
    else nByKey.set(k, [j]);
  });
  const anchorX: number[] = [];
  const anchorY: number[] = [];
  for (const [k, is] of oByKey) {
    const js = nByKey.get(k);
    if (is.length === 1 && js?.length === 1) {
      anchorX.push(is[0]!);
      anchorY.push(js[0]!);
    }
  }
  const anchorOrder = anchorX.map((_, q) => q).sort((a, b) => anchorX[a]! - anchorX[b]!);
  const ax = anchorOrder.map((q) => anchorX[q]!);
  const ay = anchorOrder.map((q) => anchorY[q]!);
  const backbone = heaviestIncreasing(ax, ay, ax.map(() => 1), n);
  for (let q = 0; q < ax.length; q++) addUnit([ax[q]!], [ay[q]!], 1);

  // For each older index, the newer window (lo, hi) its in-order partner must fall in.
  const lo = new Int32Array(m);
  const hi = new Int32Array(m);
  {
    let last = -1;
    let q = 0;
    for (let i = 0; i < m; i++) {
      while (q < ax.length && ax[q]! < i) {
        if (backbone[q]) last = ay[q]!;
        q++;
      }
      lo[i] = last;
    }
    let next = n;
    q = ax.length - 1;
    for (let i = m - 1; i >= 0; i--) {
      while (q >= 0 && ax[q]! > i) {
        if (backbone[q]) next = ay[q]!;
        q--;
      }
      hi[i] = next;
    }
  }
  const inGap = (i: number, j: number): boolean => j > lo[i]! && j < hi[i]!;

  // 3. Candidates both ways, plus repeated exact texts.
  const edgeI: number[] = [];
  const edgeJ: number[] = [];
  const seen = new Set<number>();
  const addEdge = (i: number, j: number): void => {
    const key = i * n + j;
    if (seen.has(key)) return;
    seen.add(key);
    edgeI.push(i);
    edgeJ.push(j);
  };
  candidates(nw, o, w, (j) => nUnit[j]! >= 0, (j, i) => {
    if (oUnit[i]! < 0) addEdge(i, j);
  });
  candidates(o, nw, w, (i) => oUnit[i]! >= 0, (i, j) => {
    if (nUnit[j]! < 0) addEdge(i, j);
  });
  for (const [k, is] of oByKey) {
    const js = nByKey.get(k);
    if (!js || (is.length === 1 && js.length === 1)) continue;
    if (is.length * js.length > 64) continue;
    for (const i of is) for (const j of js) addEdge(i, j);
  }

  // 4. Greedy 1:1, best adjusted score first; ties by closeness of relative position.
  // A moved pair needs a high score, or to be the clear mutual best, or support from a neighbouring pair.
  const edgeCount = edgeI.length;
  const edgeS = new Float64Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) edgeS[e] = sim(edgeI[e]!, edgeJ[e]!);
  const best1O = new Float64Array(m);
  const best2O = new Float64Array(m);
  const best1N = new Float64Array(n);
  const best2N = new Float64Array(n);
  const bump = (b1: Float64Array, b2: Float64Array, k: number, v: number): void => {
    if (v > b1[k]!) {
      b2[k] = b1[k]!;
      b1[k] = v;
    } else if (v > b2[k]!) b2[k] = v;
  };
  for (let e = 0; e < edgeCount; e++) {
    bump(best1O, best2O, edgeI[e]!, edgeS[e]!);
    bump(best1N, best2N, edgeJ[e]!, edgeS[e]!);
  }
  const context = (i: number, j: number): number =>
    Math.max(i > 0 && j > 0 ? sim(i - 1, j - 1) : 0, i + 1 < m && j + 1 < n ? sim(i + 1, j + 1) : 0);
  const edgeRank = new Float64Array(edgeCount);
  const edgeDist = new Float64Array(edgeCount);
  const keep: number[] = [];
  for (let e = 0; e < edgeCount; e++) {
    const i = edgeI[e]!;
    const j = edgeJ[e]!;
    const s = edgeS[e]!;
    const ordered = inGap(i, j);
    let ok = s >= (ordered ? T.minInOrder : T.minMoved);
    if (!ok && !ordered && s >= T.minSupported) {
      const mutual = s >= best1O[i]! && s >= best1N[j]! && s - Math.max(best2O[i]!, best2N[j]!) >= T.minMargin;
      ok = mutual || context(i, j) >= T.minSupported;
    }
    if (!ok) continue;
    // A pair whose diagonal neighbours resemble each other sits in a block that moved together.
    const ctx = context(i, j);
    edgeRank[e] = s + (ordered ? T.orderBonus : 0) + (ctx >= T.minSupported ? T.contextBonus * ctx : 0);
    edgeDist[e] = Math.abs(i / Math.max(1, m) - j / Math.max(1, n));
    keep.push(e);
  }
  keep.sort((a, b) => edgeRank[b]! - edgeRank[a]! || edgeDist[a]! - edgeDist[b]!);
  for (const e of keep) {
    const i = edgeI[e]!;
    const j = edgeJ[e]!;
    if (oUnit[i]! >= 0 || nUnit[j]! >= 0) continue;
    addUnit([i], [j], edgeS[e]!);
  }

  // 5. Split / merge by growing matches over free neighbours.
  const grow = (id: number): void => {
    const u = units[id]!;
    if (u.olds.length !== 1 || u.news.length !== 1) return;
    const i = u.olds[0]!;
    const j = u.news[0]!;
    // Split: the older clause i against newer j plus neighbours.
    const trySide = (
      fixedTerms: Int32Array,
      fixedWeight: number,
      start: number,
      side: Side,
      free: (k: number) => boolean,
      len: number,
    ): { members: number[]; score: number } => {
      let members = [start];
      let terms = side.terms[start]!;
      let score = u.score;
      for (const dir of [1, -1]) {
        for (let k = dir > 0 ? start + 1 : start - 1; k >= 0 && k < len && free(k); k += dir) {
          const kt = side.terms[k]!;
          const kw = side.weight[k]!;
          if (kw === 0 || shared(kt, fixedTerms, w) / kw < T.minContainment) break;
          const ut = union(terms, kt);
          const s = dice(fixedTerms, fixedWeight, ut, weightOf(ut, w), w);
          if (s < score + T.minGain) break;
          terms = ut;
          score = s;
          members = dir > 0 ? [...members, k] : [k, ...members];
        }
      }
      return { members, score };
    };
    const split = trySide(o.terms[i]!, o.weight[i]!, j, nw, (k) => nUnit[k]! < 0, n);
    const merge = trySide(nw.terms[j]!, nw.weight[j]!, i, o, (k) => oUnit[k]! < 0, m);
    if (split.members.length > 1 && (merge.members.length === 1 || split.score >= merge.score)) {
      u.news = split.members;
      u.score = split.score;
      for (const k of split.members) nUnit[k] = id;
    } else if (merge.members.length > 1) {
      u.olds = merge.members;
      u.score = merge.score;
      for (const k of merge.members) oUnit[k] = id;
    }
  };
  for (let id = 0; id < units.length; id++) grow(id);

  // A block of clauses often moves together: extend each match along its diagonal.
  const extend = (id: number): void => {
    const u = units[id]!;
    for (let i = Math.max(...u.olds) + 1, j = Math.max(...u.news) + 1; i < m && j < n; i++, j++) {
      if (oUnit[i]! >= 0 || nUnit[j]! >= 0) break;
      const v = sim(i, j);
      if (v < T.minDiagonal) break;
      addUnit([i], [j], v);
    }
    for (let i = Math.min(...u.olds) - 1, j = Math.min(...u.news) - 1; i >= 0 && j >= 0; i--, j--) {
      if (oUnit[i]! >= 0 || nUnit[j]! >= 0) break;
      const v = sim(i, j);
      if (v < T.minDiagonal) break;
      addUnit([i], [j], v);
    }
  };
  for (let id = 0, count = units.length; id < count; id++) extend(id);

  // 6. Exact in-order DP inside small gaps between in-order matches.
  const orderFlags = (): { list: number[]; inOrder: boolean[] } => {
    const list = units.map((_, id) => id).filter((id) => units[id] !== null);
    list.sort((a, b) => units[a]!.olds[0]! - units[b]!.olds[0]!);
    const flags = heaviestIncreasing(
      list.map((id) => units[id]!.olds[0]!),
      list.map((id) => units[id]!.news[0]!),
      list.map((id) => 0.5 + units[id]!.score),
      n,
    );
    const inOrder = new Array<boolean>(units.length).fill(false);
    list.forEach((id, q) => (inOrder[id] = flags[q]!));
    return { list, inOrder };
  };
  {
    const { list, inOrder } = orderFlags();
    const chain = list.filter((id) => inOrder[id]);
    const created: number[] = [];
    for (let q = 0; q <= chain.length; q++) {
      const prevU = q > 0 ? units[chain[q - 1]!]! : null;
      const nextU = q < chain.length ? units[chain[q]!]! : null;
      const o0 = prevU ? Math.max(...prevU.olds) + 1 : 0;
      const o1 = nextU ? nextU.olds[0]! : m;
      const n0 = prevU ? Math.max(...prevU.news) + 1 : 0;
      const n1 = nextU ? nextU.news[0]! : n;
      if (o1 <= o0 || n1 <= n0) continue;
      const go: number[] = [];
      const gn: number[] = [];
      for (let i = o0; i < o1; i++) if (oUnit[i]! < 0) go.push(i);
      for (let j = n0; j < n1; j++) if (nUnit[j]! < 0) gn.push(j);
      if (go.length === 0 || gn.length === 0 || go.length * gn.length > T.maxGapCells) continue;
      const floor = Math.max(go.length, gn.length) <= 2 ? T.minGap : T.minWideGap;
      for (const [r, c, v] of inOrderPairs(go.length, gn.length, (r, c) => sim(go[r]!, gn[c]!), floor)) {
        created.push(units.length);
        addUnit([go[r]!], [gn[c]!], v);
      }
    }
    for (const id of created) grow(id);
  }

  /** Inside two paired passages or paragraphs: best clause pairs first, one to one; the first always links. */
  const linkInside = (olds: number[], news: number[]): void => {
    const cells: [number, number, number][] = [];
    for (const i of olds) for (const j of news) cells.push([i, j, sim(i, j)]);
    cells.sort((x, y) => y[2] - x[2]);
    let linked = false;
    for (const [i, j, v] of cells) {
      if (oUnit[i]! >= 0 || nUnit[j]! >= 0 || (linked && v < T.minPassageClause)) continue;
      addUnit([i], [j], v);
      linked = true;
    }
  };

  // 6b. Runs of clauses carried on by a pronoun ("They …", "It …") read as one passage.
  // A passage with no match at all gets one more chance as a whole against an
  // unmatched passage of the other side, when they are each other's clear best.
  {
    const oBlocks = passages(older, (i) => oUnit[i]! < 0);
    const nBlocks = passages(newer, (j) => nUnit[j]! < 0);
    if (oBlocks.length && nBlocks.length) {
      const blockSide = (blocks: number[][], side: Side): Side => {
        const terms = blocks.map((b) => b.map((k) => side.terms[k]!).reduce(union));
        return { terms, weight: Float64Array.from(terms, (t) => weightOf(t, w)), keys: [] };
      };
      const ob = blockSide(oBlocks, o);
      const nb = blockSide(nBlocks, nw);
      const bp = bestPartners(ob, nb, w);
      for (let a = 0; a < oBlocks.length; a++) {
        const b = bp.bestA[a]!;
        if (b < 0 || bp.bestB[b] !== a || bp.bestAV[a]! < T.minPassage) continue;
        if (bp.bestAV[a]! - Math.max(bp.secondA[a]!, bp.secondB[b]!) < T.minMargin) continue;
        linkInside(oBlocks[a]!, nBlocks[b]!);
      }
    }
  }

  // 6c. Leftovers: a clause still unmatched and its best unmatched counterpart, each
  // other's best among what is left, pair at a lower bar when they share rare tags
  // (a topic or formula few clauses carry) — reworded provisions keep their subject.
  for (let round = 0; round < T.leftoverRounds; round++) {
    let added = 0;
    const lo: number[] = [];
    const ln: number[] = [];
    for (let i = 0; i < m; i++) if (oUnit[i]! < 0) lo.push(i);
    for (let j = 0; j < n; j++) if (nUnit[j]! < 0) ln.push(j);
    if (lo.length && ln.length) {
      const sub = (idx: number[], side: Side): Side => ({
        terms: idx.map((k) => side.terms[k]!),
        weight: Float64Array.from(idx, (k) => side.weight[k]!),
        keys: [],
      });
      const bp = bestPartners(sub(lo, o), sub(ln, nw), w);
      for (let x = 0; x < lo.length; x++) {
        const y = bp.bestA[x]!;
        if (y < 0 || bp.bestB[y] !== x) continue;
        const v = bp.bestAV[x]!;
        if (v < T.minLeftover) continue;
        if (v - Math.max(bp.secondA[x]!, bp.secondB[y]!) < T.minLeftoverMargin) continue;
        const i = lo[x]!;
        const j = ln[y]!;
        if (shared(o.terms[i]!, nw.terms[j]!, tagW) < T.minLeftoverTag) continue;
        addUnit([i], [j], v);
        added++;
      }
    }
    if (added === 0) break;
  }

  // 6d. Whole paragraphs still without any match on either side, inside the same gap of the
  // order backbone, pair in order (exact DP over paragraphs): a provision rewritten sentence by
  // sentence in its old place. They need the Dice of two whole passages (6b), or a lower one
  // and one shared rare tag, since such a provision keeps its subject (several common tags are
  // no such evidence). Inside a paired couple, the best clause pairs link one to one.
  {
    const { list, inOrder } = orderFlags();
    const chain = list.filter((id) => inOrder[id]);
    const gapOf = (starts: number[], len: number): Int32Array => {
      starts.sort((a, b) => a - b);
      const g = new Int32Array(len);
      for (let k = 0, q = 0; k < len; k++) {
        while (q < starts.length && starts[q]! <= k) q++;
        g[k] = q;
      }
      return g;
    };
    const og = gapOf(chain.map((id) => units[id]!.olds[0]!), m);
    const ng = gapOf(chain.map((id) => units[id]!.news[0]!), n);
    const freeByGap = (clauses: Clause[], unitOf: Int32Array, gap: Int32Array): Map<number, number[][]> => {
      const byGap = new Map<number, number[][]>();
      for (const p of paragraphs(clauses)) {
        const g = gap[p[0]!]!;
        if (p.some((k) => unitOf[k]! >= 0 || gap[k] !== g)) continue;
        const list = byGap.get(g);
        if (list) list.push(p);
        else byGap.set(g, [p]);
      }
      return byGap;
    };
    const termsOf = (p: number[], side: Side): Int32Array => p.map((k) => side.terms[k]!).reduce(union);
    /** Weight of the rarest tag two term lists share (0 when none). */
    const rareTag = (a: Int32Array, b: Int32Array): number => {
      let best = 0;
      for (const t of a) if (tagW[t]! > best && b.includes(t)) best = tagW[t]!;
      return best;
    };
    // weight = ln(1 + clauses / df), so a tag on at most this share of clauses weighs at least:
    const minTagWeight = Math.log(1 + 1 / T.maxParagraphTagShare);
    const nFree = freeByGap(newer, nUnit, ng);
    for (const [g, ops] of freeByGap(older, oUnit, og)) {
      const nps = nFree.get(g);
      if (!nps || ops.length * nps.length > T.maxGapCells) continue;
      const ot = ops.map((p) => termsOf(p, o));
      const nt = nps.map((p) => termsOf(p, nw));
      const score = (r: number, c: number): number => {
        const d = dice(ot[r]!, weightOf(ot[r]!, w), nt[c]!, weightOf(nt[c]!, w), w);
        return d >= T.minPassage || rareTag(ot[r]!, nt[c]!) >= minTagWeight ? d : 0;
      };
      for (const [r, c] of inOrderPairs(ops.length, nps.length, score, T.minParagraph)) linkInside(ops[r]!, nps[c]!);
    }
  }

  // 6e. A clause still unmatched whose words are mostly inside the clause of a 1:1 pair elsewhere
  // joins that pair: one sentence split into two places (or two merged into one), not necessarily
  // adjacent. Same test as step 5 (containment, then a better union), without the adjacency.
  {
    const joinFar = (free: number[], side: Side, other: Side, isNewer: boolean): void => {
      if (free.length === 0) return;
      const sub: Side = { terms: free.map((k) => side.terms[k]!), weight: Float64Array.from(free, (k) => side.weight[k]!), keys: [] };
      candidates(sub, other, w, () => false, (x, partner) => {
        const k = free[x]!;
        if ((isNewer ? nUnit : oUnit)[k]! >= 0) return;
        const id = (isNewer ? oUnit : nUnit)[partner]!;
        const u = id >= 0 ? units[id] : null;
        if (!u || u.olds.length !== 1 || u.news.length !== 1) return;
        const kw = side.weight[k]!;
        const fixed = other.terms[partner]!;
        if (kw === 0 || shared(side.terms[k]!, fixed, w) / kw < T.minContainment) return;
        const mate = isNewer ? u.news[0]! : u.olds[0]!;
        const joined = union(side.terms[mate]!, side.terms[k]!);
        const s2 = dice(fixed, other.weight[partner]!, joined, weightOf(joined, w), w);
        if (s2 < u.score + T.minGain) return;
        if (isNewer) {
          u.news = [...u.news, k].sort((a, b) => a - b);
          nUnit[k] = id;
        } else {
          u.olds = [...u.olds, k].sort((a, b) => a - b);
          oUnit[k] = id;
        }
        u.score = s2;
      });
    };
    const freeNew: number[] = [];
    for (let j = 0; j < n; j++) if (nUnit[j]! < 0) freeNew.push(j);
    joinFar(freeNew, nw, o, true);
    const freeOld: number[] = [];
    for (let i = 0; i < m; i++) if (oUnit[i]! < 0) freeOld.push(i);
    joinFar(freeOld, o, nw, false);
  }

  // 7. Final order and kinds.
  const { inOrder } = orderFlags();
  const unitPairs: (AlignedPair | null)[] = units.map((u, id) => {
    if (!u) return null;
    const from = u.olds.map((i) => older[i]!.id);
    const to = u.news.map((j) => newer[j]!.id);
    const score = Math.max(0, Math.min(1, u.score));
    if (u.news.length > 1) return { kind: 'split', from, to, score };
    if (u.olds.length > 1) return { kind: 'merged', from, to, score };
    const exact = o.keys[u.olds[0]!] === nw.keys[u.news[0]!];
    if (!inOrder[id]) return { kind: 'moved', from, to, score: exact ? 1 : score };
    return exact ? { kind: 'same', from, to, score: 1 } : { kind: 'reworded', from, to, score };
  });

  // Display order: newer order; dropped clauses after the unit holding their nearest preceding older clause.
  const droppedAfter = new Map<number, AlignedPair[]>();
  const leading: AlignedPair[] = [];
  let holder = -1;
  for (let i = 0; i < m; i++) {
    if (oUnit[i]! >= 0) {
      holder = oUnit[i]!;
      continue;
    }
    const pair: AlignedPair = { kind: 'dropped', from: [older[i]!.id], to: [], score: 0 };
    if (holder < 0) leading.push(pair);
    else {
      const l = droppedAfter.get(holder);
      if (l) l.push(pair);
      else droppedAfter.set(holder, [pair]);
    }
  }
  const out: AlignedPair[] = [...leading];
  for (let j = 0; j < n; j++) {
    const id = nUnit[j]!;
    if (id < 0) {
      out.push({ kind: 'added', from: [], to: [newer[j]!.id], score: 0 });
      continue;
    }
    if (units[id]!.news[0] !== j) continue;
    out.push(unitPairs[id]!);
    const after = droppedAfter.get(id);
    if (after) out.push(...after);
  }
  return out;
}
