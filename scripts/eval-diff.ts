/**
 * How well the word diff reads, on the corpus's statements perturbed with
 * known truth (the set eval:align scores the aligner on): for every pair of
 * clauses the truth says correspond and whose text changed, the number of
 * separate change spans a reader sees, and the unchanged runs of three or more
 * content words shown deleted and re-inserted (target 0). Each next to the
 * plain word diff the site used before (jsdiff's diffWordsWithSpace, adjacent
 * parts of one op merged). Exit code 1 when the perturbed set shows a churned
 * run or more spans than the plain diff.
 *
 * The same figures follow for the corpus's own changed paragraphs (a key in
 * two consecutive statements). There a phrase that moved inside a paragraph
 * can show as a churned run: a diff in reading order cannot keep both the
 * phrase and the words it moved across. --show prints those diffs.
 *
 * Last, per language (English from the corpus, Chinese and Russian from the invented
 * tests/fixtures/langs, perturbed in their own words): the share of the diff's marks that
 * start and end on word boundaries (target 100%: a diff never marks part of a word).
 *
 *   node scripts/eval-diff.ts [content-dir] [--show]
 */
import { diffWordsWithSpace } from 'diff';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/data/load.ts';
import { wordDiff } from '../src/lib/analyse/diff.ts';
import { clausesOf } from '../src/lib/analyse/graph.ts';
import { changeSpans, churnedRuns, marksOnWordBoundaries } from '../src/lib/eval/diff-quality.ts';
import { DEFAULT_RATES, PERTURBED_LANGUAGES, perturb } from '../src/lib/eval/perturb.ts';
import { relative } from 'node:path';
import type { DiffPart } from '../src/lib/model/types.ts';

const SEEDS = [1, 2, 3, 4, 5];

/** The plain word diff: anchors on every word, stop words and punctuation included. */
function plainDiff(older: string, newer: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const c of diffWordsWithSpace(older, newer)) {
    if (!c.value) continue;
    const op: DiffPart['op'] = c.added ? 'insert' : c.removed ? 'delete' : 'equal';
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += c.value;
    else parts.push({ op, text: c.value });
  }
  return parts;
}

