/**
 * Where the aligner goes wrong on real-like text at length: the bench's tiled and reworded
 * corpus against a perturbed copy, each link classed as right, wrong partner, missed or
 * spurious, by the phase that made it, with how far (in newer positions) a wrong partner
 * lies from the true one.
 *
 *   node scripts/align-confusion.ts [clauses] [--examples <true kind> [--unpaired]] [--phase <phase>]
 *
 * Prints the phases' CPU time, P/R/F1 clause by clause and as the bench scores it (by clause
 * id, which the corpus repeats across statements), the found links by the phase that made
 * them, the true links by kind, and why true links were missed. --examples shows older
 * clauses of a true kind that went to the wrong partner (or, with --unpaired, to none);
 * --phase shows the wrong links one phase made.
 */
import { anchors } from '../src/lib/align/anchors.ts';
import { fillGaps } from '../src/lib/align/gaps.ts';
import { leftovers } from '../src/lib/align/leftovers.ts';
import { candidateEdges, pairs, pairsLeft } from '../src/lib/align/pairs.ts';
import { pairParagraphs, pairPassages } from '../src/lib/align/passages.ts';
import { problemOf, type Matching } from '../src/lib/align/problem.ts';
import { sandwiched } from '../src/lib/align/sandwich.ts';
import { extendDiagonals, joinFar, splitsAndMerges } from '../src/lib/align/splits.ts';
import { DEFAULT_RATES, linksOf, perturb } from '../src/lib/eval/perturb.ts';
import { realLike } from './real-like.ts';
import { fileURLToPath } from 'node:url';

const n = Number(process.argv[2] ?? 16000);
const { formulas, tiled, retag } = await realLike(fileURLToPath(new URL('../content', import.meta.url)));
const older = retag(tiled(n, n));
// The bench's clause ids repeat (a corpus id names a paragraph of several statements): perturb a copy with
// ids made unique to know the truth clause by clause; the texts come out the same (the random stream does not read ids).
const perturbed = perturb(older.map((c, k) => ({ ...c, id: String(k) })), DEFAULT_RATES, n + 3, 'new');
const newer = retag(perturbed.clauses);
const benchGold = linksOf(perturb(older, DEFAULT_RATES, n + 3, 'new').truth);
const oi = new Map(older.map((c, k) => [String(k), k]));
const nj = new Map(newer.map((c, k) => [c.id, k]));
const goldOf = new Map<number, number[]>();
const goldKind = new Map<number, string>();
const goldNewer = new Map<number, number[]>();
for (const t of perturbed.truth) {
  for (const f of t.from) {
    goldOf.set(oi.get(f)!, t.to.map((x) => nj.get(x)!));
    goldKind.set(oi.get(f)!, t.kind);
  }
  for (const x of t.to) goldNewer.set(nj.get(x)!, t.from.map((f) => oi.get(f)!));
}

const t0 = process.cpuUsage();
const problem = problemOf(older, newer, formulas, {}, 'en');
const phases: Array<[string, (m: Matching) => Matching]> = [];
const anchored = anchors(problem);
phases.push(['anchors', () => anchored.matching]);
phases.push(['pairs', (m) => pairs(problem, m, anchored.window, anchored.repeated)]);
phases.push(['splits', (m) => splitsAndMerges(problem, m)]);
phases.push(['pairsLeft', (m) => pairsLeft(problem, m, anchored.window)]);
phases.push(['splits2', (m) => splitsAndMerges(problem, m)]);
phases.push(['diagonals', (m) => extendDiagonals(problem, m)]);
phases.push(['gaps', (m) => fillGaps(problem, m)]);
phases.push(['passages', (m) => pairPassages(problem, m)]);
phases.push(['leftovers', (m) => leftovers(problem, m)]);
phases.push(['paragraphs', (m) => pairParagraphs(problem, m)]);
phases.push(['joinFar', (m) => joinFar(problem, m)]);
phases.push(['sandwich', (m) => sandwiched(problem, m)]);
let matching = anchored.matching;
// Phase that first linked each older–newer link.
const madeBy = new Map<string, string>();
const times: string[] = [];
for (const [name, phase] of phases) {
  const t = process.cpuUsage();
  matching = phase(matching);
  const used = process.cpuUsage(t);
  times.push(`${name} ${((used.user + used.system) / 1000).toFixed(0)}`);
  for (const u of matching.units) for (const i of u.olds) for (const j of u.news) if (!madeBy.has(`${i},${j}`)) madeBy.set(`${i},${j}`, name);
}
{
  const used = process.cpuUsage(t0);
  console.log(`${n} clauses; CPU ${((used.user + used.system) / 1000).toFixed(0)} ms (problem and phases): ${times.join(', ')}`);
}
console.log(`anchors ${anchored.matching.units.length}, repeated texts ${anchored.repeated.length}`);

