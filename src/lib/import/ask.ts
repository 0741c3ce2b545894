/**
 * Ask a person for the fields an import could not read. The questions go
 * through a function the caller gives (a terminal in `npm run import`, a
 * script in tests); each answer is checked against the front matter schema,
 * and an answer that does not fit is asked once more, then left as TODO.
 */
import { frontMatterSchema } from '../model/schema.ts';
import { missingFields, requiredFields, shortTitleOf, type Draft, type RequiredField } from './draft.ts';

/** The question for each field. */
export const fieldQuestions: Record<RequiredField, string> = {
  title: 'Full title',
  shortTitle: 'Short title (e.g. "Moscow 2025", at most 40 characters)',
  date: 'Date signed (YYYY-MM-DD)',
  place: 'Place signed (city; optional: press Enter for none)',
  series: 'Series id (e.g. china-russia)',
  kind: 'Kind (kebab-case, e.g. joint-statement, declaration, terms; one of the series\' kinds when series.yaml declares them)',
  edition: 'Edition (full or digest)',
  sourceLabel: 'Source: who published the text',
  sourceUrl: 'Source address (https://…)'
};

/** Why an answer does not fit its field, or undefined when it does. */
export function answerProblem(field: RequiredField, answer: string): string | undefined {
  const check = (() => {
    if (field === 'sourceUrl') return frontMatterSchema.shape.sources.element.shape.url.safeParse(answer);
    if (field === 'sourceLabel') return frontMatterSchema.shape.sources.element.shape.label.safeParse(answer);
    return frontMatterSchema.shape[field].safeParse(answer);
  })();
  return check.success ? undefined : (check.error.issues[0]?.message ?? 'not valid');
}

/**
 * Fill the missing fields of a draft from a person's answers, in place.
 *
 * @param draft the draft; its fields and origins are updated.
 * @param question asks one question and resolves to the answer ('' leaves a TODO).
 * @param say prints a line to the person.
 * @returns the fields that were filled.
 */
export async function askMissing(draft: Draft, question: (text: string) => Promise<string>, say: (line: string) => void): Promise<RequiredField[]> {
  const filled: RequiredField[] = [];
  say('Some fields could not be read from the file. Answer, or press Enter to leave a TODO.');
  const missing = new Set<RequiredField>(missingFields(draft));
  // Place is optional, but worth asking for: Enter leaves it out (no TODO).
  if (!draft.fields.place) missing.add('place');
  for (const field of requiredFields.filter((name) => missing.has(name))) {
    for (let attempt = 1; attempt <= 2; attempt++) {
      const answer = (await question(`${fieldQuestions[field]}: `)).trim();
      if (answer === '') break;
      const problem = answerProblem(field, answer);
      if (problem) {
        say(attempt === 1 ? `  ${problem}; try again, or press Enter to leave a TODO.` : `  ${problem}; left as TODO.`);
        continue;
      }
      (draft.fields as Record<string, string>)[field] = answer;
      draft.origins[field] = 'your answer';
      filled.push(field);
      break;
    }
  }
  if (!draft.fields.shortTitle) Object.assign(draft.origins, shortTitleOf(draft.fields));
  return filled;
}
