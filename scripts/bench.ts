/**
 * Benchmark of align() on synthetic statements (the newer a seeded
 * perturbation of the older) and on the long fixture, and of a pathological
 * wordDiff. These time limits live here, not in unit tests, where a loaded
 * machine would fail them for no fault of the code.
 *
 *   node scripts/bench.ts
 *
 * Prints a table, the growth exponent (least-squares slope of log time over
 * log n) and PASS/FAIL against the targets; exit code 1 when one is missed.
 */
import { align } from '../src/lib/align/align.ts';
import { wordDiff } from '../src/lib/analyse/diff.ts';
import { DEFAULT_RATES, linksOf, perturb, seededRandom, syntheticClauses } from '../src/lib/eval/perturb.ts';
import { realLike } from './real-like.ts';
import { clausesOf } from '../src/lib/model/statement.ts';
import { loadCorpus } from '../src/data/load.ts';
import { fileURLToPath } from 'node:url';

const SIZES = [1000, 2000, 4000, 8000];
const RUNS = 3;
const TARGET_8K_MS = 2000;
const TARGET_EXPONENT = 1.3;
const TARGET_DIFF_MS = 1000;
const TARGET_LONG_MS = 2000;
const REAL_SIZES = [1000, 4000, 16000];
const TARGET_REAL_F1 = 0.93;
const TARGET_REAL_MS = 2000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Least-squares slope of log y over log x. */
function slope(xs: number[], ys: number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  for (let k = 0; k < lx.length; k++) {
    num += (lx[k]! - mx) * (ly[k]! - my);
    den += (lx[k]! - mx) ** 2;
  }
  return num / den;
}

const verdicts: boolean[] = [];
const verdict = (ok: boolean): string => {
  verdicts.push(ok);
  return ok ? 'PASS' : 'FAIL';
};

// Warm-up so the JIT has compiled the hot paths before anything is timed.
{
  const older = syntheticClauses(1000, 99, 'warm');
  align(older, perturb(older, DEFAULT_RATES, 99).clauses);
}

console.log('align() on synthetic statements (newer = perturbation of older, rates ' + JSON.stringify(DEFAULT_RATES) + ')');
console.log(`${'clauses'.padStart(8)}  ${'median ms'.padStart(10)}  ${'runs ms'.padEnd(24)}  pairs`);
const times: number[] = [];
for (const n of SIZES) {
  const older = syntheticClauses(n, n, 'old');
  const newer = perturb(older, DEFAULT_RATES, n + 1, 'new').clauses;
  const runs: number[] = [];
  let pairs = 0;
  for (let r = 0; r < RUNS; r++) runs.push(time(() => (pairs = align(older, newer).length)));
  const med = median(runs);
  times.push(med);
  console.log(`${String(n).padStart(8)}  ${med.toFixed(1).padStart(10)}  ${runs.map((t) => t.toFixed(0)).join(' / ').padEnd(24)}  ${pairs}`);
}
const exponent = slope(SIZES, times);

// The long fixture (10,000 words, over 400 clauses) against a perturbed copy: a real text's size.
const long = await loadCorpus(fileURLToPath(new URL('../tests/fixtures/long', import.meta.url)));
const longClauses = clausesOf(long.statements[0]!);
const longCopy = perturb(longClauses, DEFAULT_RATES, 7).clauses;
const longMs = median(Array.from({ length: RUNS }, () => time(() => align(longClauses, longCopy))));
console.log(`\nalign() on the long fixture (${longClauses.length} clauses) against a perturbed copy: ${longMs.toFixed(1)} ms`);
const t8k = times[times.length - 1]!;

// Real-like text at length: the corpus's clauses tiled (each tile reworded in part, so near-duplicates pile up
// as in a long real document), against a perturbed copy whose truth perturb() records.
const { corpusClauses, formulas, tiled, retag } = await realLike(fileURLToPath(new URL('../content', import.meta.url)));
const real: Array<{ n: number; ms: number; f1: number }> = [];
console.log(`
align() on real-like text: the corpus's ${corpusClauses.length} clauses tiled and reworded, against a perturbed copy (perturbed-set truth)`);
console.log(`${'clauses'.padStart(8)}  ${'median ms'.padStart(10)}  ${'P'.padStart(6)}  ${'R'.padStart(6)}  ${'F1'.padStart(6)}`);
for (const n of REAL_SIZES) {
  const older = retag(tiled(n, n));
  const perturbed = perturb(older, DEFAULT_RATES, n + 3, 'new');
  const newer = retag(perturbed.clauses);
  const gold = linksOf(perturbed.truth);
  let found = new Set<string>();
  const ms = median(Array.from({ length: RUNS }, () => time(() => (found = linksOf(align(older, newer, { formulas }))))));
  const right = [...found].filter((link) => gold.has(link)).length;
  const p = found.size ? right / found.size : 0;
  const r = gold.size ? right / gold.size : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  real.push({ n, ms, f1 });
  console.log(`${String(n).padStart(8)}  ${ms.toFixed(1).padStart(10)}  ${p.toFixed(3).padStart(6)}  ${r.toFixed(3).padStart(6)}  ${f1.toFixed(3).padStart(6)}`);
}
const real16k = real[real.length - 1]!;

// Pathological diff: two 5,000-word clauses with little in common.
const rnd = seededRandom(7);
const words = (): string => Array.from({ length: 5000 }, () => `w${Math.floor(rnd() * 50000)}`).join(' ');
const a = words();
const b = words();
let replaced = false;
const diffMs = time(() => (replaced = wordDiff(a, b).replaced));

console.log(`\nwordDiff of two 5,000-word clauses: ${diffMs.toFixed(1)} ms (replaced: ${replaced})`);
console.log('\nTARGETS');
console.log(`align 8,000 × 8,000        ${t8k.toFixed(0).padStart(6)} ms   < ${TARGET_8K_MS} ms   ${verdict(t8k < TARGET_8K_MS)}`);
console.log(`align long fixture         ${longMs.toFixed(0).padStart(6)} ms   < ${TARGET_LONG_MS} ms   ${verdict(longMs < TARGET_LONG_MS)}`);
console.log(`growth exponent 1k → 8k    ${exponent.toFixed(2).padStart(6)}      ≤ ${TARGET_EXPONENT}      ${verdict(exponent <= TARGET_EXPONENT)}`);
console.log(`real-like 16,000: F1         ${real16k.f1.toFixed(3).padStart(6)}      ≥ ${TARGET_REAL_F1}     ${verdict(real16k.f1 >= TARGET_REAL_F1)}`);
console.log(`real-like 16,000: time     ${real16k.ms.toFixed(0).padStart(6)} ms   < ${TARGET_REAL_MS} ms   ${verdict(real16k.ms < TARGET_REAL_MS)}`);
console.log(`pathological wordDiff      ${diffMs.toFixed(0).padStart(6)} ms   < ${TARGET_DIFF_MS} ms   ${verdict(diffMs < TARGET_DIFF_MS)}`);
process.exitCode = verdicts.every(Boolean) ? 0 : 1;
