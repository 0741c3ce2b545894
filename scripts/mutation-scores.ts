/**
 * The mutation score of each folder of src/lib, from the report `npm run mutate` writes.
 *
 *   node scripts/mutation-scores.ts [--report <file>]
 *
 * Score = detected / (detected + undetected), as Stryker counts it: killed and timed-out
 * mutants are detected; survivors and mutants no test covers are not; mutants that do not
 * compile or crash the runner count for neither side. The pipeline's core (align, content,
 * analyse) aims at 80% or more: a lower score means changes to it can pass the tests unseen.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { report: { type: 'string', default: 'reports/mutation/mutation.json' } } });
const TARGET = 80;
const CORE = new Set(['align', 'content', 'analyse']);

type Report = { files: Record<string, { mutants: Array<{ status: string }> }> };
const report = JSON.parse(readFileSync(values.report, 'utf8')) as Report;

const tally = new Map<string, { detected: number; undetected: number }>();
const count = (folder: string, status: string): void => {
  const entry = tally.get(folder) ?? { detected: 0, undetected: 0 };
  if (status === 'Killed' || status === 'Timeout') entry.detected++;
  else if (status === 'Survived' || status === 'NoCoverage') entry.undetected++;
  tally.set(folder, entry);
};
for (const [path, file] of Object.entries(report.files)) {
  const folder = /src\/lib\/([^/]+)\//.exec(path.split('\\').join('/'))?.[1] ?? '(other)';
  for (const mutant of file.mutants) {
    count(folder, mutant.status);
    count('all', mutant.status);
  }
}
const score = (entry: { detected: number; undetected: number }): number => (entry.detected + entry.undetected === 0 ? NaN : (100 * entry.detected) / (entry.detected + entry.undetected));
console.log(`${'folder'.padEnd(10)} ${'score'.padStart(7)} ${'detected'.padStart(9)} ${'missed'.padStart(7)}`);
for (const [folder, entry] of [...tally].sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)))) {
  const value = score(entry);
  const mark = CORE.has(folder) ? (value >= TARGET ? `  target ${TARGET}%: PASS` : `  target ${TARGET}%: below`) : '';
  console.log(`${folder.padEnd(10)} ${Number.isNaN(value) ? '    n/a' : `${value.toFixed(1).padStart(6)}%`} ${String(entry.detected).padStart(9)} ${String(entry.undetected).padStart(7)}${mark}`);
}
