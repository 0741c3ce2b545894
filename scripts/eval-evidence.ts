/**
 * How far the comparison claims only what the sources show. For every
 * consecutive pair of statements it prints the rows by evidence class, the
 * claimed changes and headlines by their basis, the share of claimed changes
 * that an audit finds backed by evidence (target 100%), the rows whose
 * differences are editorial only, and documented drops against
 * not-documented ones; beside them, what the aligner alone would have called
 * a change (the site's reading before evidence was weighed).
 *
 * The audit does not trust the classifier: it re-reads each claimed change
 * from the raw content (front matter notes, the registry, the quoted words)
 * and asks whether that content supports it.
 *
 * Usage: npm run eval:evidence [-- content-dir]   (exit 1 when a claim is unbacked)
 */
import { resolve } from 'node:path';
import { loadCorpus } from '../src/data/load.ts';
import { analyse, type Comparison } from '../src/data/analysis.ts';
import { evaluationPairs } from '../src/lib/eval/evaluate.ts';
import { clausesById } from '../src/lib/model/statement.ts';
import type { Clause, RegistrySource, Statement } from '../src/lib/model/types.ts';

const dir = resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? 'content');
const corpus = await loadCorpus(dir);
if (corpus.diagnostics.some((d) => d.severity === 'error')) {
  console.error('The content has errors: run npm run check:content.');
  process.exit(1);
}
const analysis = analyse(corpus);
const registry = new Map(corpus.registry.map((entry) => [entry.id, entry]));

let claimsAll = 0;
let backedAll = 0;
let headlinesAll = 0;
let headlinesBackedAll = 0;
const lines: string[] = [];
for (const [older, newer] of evaluationPairs(corpus.statements)) {
  const comparison = analysis.comparison(older.id, newer.id);
  if (!comparison) continue;
  const figures = audit(comparison);
  claimsAll += figures.claims;
  backedAll += figures.backed;
  headlinesAll += figures.headlines;
  headlinesBackedAll += figures.headlinesBacked;
  lines.push(
    `${older.id} → ${newer.id}`,
    `  rows: ${comparison.pairs.length}; by evidence: ${Object.entries(comparison.report.counts).map(([kind, n]) => `${kind} ${n}`).join(', ')}; moved between documented parts ${comparison.report.moved}`,
    `  the aligner alone: ${comparison.pairs.length - comparison.report.alignerCounts.same} of ${comparison.pairs.length} rows not the same (the old reading of "changed")`,
    `  claimed changes: ${figures.claims} (${formatBases(figures.claimBases)}); backed by evidence: ${figures.backed} of ${figures.claims} = ${percent(figures.backed, figures.claims)}`,
    `  headlines: ${figures.headlines} (${formatBases(figures.headlineBases)}); backed: ${figures.headlinesBacked} of ${figures.headlines} = ${percent(figures.headlinesBacked, figures.headlines)}`,
    `  editorial only (kept, differing only in paraphrase or translation): ${figures.editorial}`,
    `  absent in ${newer.id}: documented drops ${comparison.report.counts.dropped}, moved to a same-day statement ${comparison.report.counts['moved-to']}, not documented ${figures.undocumentedNewer}`,
    ...figures.unbacked.map((line) => `  UNBACKED: ${line}`)
  );
}
console.log(lines.join('\n'));
console.log(`\nAll consecutive pairs: ${backedAll} of ${claimsAll} claimed changes backed (${percent(backedAll, claimsAll)}, target 100%); ${headlinesBackedAll} of ${headlinesAll} headlines backed (${percent(headlinesBackedAll, headlinesAll)}, target 100%).`);
process.exit(backedAll === claimsAll && headlinesBackedAll === headlinesAll ? 0 : 1);

type Audit = { claims: number; backed: number; claimBases: Map<string, number>; headlines: number; headlinesBacked: number; headlineBases: Map<string, number>; editorial: number; undocumentedNewer: number; unbacked: string[] };

