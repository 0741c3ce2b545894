/**
 * Check the corpus: everything the build checks, plus the editorial rules of
 * a digest (every provision cites a source; quotes stay short; kept paraphrase
 * carried forward), which apply to `edition: digest` only, editors'
 * corrections the aligner no longer needs, clause-level omissions that the
 * pairing contradicts, and rows joining differently keyed paragraphs that
 * neither the concordance lists nor a correction forbids, and paraphrase that
 * drifts between same-key paragraphs whose evidence is unchanged.
 * Usage: node scripts/check-content.ts [content-dir]   (exit 1 on any error)
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadCorpus, reading } from '../src/data/load.ts';
import { handleInternalErrors, progress } from './fatal.ts';
import { checkDay } from '../src/data/build-date.ts';
import { checkContent, isDigest } from '../src/lib/content/content-rules.ts';
import { analyse } from '../src/data/analysis.ts';
import { staleCorrections } from '../src/lib/content/corrections.ts';
import { contradictedOmissions } from '../src/lib/content/omissions.ts';
import { unreviewedLinks } from '../src/lib/content/concordance.ts';
import { paraphraseDrift } from '../src/lib/content/carry-forward.ts';
import { evaluationPairs } from '../src/lib/eval/evaluate.ts';
import { clausesOf } from '../src/lib/analyse/graph.ts';
import { formatReport, hasErrors } from '../src/lib/model/diagnostics.ts';
import { parseArgs } from 'node:util';

handleInternalErrors();
progress.phase = 'loading the content';
const { positionals } = parseArgs({ allowPositionals: true, options: { stack: { type: 'boolean' } } });
const dir = resolve(positionals[0] ?? process.env.CONTENT_DIR ?? 'content');
const corpus = await loadCorpus(dir, { today: checkDay() });
progress.phase = 'checking the content';
reading.file = undefined;
const diagnostics = [...corpus.diagnostics];
for (const statement of corpus.statements) {
  const text = await readFile(join(dir, statement.file), 'utf8');
  diagnostics.push(...checkContent(statement, { path: statement.file, text }));
}
// Checks that need the pairings: the analysis the build runs, done once here.
const analysis = corpus.statements.length > 0 ? analyse(corpus) : undefined;
// Editors' corrections the aligner no longer needs (warnings).
for (const correction of corpus.corrections) {
  const comparison = analysis?.comparison(correction.older, correction.newer);
  if (comparison) diagnostics.push(...staleCorrections(comparison.alignerPairs, [correction], comparison.older, comparison.newer));
}
// A clause a source says a statement leaves out must show as dropped, not paired.
for (const statement of corpus.statements) {
  for (const omission of statement.omissions ?? []) {
    const earlier = corpus.statements
      .filter((s) => s.series === statement.series && s.date <= statement.date && s.id !== statement.id)
      .filter((s) => clausesOf(s).some((clause) => clause.id === omission.key))
      .at(-1);
    const comparison = earlier && analysis?.comparison(earlier.id, statement.id);
    if (comparison) diagnostics.push(...contradictedOmissions({ ...statement, omissions: [omission] }, comparison.older, comparison.pairs));
  }
}
// Each row of a consecutive pair that joins two differently keyed paragraphs is either in the concordance or forbidden (warnings).
for (const [older, newer] of evaluationPairs(corpus.statements)) {
  const comparison = analysis?.comparison(older.id, newer.id);
  if (comparison) diagnostics.push(...unreviewedLinks(comparison.pairs, older, newer, corpus.concordance));
  // Paraphrase carried forward: a kept provision keeps its words (warnings); a digest's rule only.
  if (comparison && isDigest(older) && isDigest(newer)) diagnostics.push(...paraphraseDrift(comparison));
}
const clauses = corpus.statements.reduce((sum, s) => sum + clausesOf(s).length, 0);
console.log(formatReport(diagnostics));
const digests = corpus.statements.filter(isDigest).length;
console.log(`Digest rules applied to ${digests} of ${corpus.statements.length} statements (edition: digest); full texts are checked by the build's rules.`);
console.log(`Checked ${corpus.statements.length} statements, ${clauses} clauses, ${corpus.formulas.length} formulas, ${corpus.topics.length} topics in ${dir}.`);
process.exit(hasErrors(diagnostics) ? 1 : 0);