type Row = Record<string, number>;
const byPhase = new Map<string, Row>();
const bump = (phase: string, key: string): void => {
  const row = byPhase.get(phase) ?? {};
  row[key] = (row[key] ?? 0) + 1;
  byPhase.set(phase, row);
};
const dist: number[] = [];
const sameText: number[] = [0, 0];
const byKind = new Map<string, Row>();
const kindBump = (kind: string, key: string): void => {
  const row = byKind.get(kind) ?? {};
  row[key] = (row[key] ?? 0) + 1;
  byKind.set(kind, row);
};
let right = 0;
let found = 0;
let gold = 0;
for (const g of goldOf.values()) gold += g.length;
for (const u of matching.units) {
  for (const i of u.olds) {
    for (const j of u.news) {
      found++;
      const phase = madeBy.get(`${i},${j}`)!;
      const g = goldOf.get(i) ?? [];
      if (g.includes(j)) {
        right++;
        bump(phase, 'right');
        continue;
      }
      if (g.length === 0 && !goldNewer.has(j)) bump(phase, 'spurious both');
      else if (g.length === 0) bump(phase, 'spurious old dropped');
      else if (!goldNewer.has(j)) bump(phase, 'wrong: new is added');
      else {
        bump(phase, 'wrong partner');
        const d = Math.min(...g.map((x) => Math.abs(x - j)));
        dist.push(d);
        sameText[problem.newerSide.keys[j] === problem.newerSide.keys[g[0]!] ? 0 : 1]!++;
      }
      kindBump(goldKind.get(i) ?? 'dropped', 'wrong');
    }
  }
}
for (const [i, g] of goldOf) {
  const kind = goldKind.get(i)!;
  if (g.length === 0) continue;
  for (const j of g) {
    const u = matching.olderUnit[i]!;
    const ok = u >= 0 && matching.units[u]!.news.includes(j);
    kindBump(kind, ok ? 'right' : matching.olderUnit[i]! < 0 ? 'older unpaired' : 'other partner');
  }
}
const p = right / found;
const r = right / gold;
console.log(`P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r)).toFixed(3)}  (found ${found}, gold ${gold}, right ${right})`);
{
  const foundIds = new Set<string>();
  for (const u of matching.units) for (const i of u.olds) for (const j of u.news) foundIds.add(`${older[i]!.id}\u0000${newer[j]!.id}`);
  const ok = [...foundIds].filter((l) => benchGold.has(l)).length;
  const bp = ok / foundIds.size;
  const br = ok / benchGold.size;
  console.log(`as the bench scores it (by clause id): P ${bp.toFixed(3)} R ${br.toFixed(3)} F1 ${((2 * bp * br) / (bp + br)).toFixed(3)}`);
}
console.log('\nfound links by phase:');
for (const [phase, row] of byPhase) console.log(`  ${phase.padEnd(11)} ${JSON.stringify(row)}`);
console.log('\ngold links by true kind:');
for (const [kind, row] of byKind) console.log(`  ${kind.padEnd(10)} ${JSON.stringify(row)}`);
dist.sort((a, b) => a - b);
const q = (x: number): number => dist[Math.floor(x * (dist.length - 1))] ?? NaN;
console.log(`\nwrong partner: ${dist.length}; same text as the true partner ${sameText[0]}, other text ${sameText[1]}`);
console.log(`distance to the true partner (newer positions): p10 ${q(0.1)} p25 ${q(0.25)} median ${q(0.5)} p75 ${q(0.75)} p90 ${q(0.9)}; ≤ 5: ${dist.filter((d) => d <= 5).length}, ≤ 292: ${dist.filter((d) => d <= 292).length}`);

