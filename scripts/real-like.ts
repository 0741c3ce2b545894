/**
 * The real-like text of `npm run bench`, which scripts/align-confusion.ts takes apart: the
 * corpus's clauses tiled to any length (each tile after the first reworded in part, so
 * near-duplicates pile up as in a long real document), tagged with the corpus's formulas and
 * topics. One module, so the diagnosis always reads the text the benchmark scores.
 */
import { loadCorpus } from '../src/data/load.ts';
import { compileMatchers, findFormulas, findTopics } from '../src/lib/analyse/tag.ts';
import { reword, seededRandom } from '../src/lib/eval/perturb.ts';
import { clausesOf } from '../src/lib/model/statement.ts';
import type { Clause, Formula } from '../src/lib/model/types.ts';

export type RealLike = {
  /** The corpus's clauses, the tile. */
  corpusClauses: Clause[];
  formulas: Formula[];
  /** `count` clauses of tiles, reworded from a seeded random stream. */
  tiled: (count: number, seed: number) => Clause[];
  /** Clauses with their formulas and topics found anew in their (reworded) text. */
  retag: (clauses: Clause[]) => Clause[];
};

/** The real-like text made from the corpus in `contentDir`. */
export async function realLike(contentDir: string): Promise<RealLike> {
  const corpus = await loadCorpus(contentDir);
  const matchers = compileMatchers(corpus.formulas, corpus.topics);
  const corpusClauses = corpus.statements.flatMap((statement) => clausesOf(statement));
  const tiled = (count: number, seed: number): Clause[] => {
    const rnd = seededRandom(seed);
    return Array.from({ length: count }, (_, k) => {
      const tile = Math.floor(k / corpusClauses.length);
      const base = corpusClauses[k % corpusClauses.length]!;
      const text = tile > 0 && rnd() < 0.5 ? reword(base.text, rnd) : base.text;
      return { ...base, id: `t${tile}-${base.id}`, statementId: 'tiled', paragraphKey: `t${tile}-${base.paragraphKey}`, sectionKey: `t${tile}-${base.sectionKey}`, text, html: text };
    });
  };
  const retag = (clauses: Clause[]): Clause[] =>
    clauses.map((c) => {
      const formulas = findFormulas(c.text, matchers);
      return { ...c, formulas, topics: findTopics(c.text, formulas, matchers) };
    });
  return { corpusClauses, formulas: corpus.formulas, tiled, retag };
}
