/**
 * Build scale: synthetic series of N statements (the corpus's own statements, then
 * perturbed copies of its main-line statements dated before them, in the same series:
 * paragraphs reworded, dropped, added and reordered, keys kept), each built with
 * CONTENT_DIR into a temporary folder. Prints per N the build time, the peak memory
 * (largest resident set of the build's processes, /usr/bin/time), the size of the site,
 * its largest HTML page and the Pagefind index; then the growth exponent of build time
 * against N (least-squares slope of log time over log N), each beside its target with
 * PASS or FAIL; exit 1 when one is missed.
 *
 *   node scripts/bench-scale.ts [--sizes 5,10,20,40,100] [--with-500] [--keep 100] [--links] [--out dir]
 *
 * `--keep N` keeps that build (and its content folder) and prints where, to run the link
 * check, the permalink check and the browser tests on it (README, Scale); `--links` runs
 * the link check on each build. `--with-500` adds N = 500 (minutes: never part of npm test).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/data/load.ts';
import { reword, seededRandom, syntheticClause } from '../src/lib/eval/perturb.ts';
import type { Statement } from '../src/lib/model/types.ts';
import { mainLine } from '../src/view/series.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '5,10,20,40,100' },
    'with-500': { type: 'boolean', default: false },
    keep: { type: 'string' },
    links: { type: 'boolean', default: false },
    out: { type: 'string' },
    content: { type: 'string', default: 'content' }
  }
});
const sizes = (values.sizes ?? '').split(',').map(Number).filter((n) => n > 0);
if (values['with-500'] && !sizes.includes(500)) sizes.push(500);
const keep = values.keep ? Number(values.keep) : undefined;
const work = resolve(values.out ?? join(tmpdir(), 'summit-scale'));

const targets = {
  n100: { seconds: 90, memoryMb: 2048, distMb: 150 },
  n500: { seconds: 15 * 60, memoryMb: 4096 },
  largestPageMb: 1,
  exponent: 1.2
};

/** Bytes of every file under `dir`, and the largest HTML file. */
function sizesOf(dir: string): { bytes: number; largest: { path: string; bytes: number } } {
  let bytes = 0;
  let largest = { path: '', bytes: 0 };
  if (!existsSync(dir)) return { bytes, largest };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const size = statSync(file).size;
    bytes += size;
    if (entry.name.endsWith('.html') && size > largest.bytes) largest = { path: file.slice(dir.length), bytes: size };
  }
  return { bytes, largest };
}

/** Markdown-safe plain text: no raw HTML, links, emphasis, attribute braces or quotation marks (a quote needs its footnote) from the copied text. */
function plain(text: string): string {
  return text.replace(/[<>[\]*_`{}#\\|"“”«»„]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** One perturbed copy of a statement as a full-text Markdown file (keys kept, so provisions carry through). */
function copyOf(base: Statement, index: number, date: string, seed: number): string {
  const rnd = seededRandom(seed);
  const lines = [
    '---',
    `title: Synthetic copy ${index} of ${plain(base.title)}`,
    `shortTitle: Copy ${index}`,
    `date: ${date}`,
    `place: ${plain(base.place)}`,
    `series: ${base.series}`,
    `kind: ${base.kind}`,
    'edition: full',
    'sources:',
    '  - label: Synthetic test text (scripts/bench-scale.ts)',
    `    url: https://example.org/summit-diff/synthetic/${index}`,
    '---',
    ''
  ];
  let added = 0;
  for (const section of base.sections) {
    const paragraphs: string[] = [];
    for (const paragraph of section.paragraphs) {
      if (rnd() < 0.05) continue;
      const text = paragraph.clauses.map((clause) => plain(rnd() < 0.2 ? reword(clause.text, rnd) : clause.text)).filter(Boolean).join(' ');
      if (text) paragraphs.push(`${text} {#${paragraph.key}}`);
      if (rnd() < 0.05) paragraphs.push(`${syntheticClause(rnd)} {#copy-${index}-${++added}}`);
    }
    // A few neighbours trade places, as provisions move between editions.
    for (let at = 1; at < paragraphs.length; at++) if (rnd() < 0.08) [paragraphs[at - 1], paragraphs[at]] = [paragraphs[at]!, paragraphs[at - 1]!];
    if (paragraphs.length === 0) continue;
    lines.push(`## ${section.number ? `${section.number}. ` : ''}${plain(section.heading) || section.key} {#${section.key}}`, '', ...paragraphs.flatMap((p) => [p, '']));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Write a content folder of `n` statements: the corpus's own, then `n` minus their number
 * perturbed copies of its main line, a week apart from 1990 on (before the corpus).
 */
async function syntheticContent(source: string, dir: string, n: number): Promise<number> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'statements'), { recursive: true });
  for (const name of readdirSync(source)) if (name.endsWith('.yaml')) copyFileSync(join(source, name), join(dir, name));
  const corpus = await loadCorpus(source);
  for (const statement of corpus.statements) copyFileSync(join(source, statement.file), join(dir, 'statements', `${statement.id}.md`));
  const line = mainLine(corpus.statements);
  const copies = Math.max(0, n - corpus.statements.length);
  for (let k = 0; k < copies; k++) {
    const date = new Date(Date.UTC(1990, 0, 5 + 7 * k)).toISOString().slice(0, 10);
    writeFileSync(join(dir, 'statements', `${date}-copy-${k + 1}.md`), copyOf(line[k % line.length]!, k + 1, date, 1000 + k));
  }
  return corpus.statements.length + copies;
}