function audit(comparison: Comparison): Audit {
  const { older, newer, pairs, evidence, report } = comparison;
  const olderClauses = clausesById(older);
  const newerClauses = clausesById(newer);
  const result: Audit = { claims: 0, backed: 0, claimBases: new Map(), headlines: 0, headlinesBacked: 0, headlineBases: new Map(), editorial: 0, undocumentedNewer: 0, unbacked: [] };
  const backedRows = new Set<number>();
  pairs.forEach((pair, at) => {
    const row = evidence[at]!;
    const from = pair.from.map((id) => olderClauses.get(id)!);
    const to = pair.to.map((id) => newerClauses.get(id)!);
    if (row.class === 'kept' && (row.basis === 'paraphrase' || row.basis === 'translations')) result.editorial++;
    if (row.class === 'undocumented' && row.side === 'newer') result.undocumentedNewer++;
    const claims = row.class === 'changed' || row.class === 'dropped' || row.class === 'added' || row.class === 'moved-to' || row.moved;
    if (!claims) return;
    result.claims++;
    result.claimBases.set(row.basis, (result.claimBases.get(row.basis) ?? 0) + 1);
    const support = supportOf(row.class, row.moved, from, to, older, newer);
    if (support) {
      result.backed++;
      backedRows.add(at);
    } else result.unbacked.push(`${row.class} row ${[...pair.from, ...pair.to].join(', ')}`);
  });
  const anchors = new Map<string, number>();
  for (const section of comparison.sections) for (const row of section.rows) {
    const at = pairs.findIndex((pair) => pair.from.join() === row.from.map((c) => c.id).join() && pair.to.join() === row.to.map((c) => c.id).join());
    for (const name of [row.id, ...row.anchors]) anchors.set(name, at);
  }
  for (const headline of report.headlines) {
    result.headlines++;
    result.headlineBases.set(headline.basis, (result.headlineBases.get(headline.basis) ?? 0) + 1);
    const at = anchors.get(headline.anchor);
    // A continuity headline claims no change: it is backed when its row is kept.
    const backed = headline.basis === 'kept' ? at !== undefined && !backedRows.has(at) && evidence[at]?.class === 'kept' : at !== undefined && backedRows.has(at);
    if (backed) result.headlinesBacked++;
    else result.unbacked.push(`headline "${headline.text}"`);
  }
  return result;
}

/** What in the raw content supports a claimed change of a row, or undefined. */
function supportOf(kind: string, moved: boolean, from: Clause[], to: Clause[], older: Statement, newer: Statement): string | undefined {
  const names = (clauses: Clause[]) => new Set(clauses.flatMap((clause) => [clause.id, clause.paragraphKey]));
  if (moved) {
    const placed = (statement: Statement, clause: Clause | undefined) => statement.sections.find((section) => section.paragraphs.some((p) => p.clauses.includes(clause!)))?.placement === 'documented';
    if (!placed(older, from[0]) || !placed(newer, to[0])) return undefined;
    if (kind === 'kept') return 'documented placements';
  }
  if (kind === 'dropped') {
    if ((newer.omissions ?? []).some((note) => names(from).has(note.key))) return 'documented omission';
    if (newer.complete || newer.edition === 'full') return 'complete text';
    return newer.sections.some((section) => section.complete && from.some((clause) => clause.sectionKey === section.key)) ? 'complete part' : undefined;
  }
  if (kind === 'added') {
    if ((newer.additions ?? []).some((note) => names(to).has(note.key))) return 'documented addition';
    if (older.complete || older.edition === 'full') return 'complete text';
    return older.sections.some((section) => section.complete && to.some((clause) => clause.sectionKey === section.key)) ? 'complete part' : undefined;
  }
  if (kind === 'moved-to') {
    const keys = new Set(from.map((clause) => clause.paragraphKey));
    const sameDay = analysis.series.flatMap((series) => series.statements).filter((s) => s.date === newer.date && s.id !== newer.id && s.series === newer.series);
    return sameDay.some((s) => s.sections.some((section) => section.paragraphs.some((p) => keys.has(p.key)))) ? 'same-day statement' : undefined;
  }
  if (kind === 'changed') {
    if ((newer.changes ?? []).some((note) => names(to).has(note.key))) return 'documented change';
    if (older.edition === 'full' && newer.edition === 'full') return 'full texts';
    // Two quotes whose witnesses follow the same rendering, sharing a word, yet worded otherwise.
    const quotes = (clauses: Clause[]) => clauses.flatMap((clause) => [...clause.text.matchAll(/"([^"]+)"|“([^”]+)”/g)].map((match) => ({ text: (match[1] ?? match[2] ?? '').toLowerCase(), rendering: renderingOf(clause, match[1] ?? match[2] ?? '') })));
    const a = quotes(from);
    const b = quotes(to);
    const words = (text: string) => new Set(text.match(/[\p{L}\p{N}]{4,}/gu) ?? []);
    for (const x of a) for (const y of b) {
      if (!x.rendering || x.rendering !== y.rendering || x.text === y.text) continue;
      if (b.some((z) => z.text === x.text && z.rendering === x.rendering)) continue;
      const shared = [...words(x.text)].some((word) => words(y.text).has(word));
      if (shared) return 'comparable quotes differ';
    }
    return undefined;
  }
  return undefined;
}

/** The rendering a quote's witness follows, read from the clause's quote binding and the registry. */
function renderingOf(clause: Clause, text: string): string | undefined {
  const quote = clause.quotes.find((q) => q.text === text);
  for (const label of quote?.cites ?? []) {
    const entry: RegistrySource | undefined = registry.get(label);
    if (entry && entry.kind !== 'note') return entry.follows;
  }
  return undefined;
}

function formatBases(bases: Map<string, number>): string {
  return [...bases].map(([basis, n]) => `${basis} ${n}`).join(', ') || 'none';
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '100% (none claimed)' : `${((100 * part) / whole).toFixed(1)}%`;
}
