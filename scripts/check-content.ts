/**
 * Check the corpus: everything the build checks, plus the editorial rules of
 * a digest (every provision cites a source; quotes stay short), editors'
 * corrections the aligner no longer needs, and clause-level omissions that the
 * pairing contradicts.
 * Usage: node scripts/check-content.ts [content-dir]   (exit 1 on any error)
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadCorpus } from '../src/data/load.ts';
import { checkContent } from '../src/lib/content-rules.ts';
import { align } from '../src/lib/align.ts';
import { applyCorrections, staleCorrections } from '../src/lib/corrections.ts';
import { contradictedOmissions } from '../src/lib/omissions.ts';
import { clausesOf } from '../src/lib/graph.ts';
import { formatReport, hasErrors } from '../src/lib/diagnostics.ts';

const dir = resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? 'content');
const corpus = await loadCorpus(dir);
const diagnostics = [...corpus.diagnostics];
for (const statement of corpus.statements) {
  const text = await readFile(join(dir, statement.file), 'utf8');
  diagnostics.push(...checkContent(statement, { path: statement.file, text }));
}
// Editors' corrections the aligner no longer needs (warnings).
for (const correction of corpus.corrections) {
  const older = corpus.statements.find((s) => s.id === correction.older);
  const newer = corpus.statements.find((s) => s.id === correction.newer);
  if (!older || !newer) continue;
  const pairs = align(clausesOf(older), clausesOf(newer), { formulas: corpus.formulas });
  diagnostics.push(...staleCorrections(pairs, [correction], older, newer));
}
// A clause a source says a statement leaves out must show as dropped, not paired.
for (const statement of corpus.statements) {
  for (const omission of statement.omissions ?? []) {
    const earlier = corpus.statements
      .filter((s) => s.series === statement.series && s.date <= statement.date && s.id !== statement.id)
      .filter((s) => s.sections.some((section) => section.paragraphs.some((paragraph) => paragraph.clauses.some((clause) => clause.id === omission.key))))
      .at(-1);
    if (!earlier) continue;
    const pairs = applyCorrections(align(clausesOf(earlier), clausesOf(statement), { formulas: corpus.formulas }), corpus.corrections, earlier, statement);
    diagnostics.push(...contradictedOmissions({ ...statement, omissions: [omission] }, earlier, pairs));
  }
}
const clauses = corpus.statements.reduce((sum, s) => sum + s.sections.reduce((n, x) => n + x.paragraphs.reduce((m, p) => m + p.clauses.length, 0), 0), 0);
console.log(formatReport(diagnostics));
console.log(`Checked ${corpus.statements.length} statements, ${clauses} clauses, ${corpus.formulas.length} formulas, ${corpus.topics.length} topics in ${dir}.`);
process.exit(hasErrors(diagnostics) ? 1 : 0);
