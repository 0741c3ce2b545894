/**
 * Tag clauses with the formulas and topics they contain, from the phrase
 * patterns of the lexicon.
 */
import { originalPatterns } from '../lang/patterns.ts';
import type { Clause, Formula, Statement, Topic } from '../model/types.ts';

/** Compiled lexicon, built once per corpus. */
export type Matchers = {
  formulas: Array<{ id: string; topic: string; patterns: RegExp[] }>;
  topics: Array<{ id: string; cues: RegExp[] }>;
};

/**
 * Compile the lexicon's patterns (case-insensitive, Unicode). A formula's
 * Chinese and Russian originals count as patterns too, so a text in either
 * language is tagged.
 *
 * @param formulas the formula lexicon.
 * @param topics the topic taxonomy.
 */
export function compileMatchers(formulas: Formula[], topics: Topic[]): Matchers {
  return {
    formulas: formulas.map((formula) => ({ id: formula.id, topic: formula.topic, patterns: [...formula.patterns, ...originalPatterns(formula)].map((source) => new RegExp(source, 'iu')) })),
    topics: topics.map((topic) => ({ id: topic.id, cues: topic.cues.map((source) => new RegExp(source, 'iu')) }))
  };
}

/**
 * The formula ids whose patterns match `text`, in lexicon order.
 *
 * @param text clause text.
 * @param matchers compiled lexicon.
 */
export function findFormulas(text: string, matchers: Matchers): string[] {
  return matchers.formulas.filter((formula) => formula.patterns.some((pattern) => pattern.test(text))).map((formula) => formula.id);
}

/**
 * The topic ids of `text`: topics whose cues match, and the topics of the formulas it holds.
 *
 * @param text clause text.
 * @param formulaIds formulas found in the text.
 * @param matchers compiled lexicon.
 */
export function findTopics(text: string, formulaIds: string[], matchers: Matchers): string[] {
  const fromFormulas = new Set(matchers.formulas.filter((formula) => formulaIds.includes(formula.id)).map((formula) => formula.topic));
  return matchers.topics.filter((topic) => fromFormulas.has(topic.id) || topic.cues.some((cue) => cue.test(text))).map((topic) => topic.id);
}

/**
 * A copy of the statement with every clause tagged. A clause with no topic of
 * its own takes the topics of its paragraph's other clauses.
 *
 * @param statement parsed statement.
 * @param matchers compiled lexicon.
 */
export function tagStatement(statement: Statement, matchers: Matchers): Statement {
  return {
    ...statement,
    sections: statement.sections.map((section) => ({
      ...section,
      paragraphs: section.paragraphs.map((paragraph) => {
        const tagged: Clause[] = paragraph.clauses.map((clause) => {
          const formulas = findFormulas(clause.text, matchers);
          return { ...clause, formulas, topics: findTopics(clause.text, formulas, matchers) };
        });
        const paragraphTopics = [...new Set(tagged.flatMap((clause) => clause.topics))];
        return { ...paragraph, clauses: tagged.map((clause) => (clause.topics.length > 0 ? clause : { ...clause, topics: paragraphTopics })) };
      })
    }))
  };
}