// Why the pairs phase misses: for each true one-to-one link the final matching lacks, was it a candidate, in the window?
{
  const { inWindow } = await import('../src/lib/align/anchors.ts');
  const { similarity } = await import('../src/lib/align/problem.ts');
  const edges = candidateEdges(problem, anchored.matching, anchored.repeated, anchored.window);
  const edgeSet = new Set<number>();
  for (let e = 0; e < edges.olds.length; e++) edgeSet.add(edges.olds[e]! * newer.length + edges.news[e]!);
  console.log(`\ncandidate edges ${edges.olds.length}`);
  const tally: Row = {};
  const t = (k: string): void => void (tally[k] = (tally[k] ?? 0) + 1);
  const wrongInfo: Row = {};
  for (const [i, g] of goldOf) {
    if (g.length !== 1) continue;
    const j = g[0]!;
    const u = matching.olderUnit[i]!;
    if (u >= 0 && matching.units[u]!.news.includes(j)) continue;
    const kind = goldKind.get(i)!;
    const cand = edgeSet.has(i * newer.length + j) ? 'cand' : 'nocand';
    const win = inWindow(anchored.window, i, j) ? 'inwin' : 'outwin';
    const s = similarity(problem, i, j);
    t(`${kind} ${cand} ${win} sim${s >= 0.5 ? '≥.5' : s >= 0.35 ? '≥.35' : '<.35'}`);
    if (u >= 0) {
      const other = matching.units[u]!.news[0]!;
      const so = similarity(problem, i, other);
      const key = `${kind} wrong-partner ${inWindow(anchored.window, i, other) ? 'inwin' : 'outwin'} ${so > s ? 'more alike' : 'less alike'}`;
      wrongInfo[key] = (wrongInfo[key] ?? 0) + 1;
    }
  }
  for (const [k, v] of Object.entries(tally).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(40)} ${v}`);
  console.log('');
  for (const [k, v] of Object.entries(wrongInfo).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(40)} ${v}`);
  let wsum = 0;
  let wmax = 0;
  for (let i = 0; i < older.length; i++) {
    const w = anchored.window.before[i]! - anchored.window.after[i]! - 1;
    wsum += w;
    wmax = Math.max(wmax, w);
  }
  console.log(`window width: mean ${(wsum / older.length).toFixed(1)}, max ${wmax}`);
}

if (process.argv.includes('--examples')) {
  const { similarity } = await import('../src/lib/align/problem.ts');
  const { inWindow } = await import('../src/lib/align/anchors.ts');
  const want = process.argv[process.argv.indexOf('--examples') + 1] ?? 'merged';
  let shown = 0;
  for (const [i, g] of goldOf) {
    if (goldKind.get(i) !== want || g.length === 0 || shown >= 6) continue;
    const u = matching.olderUnit[i]!;
    const unpaired = process.argv.includes('--unpaired');
    if ((u < 0) !== unpaired) continue;
    if (unpaired) {
      shown++;
      console.log(`\nolder ${i} [${want}] UNPAIRED "${older[i]!.text.slice(0, 90)}" window (${anchored.window.after[i]}, ${anchored.window.before[i]})`);
      for (const j of g) console.log(`  true  newer ${j} sim ${similarity(problem, i, j).toFixed(2)} inwin ${inWindow(anchored.window, i, j)} held by ${matching.newerUnit[j]! >= 0 ? JSON.stringify(matching.units[matching.newerUnit[j]!]!.olds) + ' ' + JSON.stringify(matching.units[matching.newerUnit[j]!]!.news) : 'none'} "${newer[j]!.text.slice(0, 90)}"`);
      for (const j of g) for (const i2 of goldNewer.get(j) ?? []) if (i2 !== i) console.log(`  co-older ${i2} held ${matching.olderUnit[i2]! >= 0 ? JSON.stringify(matching.units[matching.olderUnit[i2]!]!.news) : 'none'} sim ${similarity(problem, i2, j).toFixed(2)} "${older[i2]!.text.slice(0, 90)}"`);
      continue;
    }
    const unit = matching.units[u]!;
    if (g.some((j) => unit.news.includes(j))) continue;
    shown++;
    const jw = unit.news[0]!;
    console.log(`\nolder ${i} [${want}] "${older[i]!.text.slice(0, 90)}" window (${anchored.window.after[i]}, ${anchored.window.before[i]})`);
    for (const j of g) console.log(`  true  newer ${j} sim ${similarity(problem, i, j).toFixed(2)} inwin ${inWindow(anchored.window, i, j)} held by ${matching.newerUnit[j]! >= 0 ? JSON.stringify(matching.units[matching.newerUnit[j]!]!.olds) : 'none'} "${newer[j]!.text.slice(0, 90)}"`);
    console.log(`  found newer ${JSON.stringify(unit.news)} olds ${JSON.stringify(unit.olds)} by ${madeBy.get(`${i},${jw}`)} sim ${similarity(problem, i, jw).toFixed(2)} "${newer[jw]!.text.slice(0, 90)}"`);
    const tp = goldNewer.get(jw) ?? [];
    for (const i2 of tp) console.log(`  found's true older ${i2} [${goldKind.get(i2)}] sim ${similarity(problem, i2, jw).toFixed(2)} inwin ${inWindow(anchored.window, i2, jw)} held ${matching.olderUnit[i2]! >= 0 ? JSON.stringify(matching.units[matching.olderUnit[i2]!]!.news) : 'none'} "${older[i2]!.text.slice(0, 90)}"`);
  }
}