type Row = { n: number; clauses: number; seconds: number; memoryMb: number; distMb: number; largest: { path: string; bytes: number }; pagefindMb: number; ok: boolean; links?: string };

const rows: Row[] = [];
const mb = (bytes: number) => bytes / 1024 / 1024;
for (const n of sizes) {
  const dir = join(work, `n${n}`);
  const content = join(dir, 'content');
  const out = join(dir, 'dist');
  const count = await syntheticContent(resolve(values.content ?? 'content'), content, n);
  const started = performance.now();
  const build = spawnSync('/usr/bin/time', ['-f', 'peak-kb %M', process.execPath, 'scripts/build.ts'], {
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: out },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  });
  const seconds = (performance.now() - started) / 1000;
  const peakKb = Number(/peak-kb (\d+)/.exec(build.stderr ?? '')?.[1] ?? 0);
  const clauses = Number(/Search index: (\d+) clauses/.exec(build.stdout ?? '')?.[1] ?? 0);
  if (build.status !== 0) console.error(`N = ${n}: the build failed\n${(build.stderr ?? '').slice(-3000)}`);
  const site = sizesOf(out);
  const row: Row = { n: count, clauses, seconds, memoryMb: peakKb / 1024, distMb: mb(site.bytes), largest: site.largest, pagefindMb: mb(sizesOf(join(out, 'pagefind')).bytes), ok: build.status === 0 };
  if (values.links && row.ok) {
    const links = spawnSync(process.execPath, ['scripts/check-links.ts', out], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    row.links = `${links.status === 0 ? 'links ok' : 'BROKEN LINKS'}: ${(links.stdout ?? '').trim().split('\n').at(-1)}`;
    if (links.status !== 0) console.error((links.stderr ?? '').split('\n').slice(0, 20).join('\n'));
  }
  rows.push(row);
  console.log(
    `N = ${String(count).padStart(3)}  ${String(clauses).padStart(6)} clauses  build ${seconds.toFixed(1).padStart(6)} s  peak ${row.memoryMb.toFixed(0).padStart(5)} MiB  dist ${row.distMb.toFixed(1).padStart(6)} MB  largest page ${(row.largest.bytes / 1024).toFixed(0).padStart(5)} KB ${row.largest.path}  Pagefind ${row.pagefindMb.toFixed(1)} MB${row.links ? `  ${row.links}` : ''}`
  );
  if (n !== keep) rmSync(dir, { recursive: true, force: true });
  else console.log(`  kept: CONTENT_DIR=${content}  site ${out}`);
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
const line = (name: string, figure: string, target: string, pass: boolean) => {
  verdicts.push(pass);
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${name.padEnd(34)} ${figure.padStart(12)}   target ${target}`);
};
console.log('\nTARGETS');
for (const row of rows) if (!row.ok) line(`N = ${row.n} builds`, 'failed', 'builds', false);
for (const row of rows.filter((built) => built.ok)) line(`largest HTML page, N = ${row.n}`, `${(row.largest.bytes / 1024).toFixed(0)} KB`, `≤ ${targets.largestPageMb * 1024} KB`, row.largest.bytes <= targets.largestPageMb * 1024 * 1024);
const n100 = rows.find((row) => row.n === 100);
if (n100) {
  line('N = 100 build time', `${n100.seconds.toFixed(1)} s`, `≤ ${targets.n100.seconds} s`, n100.seconds <= targets.n100.seconds);
  line('N = 100 peak memory', `${n100.memoryMb.toFixed(0)} MiB`, `≤ ${targets.n100.memoryMb} MiB`, n100.memoryMb <= targets.n100.memoryMb);
  line('N = 100 dist', `${n100.distMb.toFixed(1)} MB`, `≤ ${targets.n100.distMb} MB`, n100.distMb <= targets.n100.distMb);
}
const n500 = rows.find((row) => row.n === 500);
if (n500) {
  line('N = 500 completes', n500.ok ? 'yes' : 'no', 'completes', n500.ok);
  line('N = 500 build time', `${n500.seconds.toFixed(0)} s`, `≤ ${targets.n500.seconds} s`, n500.seconds <= targets.n500.seconds);
  line('N = 500 peak memory', `${n500.memoryMb.toFixed(0)} MiB`, `≤ ${targets.n500.memoryMb} MiB`, n500.memoryMb <= targets.n500.memoryMb);
}
const fitted = rows.filter((row) => row.ok);
if (fitted.length >= 2) {
  const exponent = slope(fitted.map((row) => row.n), fitted.map((row) => row.seconds));
  line(`growth exponent, N = ${fitted[0]!.n}…${fitted.at(-1)!.n}`, exponent.toFixed(2), `≤ ${targets.exponent}`, exponent <= targets.exponent);
}
if (!n100) console.log('(N = 100 not measured: its targets were not checked.)');
process.exitCode = verdicts.every(Boolean) ? 0 : 1;
