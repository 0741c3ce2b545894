/**
 * Propose paragraph keys for a newer statement from its alignment with an
 * older one, as a Markdown report to review. With --apply, write the clean
 * proposals (no flags) into the newer file.
 * Usage: npm run keys -- <older.md> <newer.md> [--out report.md] [--apply] [--content dir]
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { align } from '../src/lib/align/align.ts';
import { formatReport, hasErrors } from '../src/lib/model/diagnostics.ts';
import { applyKeys, formatProposals, proposeKeys } from '../src/lib/import/keys-propose.ts';
import { readLexicon } from '../src/lib/content/lexicon.ts';
import { parseStatement } from '../src/lib/content/parse.ts';
import type { Statement } from '../src/lib/model/types.ts';
import { clausesOf } from '../src/lib/model/statement.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    apply: { type: 'boolean', default: false },
    content: { type: 'string' },
    'min-score': { type: 'string' }
  }
});
const [olderPath, newerPath] = positionals;
if (!olderPath || !newerPath) {
  console.error('Usage: npm run keys -- <older.md> <newer.md> [--out report.md] [--apply] [--content dir]');
  process.exit(1);
}

const older = await load(olderPath);
const newer = await load(newerPath);
// The lexicon of the corpus the newer file belongs to: formulas count as one token in the aligner.
const contentDir = values.content ?? dirname(dirname(newerPath));
const formulasPath = join(contentDir, 'formulas.yaml');
const formulas = existsSync(formulasPath) ? readLexicon({ path: 'formulas.yaml', text: await readFile(formulasPath, 'utf8') }, undefined).formulas : [];

const pairs = align(clausesOf(older.statement), clausesOf(newer.statement), { formulas });
const minScore = values['min-score'] === undefined ? undefined : Number(values['min-score']);
const proposals = proposeKeys(older.statement, newer.statement, pairs, minScore === undefined ? undefined : { minScore });
const report = formatProposals(proposals, older.statement.id, newer.statement.id);

if (values.out) {
  await writeFile(values.out, report);
  console.log(`Wrote the key proposals to ${values.out}.`);
} else console.log(report);

if (values.apply) {
  const result = applyKeys(newer.text, newer.statement, proposals);
  const check = parseStatement({ path: newer.path, text: result.text });
  if (hasErrors(check.diagnostics) && !hasErrors(newer.diagnostics)) {
    console.error(`The rewritten file would not pass the content check; ${newerPath} is unchanged:\n${formatReport(check.diagnostics)}`);
    process.exit(1);
  }
  await writeFile(newerPath, result.text);
  console.log(`Applied ${result.renamed} key rename(s) to ${newerPath}; flagged rows were left for review.`);
}

async function load(path: string): Promise<{ path: string; text: string; statement: Statement; diagnostics: ReturnType<typeof parseStatement>['diagnostics'] }> {
  const text = await readFile(path, 'utf8');
  const relativePath = join('statements', basename(path));
  const result = parseStatement({ path: relativePath, text }, { today: '9999-12-31' });
  if (!result.statement) {
    console.error(`${relative(process.cwd(), path)} could not be read:\n${formatReport(result.diagnostics)}`);
    process.exit(1);
  }
  return { path: relativePath, text, statement: result.statement, diagnostics: result.diagnostics };
}
