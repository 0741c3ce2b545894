/**
 * Real documents as the test: take N versions of one file from a git
 * repository (every commit touching it is a version), import each with the
 * project's importer, carry keys forward, build the site into a scratch folder,
 * and score every consecutive compare page against the word diff of the raw
 * versions (src/lib/eval/fulltext-score.ts): changed words found, missed and
 * falsely shown, changes shown right and visible, rows paired right, false
 * change rows. Prints precision, recall and the issue's targets with PASS/FAIL.
 * The raw texts stay in the scratch folder (removed at the end unless --keep).
 *
 * Usage: npm run eval:fulltext -- --repo DIR --file PATH [--versions 4] [--spread] [--keep]
 *          [--kind k] [--place p] [--show 12]
 *   --versions N  how many versions (default 4): the N most recent distinct ones,
 *                 or with --spread, N spread evenly from the oldest to the newest.
 *   --kind, --place  passed to the importer only when it asks for them.
 * One version per day: when several commits of a day touch the file, the last counts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addScores, pageRowsOf, precisionRecall, scorePair, targetsOf, truthOf, type PairScore } from '../src/lib/eval/fulltext-score.ts';

const usage = 'Usage: npm run eval:fulltext -- --repo DIR --file PATH [--versions N] [--spread] [--keep] [--kind k] [--place p] [--show n]';

let scratch: string | undefined;
let keep = false;

try {
  await main();
} catch (error) {
  fail(`eval:fulltext stopped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        repo: { type: 'string' },
        file: { type: 'string' },
        versions: { type: 'string', default: '4' },
        spread: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        kind: { type: 'string', default: 'joint-statement' },
        place: { type: 'string', default: 'Online' },
        show: { type: 'string', default: '12' },
        help: { type: 'boolean', default: false }
      }
    });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  const { values } = parsed;
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (!values.repo || !values.file) fail(`--repo and --file are required.\n${usage}`);
  const count = Number(values.versions);
  if (!Number.isInteger(count) || count < 2) fail(`--versions ${JSON.stringify(values.versions)}: give a whole number of at least 2.`);
  const show = Number(values.show);
  if (!Number.isInteger(show) || show < 0) fail(`--show ${JSON.stringify(values.show)}: give a whole number.`);
  keep = values.keep ?? false;
  const repo = resolve(values.repo);
  if (!existsSync(repo)) fail(`--repo ${values.repo}: no such folder.`);
  const gitDir = git(repo, ['rev-parse', '--git-dir']);
  if (gitDir.status !== 0) fail(`--repo ${values.repo}: not a git repository (${gitDir.stderr.trim() || 'git rev-parse failed'}).`);

  // Every commit touching the file, newest first; one version per day, distinct texts only.
  const log = git(repo, ['log', '--format=%H%x09%cs', '--', values.file]);
  if (log.status !== 0) fail(`git log of ${values.file} failed: ${log.stderr.trim()}`);
  const commits = log.stdout.split('\n').filter(Boolean).map((line) => {
    const [hash, date] = line.split('\t');
    return { hash: hash!, date: date! };
  });
  if (commits.length === 0) fail(`--file ${values.file}: no commit of ${values.repo} touches it (check the path, relative to the repository's root).`);
  const versions: { hash: string; date: string; text: string }[] = [];
  const seenDates = new Set<string>();
  const seenTexts = new Set<string>();
  for (const commit of commits) {
    if (seenDates.has(commit.date)) continue;
    const shown = git(repo, ['show', `${commit.hash}:${values.file}`]);
    // A commit that deletes the file has no text of it.
    if (shown.status !== 0) continue;
    seenDates.add(commit.date);
    if (seenTexts.has(shown.stdout)) continue;
    seenTexts.add(shown.stdout);
    versions.push({ ...commit, text: shown.stdout });
  }
  versions.reverse();
  if (versions.length < 2) fail(`--file ${values.file}: ${versions.length} distinct version(s) in ${values.repo}; at least 2 are needed.`);
  if (versions.length < count) console.log(`Only ${versions.length} distinct versions (one a day) of ${values.file}; using all of them.`);
  const chosen = pick(versions, Math.min(count, versions.length), values.spread ?? false);
  const words = chosen.map((version) => version.text.split(/\s+/).filter(Boolean).length);
  console.log(`${values.file}: ${chosen.length} of ${versions.length} versions (${values.spread ? 'spread' : 'most recent'}): ${chosen.map((version, at) => `${version.date} (${words[at]} words)`).join(', ')}.`);

  scratch = await mkdtemp(join(tmpdir(), 'summit-diff-fulltext-'));
  const raw = join(scratch, 'raw');
  const content = join(scratch, 'content');
  const site = join(scratch, 'site');
  await mkdir(raw, { recursive: true });
  const extension = extname(values.file) || '.txt';
  const series = 'evaluated-document';
  const ids = chosen.map((version, at) => `v${at + 1}-${version.date}`);
  const title = basename(values.file, extname(values.file));
  const fallbacks: string[] = [];
  for (const [at, version] of chosen.entries()) {
    const file = join(raw, `${ids[at]}${extension}`);
    await writeFile(file, version.text);
    const out = join(content, 'statements', `${ids[at]}.md`);
    const args = [file, '--series', series, '--id', ids[at]!, '--date', version.date, '--title', title, '--short-title', `Version ${version.date}`, '--edition', 'full', '--source-label', 'Repository', '--source-url', `https://example.org/versions/${version.hash}`, '--out', out, '--force'];
    let run = node('scripts/import.ts', args);
    if (run.status === 2) {
      // The importer still asks for a kind and a place a versioned document does not have.
      run = node('scripts/import.ts', [...args, '--kind', values.kind!, '--place', values.place!]);
      if (fallbacks.length === 0) fallbacks.push(`the importer needed --kind ${values.kind} --place ${values.place}`);
    }
    if (run.status !== 0) fail(`npm run import failed on version ${version.date} (${version.hash.slice(0, 8)}), exit ${run.status}:\n${tail(run.stdout + run.stderr)}`);
  }
  for (let at = 1; at < ids.length; at++) {
    const run = node('scripts/keys.ts', [join(content, 'statements', `${ids[at - 1]}.md`), join(content, 'statements', `${ids[at]}.md`), '--apply']);
    if (run.status !== 0) fail(`npm run keys failed on ${ids[at - 1]} → ${ids[at]}, exit ${run.status}:\n${tail(run.stdout + run.stderr)}`);
  }
  console.log(`Imported and keyed ${ids.length} versions${fallbacks.length > 0 ? ` (${fallbacks.join('; ')})` : ''}; building…`);
  const build = node('scripts/build.ts', [], { CONTENT_DIR: content, OUT_DIR: site });
  if (build.status !== 0) fail(`The build failed, exit ${build.status}:\n${tail(build.stdout + build.stderr)}`);

  const scores: PairScore[] = [];
  // The same pages scored as the scorer before its last fix did, printed beside the figures.
  const previousScores: PairScore[] = [];
  console.log(`\n${'pair'.padEnd(34)} ${'changes'.padStart(7)} ${'right'.padStart(6)} ${'visible'.padStart(7)} ${'found'.padStart(6)} ${'missed'.padStart(6)} ${'false'.padStart(6)} ${'paired right'.padStart(13)} ${'false rows'.padStart(10)}`);
  for (let at = 1; at < ids.length; at++) {
    const page = join(site, 'compare', ids[at - 1]!, ids[at]!, 'index.html');
    if (!existsSync(page)) fail(`The build wrote no compare page for ${ids[at - 1]} → ${ids[at]} (compare/${ids[at - 1]}/${ids[at]}/index.html).`);
    const truth = truthOf(chosen[at - 1]!.text, chosen[at]!.text);
    const rows = pageRowsOf(await readFile(page, 'utf8'));
    const score = scorePair(truth, rows);
    scores.push(score);
    previousScores.push(scorePair(truthOf(chosen[at - 1]!.text, chosen[at]!.text, { previous: true }), rows, { previous: true }));
    console.log(`${`${chosen[at - 1]!.date} → ${chosen[at]!.date}`.padEnd(34)} ${String(score.changes.total).padStart(7)} ${String(score.changes.shownRight).padStart(6)} ${String(score.changes.visible).padStart(7)} ${String(score.words.found).padStart(6)} ${String(score.words.missed).padStart(6)} ${String(score.words.falselyShown).padStart(6)} ${`${score.rows.pairedRight}/${score.rows.paired}`.padStart(13)} ${String(score.rows.falseChange).padStart(10)}`);
  }
  const total = addScores(scores);
  const { precision, recall } = precisionRecall(total.words);
  const { byKind } = total.changes;
  console.log(`\nChanged words: ${total.words.found} found, ${total.words.missed} missed, ${total.words.falselyShown} falsely shown: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}.`);
  console.log(`Changes: ${total.changes.total} (links ${byKind.link.visible}/${byKind.link.total} visible, headings ${byKind.heading.visible}/${byKind.heading.total}, other text ${byKind.text.visible}/${byKind.text.total}); ${total.changes.shownRight} shown right.`);
  console.log(`Rows: ${total.rows.total}; ${total.rows.pairedRight} of ${total.rows.paired} paired rows paired right; ${total.rows.falseChange} false change rows; ${total.rows.emptyMarks} marks without a word; ${total.rows.unplaced} rows with words not in the raw text.`);
  if (total.notShown.length > 0 && show > 0) {
    console.log(`\nChanges not shown right (first ${Math.min(show, total.notShown.length)} of ${total.notShown.length}):`);
    for (const change of total.notShown.slice(0, show)) console.log(`  ${change.visible ? 'split over rows' : 'not visible    '}  ${change.label}  (rows: ${change.rows.join(', ')})`);
  }
  if (total.falseRows.length > 0 && show > 0) console.log(`\nFalse change rows (first ${Math.min(show, total.falseRows.length)}): ${total.falseRows.slice(0, show).join(', ')}`);
  const previous = addScores(previousScores);
  const previousTargets = targetsOf(previous);
  console.log(`\nTargets (in brackets: the scorer before rows were placed all at once, changes slid together as git slides them and joined words read apart, ${previous.rows.pairedRight} of ${previous.rows.paired} paired right):`);
  for (const [k, target] of targetsOf(total).entries()) console.log(`  ${target.pass ? 'PASS' : 'FAIL'}  ${target.name}: ${target.value}  [${previousTargets[k]!.value}]`);
  if (keep) console.log(`\nKept the scratch folder: ${scratch}`);
  else await rm(scratch, { recursive: true, force: true });
}

/** N versions out of all, oldest first: the most recent ones, or spread evenly from the first to the last. */
function pick<T>(all: readonly T[], n: number, spread: boolean): T[] {
  if (!spread) return all.slice(all.length - n);
  if (n === 1) return [all.at(-1)!];
  const indexes = new Set<number>();
  for (let k = 0; k < n; k++) indexes.add(Math.round((k * (all.length - 1)) / (n - 1)));
  return [...indexes].sort((a, b) => a - b).map((index) => all[index]!);
}

function git(repo: string, args: string[]) {
  return spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

function node(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

function tail(text: string, lines = 20): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function fail(message: string): never {
  console.error(message);
  if (scratch && !keep) rmSync(scratch, { recursive: true, force: true });
  else if (scratch) console.error(`Kept the scratch folder: ${scratch}`);
  process.exit(1);
}
