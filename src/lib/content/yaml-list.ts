/**
 * Read a YAML file that holds a list of entries (`formulas.yaml`, `topics.yaml`, `series.yaml`,
 * `alignments.yaml`, `concordance.yaml`, `moved.yaml`): each entry is checked against a schema, and every
 * problem is reported at its file:line:column.
 */
import type { z } from 'zod';
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic, Position } from '../model/types.ts';
import type { Source } from '../model/diagnostics.ts';
import { yamlToData } from './safe-yaml.ts';

/** One valid entry, with where it and its parts were written. */
export type YamlEntry<T> = {
  value: T;
  /** Where the entry starts. */
  position: Position;
  /** Where a part of the entry starts (a path below the entry, such as `['force', 0]`); the entry's start when absent. */
  positionOf: (path: ReadonlyArray<string | number>) => Position;
};

/**
 * Parse `source` as a YAML list and validate each entry.
 *
 * @param source the file.
 * @param schema the shape of one entry.
 * @param problem the rule name for an invalid entry, and the hint that says how to write one.
 * @returns the valid entries, and diagnostics for malformed YAML, a document that is not a list, and invalid entries.
 */
export function readYamlList<T>(source: Source, schema: z.ZodType<T>, problem: { rule: string; hint: string }): { entries: Array<YamlEntry<T>>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const document = parseDocument(source.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): Position => {
    const place = lineCounter.linePos(offset ?? 0);
    return { file: source.path, line: place.line, column: place.col };
  };
  const report = (position: Position, rule: string, message: string, hint = problem.hint): void => {
    diagnostics.push({ ...position, rule, severity: 'error', message, hint });
  };
  if (document.errors.length > 0) {
    const syntax = `Fix the YAML syntax (indentation, quotes, a \`- \` before each entry). ${problem.hint}`;
    for (const error of document.errors) report(at(error.pos[0]), 'yaml-malformed', `not valid YAML: ${error.message.split('\n')[0]}`, syntax);
    return { entries: [], diagnostics };
  }
  const read = yamlToData(document);
  if (!read.ok) {
    report(at(read.offset), 'yaml-aliases', read.message, read.hint);
    return { entries: [], diagnostics };
  }
  const data: unknown = read.data ?? [];
  if (!Array.isArray(data)) {
    report(at(0), 'yaml-not-a-list', `${source.path} is not a YAML list`);
    return { entries: [], diagnostics };
  }
  const rangeOf = (path: ReadonlyArray<string | number>): number | undefined => {
    const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range?.[0];
  };
  /** The start of the deepest part of `path` that exists. */
  const nearest = (path: ReadonlyArray<string | number>): Position => {
    for (let length = path.length; length > 0; length--) {
      const offset = rangeOf(path.slice(0, length));
      if (offset !== undefined) return at(offset);
    }
    return at(0);
  };
  const entries: Array<YamlEntry<T>> = [];
  data.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = [index, ...issue.path.map((part) => (typeof part === 'number' ? part : String(part)))];
        report(nearest(path), problem.rule, `entry ${index + 1}, \`${issue.path.join('.') || '(entry)'}\`: ${issue.message}`);
      }
      return;
    }
    entries.push({ value: result.data, position: nearest([index]), positionOf: (path) => nearest([index, ...path]) });
  });
  return { entries, diagnostics };
}