const show = process.argv.includes('--show');
const render = (parts: DiffPart[]): string => parts.map((p) => (p.op === 'equal' ? p.text : p.op === 'delete' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../content', import.meta.url));
const corpus = await loadCorpus(dir);
type Tally = { pairs: number; spans: number; churned: number };
const before: Tally = { pairs: 0, spans: 0, churned: 0 };
const after: Tally = { pairs: 0, spans: 0, churned: 0 };
const add = (t: Tally, parts: DiffPart[]): void => {
  t.pairs++;
  t.spans += changeSpans(parts);
  t.churned += churnedRuns(parts);
};
for (const statement of corpus.statements) {
  const clauses = clausesOf(statement);
  if (clauses.length < 2) continue;
  const byId = new Map(clauses.map((c) => [c.id, c.text]));
  for (const seed of SEEDS) {
    const perturbed = perturb(clauses, DEFAULT_RATES, seed, `${statement.id}~${seed}`);
    const newById = new Map(perturbed.clauses.map((c) => [c.id, c.text]));
    for (const pair of perturbed.truth) {
      if (pair.from.length === 0 || pair.to.length === 0) continue;
      const older = pair.from.map((id) => byId.get(id)!).join(' ');
      const newer = pair.to.map((id) => newById.get(id)!).join(' ');
      if (older === newer) continue;
      add(before, plainDiff(older, newer));
      add(after, wordDiff(older, newer).parts);
    }
  }
}
// The corpus itself: each paragraph key present in two consecutive statements of a series, as /clauses/ pages show it.
const realBefore: Tally = { pairs: 0, spans: 0, churned: 0 };
const realAfter: Tally = { pairs: 0, spans: 0, churned: 0 };
const bySeries = Map.groupBy(corpus.statements, (s) => s.series);
for (const statements of bySeries.values()) {
  const ordered = [...statements].sort((x, y) => x.date.localeCompare(y.date));
  for (let k = 1; k < ordered.length; k++) {
    const textOf = (clauses: ReturnType<typeof clausesOf>): Map<string, string> => {
      const out = new Map<string, string>();
      for (const c of clauses) out.set(c.paragraphKey, out.has(c.paragraphKey) ? `${out.get(c.paragraphKey)} ${c.text}` : c.text);
      return out;
    };
    const older = textOf(clausesOf(ordered[k - 1]!));
    const newer = textOf(clausesOf(ordered[k]!));
    for (const [key, text] of older) {
      const next = newer.get(key);
      if (next === undefined || next === text) continue;
      add(realBefore, plainDiff(text, next));
      add(realAfter, wordDiff(text, next).parts);
      if (show && churnedRuns(wordDiff(text, next).parts) > 0) console.log(`${ordered[k - 1]!.id} → ${ordered[k]!.id} ¶ ${key}:\n  ${render(wordDiff(text, next).parts)}\n`);
    }
  }
}

// Word marks on word boundaries, per language: the English corpus above, and the Chinese and
// Russian statements of the invented original-language corpus, perturbed in their own words.
const boundaryShares: { lang: string; marks: number; onBoundary: number; pairs: number }[] = [];
const boundaryTally = (lang: string, statements: typeof corpus.statements): void => {
  const tally = { lang, marks: 0, onBoundary: 0, pairs: 0 };
  for (const statement of statements) {
    const clauses = clausesOf(statement);
    if (clauses.length < 2) continue;
    const byId = new Map(clauses.map((c) => [c.id, c.text]));
    for (const seed of SEEDS) {
      const perturbed = perturb(clauses, DEFAULT_RATES, seed, `${statement.id}~${seed}`, statement.lang);
      const newById = new Map(perturbed.clauses.map((c) => [c.id, c.text]));
      for (const pair of perturbed.truth) {
        if (pair.from.length === 0 || pair.to.length === 0) continue;
        const older = pair.from.map((id) => byId.get(id)!).join(' ');
        const newer = pair.to.map((id) => newById.get(id)!).join(' ');
        if (older === newer) continue;
        const share = marksOnWordBoundaries(wordDiff(older, newer, { lang }).parts, older, newer, lang);
        tally.pairs++;
        tally.marks += share.marks;
        tally.onBoundary += share.onBoundary;
      }
    }
  }
  boundaryShares.push(tally);
};
boundaryTally('en', corpus.statements.filter((s) => (s.lang ?? 'en') === 'en'));
const langsDir = fileURLToPath(new URL('../tests/fixtures/langs', import.meta.url));
const langs = await loadCorpus(langsDir);
for (const lang of PERTURBED_LANGUAGES) boundaryTally(lang, langs.statements.filter((s) => new Intl.Locale(s.lang ?? 'en').language === lang));

const perPair = (t: Tally): string => (t.spans / t.pairs).toFixed(2);
console.log(`Perturbed set: ${after.pairs} changed clause pairs (${corpus.statements.length} statements, seeds ${SEEDS.join(',')}, rates ${JSON.stringify(DEFAULT_RATES)})`);
console.log('');
console.log('                                              plain diff   wordDiff');
console.log(`change spans per changed clause              ${perPair(before).padStart(10)} ${perPair(after).padStart(10)}`);
console.log(`unchanged 3+ content-word runs re-inserted   ${String(before.churned).padStart(10)} ${String(after.churned).padStart(10)}   (target 0)`);
console.log(`\nCorpus: ${realAfter.pairs} changed paragraphs between consecutive statements`);
console.log(`change spans per changed paragraph           ${perPair(realBefore).padStart(10)} ${perPair(realAfter).padStart(10)}`);
console.log(`unchanged 3+ content-word runs re-inserted   ${String(realBefore.churned).padStart(10)} ${String(realAfter.churned).padStart(10)}   (target 0)`);
console.log(`\nWord marks on word boundaries (Intl.Segmenter), perturbed sets: en the corpus above; zh and ru ${relative(process.cwd(), langsDir)} (invented)`);
for (const t of boundaryShares) {
  const share = t.marks === 0 ? 1 : t.onBoundary / t.marks;
  console.log(`${t.lang.padEnd(3)} ${(share * 100).toFixed(1).padStart(5)}% of ${String(t.marks).padStart(5)} marks in ${String(t.pairs).padStart(4)} changed clause pairs   target 100%: ${share === 1 ? 'PASS' : 'FAIL'}`);
}
const ok = after.churned === 0 && after.spans <= before.spans && boundaryShares.every((t) => t.onBoundary === t.marks);
console.log(`\n${ok ? 'PASS' : 'FAIL'}`);
process.exit(ok ? 0 : 1);