if (process.argv.includes('--phase')) {
  const { similarity } = await import('../src/lib/align/problem.ts');
  const want = process.argv[process.argv.indexOf('--phase') + 1]!;
  let shown = 0;
  for (const u of matching.units) {
    for (const i of u.olds) for (const j of u.news) {
      if (madeBy.get(`${i},${j}`) !== want || (goldOf.get(i) ?? []).includes(j) || shown >= 8) continue;
      shown++;
      console.log(`\n[${want}] unit olds ${JSON.stringify(u.olds)} news ${JSON.stringify(u.news)} score ${u.score.toFixed(2)}; link ${i}→${j} sim ${similarity(problem, i, j).toFixed(2)}`);
      console.log(`  older ${i} [${goldKind.get(i)} → ${JSON.stringify(goldOf.get(i))}] "${older[i]!.text.slice(0, 100)}"`);
      console.log(`  newer ${j} [true olds ${JSON.stringify(goldNewer.get(j))}] "${newer[j]!.text.slice(0, 100)}"`);
      for (const k of u.olds) if (k !== i) console.log(`  other older ${k} "${older[k]!.text.slice(0, 100)}"`);
      for (const k of u.news) if (k !== j) console.log(`  other newer ${k} "${newer[k]!.text.slice(0, 100)}"`);
    }
  }
}

// Unpaired older clauses whose true partner is held by a unit: how near is that unit's older clause?
{
  const near: Row = {};
  for (const [i, g] of goldOf) {
    if (g.length === 0 || matching.olderUnit[i]! >= 0) continue;
    const kind = goldKind.get(i)!;
    let cat = 'partners free';
    for (const j of g) {
      const u = matching.newerUnit[j]!;
      if (u < 0) continue;
      const d = Math.min(...matching.units[u]!.olds.map((k) => Math.abs(k - i)));
      cat = d <= 2 ? 'held by a unit ≤ 2 away' : d <= 292 ? 'held by a unit ≤ 292 away' : 'held by a unit far';
    }
    near[`${kind} ${cat}`] = (near[`${kind} ${cat}`] ?? 0) + 1;
  }
  console.log('\nunpaired older with a true partner:');
  for (const [k, v] of Object.entries(near).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(40)} ${v}`);
}

// Unpaired true links with both ends free: how many free clauses read the same as each end?
{
  const freeOlderByKey = new Map<string, number>();
  const freeNewerByKey = new Map<string, number>();
  for (let i = 0; i < older.length; i++) if (matching.olderUnit[i]! < 0) freeOlderByKey.set(problem.olderSide.keys[i]!, (freeOlderByKey.get(problem.olderSide.keys[i]!) ?? 0) + 1);
  for (let j = 0; j < newer.length; j++) if (matching.newerUnit[j]! < 0) freeNewerByKey.set(problem.newerSide.keys[j]!, (freeNewerByKey.get(problem.newerSide.keys[j]!) ?? 0) + 1);
  const tally: Row = {};
  const { similarity } = await import('../src/lib/align/problem.ts');
  for (const [i, g] of goldOf) {
    if (g.length !== 1 || matching.olderUnit[i]! >= 0 || matching.newerUnit[g[0]!]! >= 0) continue;
    const j = g[0]!;
    const a = freeOlderByKey.get(problem.olderSide.keys[i]!)!;
    const b = freeNewerByKey.get(problem.newerSide.keys[j]!)!;
    const s = similarity(problem, i, j);
    const k = `${goldKind.get(i)} older copies ${a > 2 ? '3+' : a} newer copies ${b > 2 ? '3+' : b} sim ${s >= 0.9 ? '≥.9' : s >= 0.5 ? '≥.5' : '<.5'}`;
    tally[k] = (tally[k] ?? 0) + 1;
  }
  console.log('\nunpaired one-to-one links, both ends free, by free copies of each end:');
  for (const [k, v] of Object.entries(tally).sort((x, y) => y[1] - x[1]).slice(0, 14)) console.log(`  ${k.padEnd(50)} ${v}`);
}
