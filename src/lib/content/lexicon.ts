/**
 * Read the formula lexicon (`formulas.yaml`) and the topic taxonomy
 * (`topics.yaml`): validated entries, with diagnostics for what is wrong.
 */
import { z } from 'zod';
import type { Diagnostic, Formula, Topic } from '../model/types.ts';
import { keyPattern } from '../model/schema.ts';
import type { Source } from '../model/diagnostics.ts';
import { readYamlList } from './yaml-list.ts';
import { redosProblem, redosUnchecked } from './regex-safety.ts';

const formulaSchema = z.strictObject({
  id: z.string().regex(keyPattern),
  label: z.string().min(1),
  topic: z.string().regex(keyPattern),
  patterns: z.array(z.string().min(1)).min(1),
  zh: z.string().min(1).optional(),
  ru: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
  salience: z.number().int().min(1).max(3).optional()
});

const topicSchema = z.strictObject({
  id: z.string().regex(keyPattern),
  label: z.string().min(1),
  description: z.string().min(1),
  cues: z.array(z.string().min(1)).default([])
});

/** What `readLexicon` returns. */
export type Lexicon = { formulas: Formula[]; topics: Topic[]; diagnostics: Diagnostic[] };

/**
 * Validate the lexicon files.
 *
 * @param formulasSource `formulas.yaml`, or undefined when the corpus has none.
 * @param topicsSource `topics.yaml`, or undefined when the corpus has none.
 * @returns formulas and topics that passed, and diagnostics.
 */
export function readLexicon(formulasSource: Source | undefined, topicsSource: Source | undefined): Lexicon {
  const diagnostics: Diagnostic[] = [];
  const topics = topicsSource ? readList(topicsSource, topicSchema, 'cues', diagnostics) : [];
  const formulas = formulasSource ? readList(formulasSource, formulaSchema, 'patterns', diagnostics) : [];
  const topicIds = new Set(topics.map((topic) => topic.value.id));
  for (const formula of formulas) {
    if (!topicIds.has(formula.value.topic)) {
      diagnostics.push({ ...formula.place, rule: 'unknown-topic', severity: 'error', message: `formula \`${formula.value.id}\` names the topic \`${formula.value.topic}\`, which topics.yaml does not define`, hint: `Use one of: ${[...topicIds].join(', ') || '(no topics defined)'}, or add the topic to topics.yaml.` });
    }
  }
  return {
    formulas: formulas.map((entry) => withoutUndefined(entry.value) as Formula),
    topics: topics.map((entry) => entry.value as Topic),
    diagnostics
  };
}

type Entry<T> = { value: T; place: { file: string; line: number; column: number } };

function readList<T extends { id: string }>(source: Source, schema: z.ZodType<T>, patternField: 'cues' | 'patterns', diagnostics: Diagnostic[]): Array<Entry<T>> {
  const hint = patternField === 'patterns' ? 'Each formula has id, label, topic, patterns and optionally zh, ru, note.' : 'Each topic has id, label, description and cues.';
  const read = readYamlList(source, schema, { rule: 'lexicon-invalid', hint });
  diagnostics.push(...read.diagnostics);
  const entries: Array<Entry<T>> = [];
  const seen = new Map<string, number>();
  for (const { value, position: place } of read.entries) {
    const first = seen.get(value.id);
    if (first !== undefined) {
      diagnostics.push({ ...place, rule: 'duplicate-id', severity: 'error', message: `id \`${value.id}\` is used twice (first on line ${first})`, hint: 'Give each entry its own id.' });
      continue;
    }
    seen.set(value.id, place.line);
    const patterns = (value as Record<string, unknown>)[patternField] as string[];
    for (const pattern of patterns) {
      const unchecked = redosUnchecked(pattern);
      if (unchecked) diagnostics.push({ ...place, rule: 'pattern-unchecked', severity: 'warning', message: `\`${value.id}\`: ${JSON.stringify(pattern)}: ${unchecked}`, hint: 'Simplify the pattern (fewer repeated groups), or run the check again on a less busy machine.' });
      const problem = patternProblem(pattern);
      if (problem) {
        diagnostics.push({ ...place, rule: 'pattern-invalid', severity: 'error', message: `\`${value.id}\`: ${JSON.stringify(pattern)} is not a valid pattern (${problem})`, hint: 'Write a JavaScript regular expression source; escape ( ) [ ] ? * + . with a backslash when meant literally, and never repeat a group that can match the same text in two ways (`(\\w+\\s?)+`: write `\\w+(?:\\s\\w+)*`).' });
      }
    }
    entries.push({ value, place });
  }
  return entries;
}

/** Why `pattern` cannot be compiled as a case-insensitive Unicode regular expression, or undefined. */
export function patternProblem(pattern: string): string | undefined {
  try {
    const compiled = new RegExp(pattern, 'iu');
    if (compiled.test('')) return 'it matches the empty string';
    return redosProblem(pattern);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function withoutUndefined(value: object): object {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}
