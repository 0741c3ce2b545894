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
import type { AlignedPair, Clause, Formula } from '../model/types.ts';
import { ALIGN_TUNING, type AlignTuning } from './tuning.ts';
import { bestPartners, candidates, dice, prepare, shared, union, weightOf, type Side } from './terms.ts';
import { heaviestIncreasing, inOrderPairs, paragraphs, passages } from './order.ts';

export { ALIGN_TUNING, type AlignTuning } from './tuning.ts';

/** Options of align(). */
export type AlignOptions = {
  /** Formula lexicon: a formula match counts as one token. */
  formulas?: Formula[];
  /** Overrides of ALIGN_TUNING (for evaluation sweeps). */
  tuning?: Partial<AlignTuning>;
};

type Unit = { olds: number[]; news: number[]; score: number };

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
