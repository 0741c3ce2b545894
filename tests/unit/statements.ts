/** Small in-memory statements for unit tests of the analysis phases. */
import type { Clause, Statement } from '../../src/lib/model/types.ts';

/** A clause with defaults for everything but its id, statement and text. */
export function clause(fields: Pick<Clause, 'id' | 'statementId' | 'text'> & Partial<Clause>): Clause {
  return {
    sectionKey: 'main', paragraphKey: fields.id.split('.')[0]!, index: 0, html: fields.text, footnotes: [], topics: [], formulas: [], quotes: [],
    position: { file: `${fields.statementId}.md`, line: 1, column: 1 },
    ...fields,
  };
}

/** A clause text, or a text with its topic ids. */
export type ClauseSpec = string | { text: string; topics: string[] };

/** A statement of one section; each paragraph is `[key, clauses]`. */
export function statement(id: string, date: string, paragraphs: Array<[string, ClauseSpec[]]>): Statement {
  return {
    id, title: id, shortTitle: id, date, place: 'Moscow', series: 'test', kind: 'joint-statement', edition: 'digest', complete: false, sources: [], file: `statements/${id}.md`, footnotes: [],
    sections: [{
      key: 'main', heading: 'Main', placement: 'inferred', complete: false, position: { file: id, line: 1, column: 1 },
      paragraphs: paragraphs.map(([key, specs]) => ({
        key, explicitKey: true, position: { file: id, line: 1, column: 1 },
        clauses: specs.map((spec, index): Clause => {
          const { text, topics } = typeof spec === 'string' ? { text: spec, topics: [] } : spec;
          return { id: `${key}.${index + 1}`, statementId: id, sectionKey: 'main', paragraphKey: key, index, text, html: text, footnotes: [], topics, formulas: [], quotes: [], position: { file: id, line: 1, column: 1 } };
        })
      }))
    }]
  };
}
