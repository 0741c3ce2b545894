/**
 * The hardening figures: every bad-input fixture by outcome, fuzz cases run
 * with their crashes, silent losses and slowest case, and the server probes.
 *
 * - A fixture *fails cleanly* when loading it gives errors, each with a line,
 *   a column and a hint, and exactly the message in its expected.txt; it is
 *   *unclear* when the errors differ from that message or lack a place; it
 *   *crashes* when loading throws.
 * - A fuzz case is a valid statement with hostile text inserted
 *   (tests/fuzz/statements.ts): it *crashes* when parsing throws, and is a
 *   *silent loss* when it parses without an error yet words of the valid statement
 *   that the insertion left intact appear in no clause, heading or footnote. The slowest case is printed as
 *   a figure (hangs would show there); no time limit is asserted.
 * - The server probes are the cases of tests/unit/serve.test.ts, run here.
 *
 * Usage: npm run hostile [-- --runs 2000]
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { loadCorpus } from '../src/data/load.ts';
import { parseStatement } from '../src/lib/content/parse.ts';
import { formatDiagnostic } from '../src/lib/model/diagnostics.ts';
import { mutatedStatement } from '../tests/fuzz/statements.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '1000' } } });
const runs = Number(values.runs);

// Bad-input fixtures by outcome.
const badDir = 'tests/fixtures/bad';
const outcomes = { clean: 0, unclear: 0, crashed: 0 };
const unclear: string[] = [];
for (const name of (await readdir(badDir)).sort()) {
  const dir = join(badDir, name);
  try {
    const corpus = await loadCorpus(dir, { today: '2026-01-01' });
    const errors = corpus.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    const expected = await readFile(join(dir, 'expected.txt'), 'utf8').catch(() => undefined);
    const placed = errors.length > 0 && errors.every((error) => error.line > 0 && error.column > 0 && error.hint.length > 10);
    if (placed && expected === `${errors.map(formatDiagnostic).join('\n')}\n`) outcomes.clean++;
    else {
      outcomes.unclear++;
      unclear.push(name);
    }
  } catch {
    outcomes.crashed++;
    unclear.push(`${name} (crashed)`);
  }
}

// Fuzz cases.
let crashes = 0;
let losses = 0;
let slowest = 0;
const lostExamples: string[] = [];
const samples = fc.sample(mutatedStatement, { numRuns: runs, seed: 1 });
for (const text of samples) {
  const started = performance.now();
  try {
    const result = parseStatement({ path: 'statements/t.md', text }, { today: '2026-01-01' });
    if (result.statement && !result.diagnostics.some((d) => d.severity === 'error')) {
      const shown = [
        ...result.statement.sections.flatMap((section) => [section.heading, ...section.paragraphs.flatMap((paragraph) => paragraph.clauses.map((clause) => clause.text))]),
        ...result.statement.footnotes.map((footnote) => footnote.text)
      ].join(' ');
      // The valid statement's own words that an insertion left intact in the file must survive into what readers see.
      const lost = ['Parties met', 'They agreed', 'one;', 'two.'].filter((words) => text.includes(words) && !shown.includes(words.replace(/[;.]$/, '')));
      if (lost.length > 0) {
        losses++;
        if (losses <= 3) lostExamples.push(JSON.stringify(text.slice(text.indexOf('## ')).slice(0, 160)));
      }
    }
  } catch {
    crashes++;
  }
  slowest = Math.max(slowest, performance.now() - started);
}

// Server probes.
const server = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.config.ts', 'tests/unit/serve.test.ts', '--reporter=json'], { encoding: 'utf8' });
let probes = 'not run';
try {
  const report = JSON.parse(server.stdout.slice(server.stdout.indexOf('{'))) as { numPassedTests: number; numTotalTests: number };
  probes = `${report.numPassedTests} of ${report.numTotalTests} passed`;
} catch {
  probes = 'could not be read';
}

console.log(`Bad-input fixtures: ${outcomes.clean + outcomes.unclear + outcomes.crashed}: ${outcomes.clean} fail cleanly with their expected message, ${outcomes.unclear} unclear, ${outcomes.crashed} crash${unclear.length ? ` (${unclear.join(', ')})` : ''}.`);
console.log(`Fuzz: ${samples.length} hostile statements: ${crashes} crashes, ${losses} silent losses, slowest case ${slowest.toFixed(0)} ms (hangs would show here).`);
console.log(`Server probes: ${probes}.`);
for (const example of lostExamples) console.log(`  lost words in: ${example}`);
process.exit(outcomes.unclear + outcomes.crashed + crashes + losses === 0 ? 0 : 1);
