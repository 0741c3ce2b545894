/**
 * The short mutation run CI makes: Stryker mutates only the lines of src/lib that changed
 * since a commit (the last one by default), runs the unit tests that reach each mutant, and
 * prints the score of those lines. A change whose new lines the tests do not guard fails
 * here, long before the full run (`npm run mutate`, hours on two cores) would show it.
 *
 *   node scripts/mutate-changed.ts [--since <commit>] [--threshold 80]
 *
 * Exit 0 when nothing in src/lib changed or the score meets the threshold; 1 below it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { changedRanges } from './diff-ranges.ts';

const { values } = parseArgs({ options: { since: { type: 'string', default: 'HEAD~1' }, threshold: { type: 'string', default: '80' } } });
const since = values.since!;
const threshold = Number(values.threshold);

const git = spawnSync('git', ['diff', '--unified=0', '--no-color', since, '--', 'src/lib/**/*.ts', ':(exclude)src/lib/**/index.ts'], { encoding: 'utf8' });
if (git.status !== 0) {
  console.error(`mutate-changed: git diff against ${since} failed: ${git.stderr.trim()}`);
  process.exit(2);
}
const ranges = changedRanges(git.stdout);
if (ranges.size === 0) {
  console.log(`No line of src/lib changed since ${since}: nothing to mutate.`);
  process.exit(0);
}
const mutate = [...ranges].flatMap(([file, spans]) => spans.map(([from, to]) => `${file}:${from}-${to}`));
console.log(`Mutating ${mutate.length} changed range(s) of ${ranges.size} file(s) since ${since}:\n  ${mutate.join('\n  ')}`);

const report = 'reports/mutation/changed.json';
rmSync(report, { force: true });
const stryker = spawnSync('npx', ['stryker', 'run', 'stryker.changed.config.mjs', '--mutate', mutate.join(','), '--dryRunTimeoutMinutes', '30'], { stdio: 'inherit' });
if (stryker.status !== 0 || !existsSync(report)) {
  console.error(`mutate-changed: Stryker did not finish (exit ${stryker.status}).`);
  process.exit(2);
}

type Report = { files: Record<string, { mutants: Array<{ status: string; location: { start: { line: number } }; mutatorName: string; replacement?: string }> }> };
const files = (JSON.parse(readFileSync(report, 'utf8')) as Report).files;
let detected = 0;
let undetected = 0;
const survivors: string[] = [];
for (const [path, file] of Object.entries(files)) {
  for (const mutant of file.mutants) {
    if (mutant.status === 'Killed' || mutant.status === 'Timeout') detected++;
    else if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
      undetected++;
      survivors.push(`${path}:${mutant.location.start.line} ${mutant.mutatorName}${mutant.replacement ? ` → ${mutant.replacement.split('\n')[0]!.slice(0, 60)}` : ''} (${mutant.status})`);
    }
  }
}
const total = detected + undetected;
if (total === 0) {
  console.log('The changed lines hold no mutant (declarations, types or comments only).');
  process.exit(0);
}
const score = (100 * detected) / total;
console.log(`\nMutation score of the lines changed since ${since}: ${score.toFixed(1)}% (${detected} of ${total} mutants detected; target ${threshold}%: ${score >= threshold ? 'PASS' : 'FAIL'})`);
if (survivors.length > 0) console.log(`Not detected:\n  ${survivors.join('\n  ')}`);
process.exit(score >= threshold ? 0 : 1);
