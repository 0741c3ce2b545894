/**
 * Generators of hostile statements and YAML files for the fuzz tests: a valid
 * statement mutated by inserting Markdown syntax, deep nesting, control and
 * invisible characters, HTML and odd URLs at random places.
 */
import fc from 'fast-check';

export const validStatement = `---\ntitle: T\nshortTitle: T\ndate: 2020-01-01\nplace: P\nseries: test\nkind: joint-statement\nedition: full\nsources:\n  - label: S\n    url: https://example.org/\n---\n\n## I. Part {#part}\n\nThe Parties met.[^s] They agreed. {#met}\n\n- one;\n  - two.\n\n  {#list}\n\n[^s]: Source, 2020.\n`;

const pieces = ['\n', '\n\n', '> ', '- ', '1. ', '#', '## ', '{#', '}', '[^', ']', '[x](javascript:1)', '[x][y]', '[y]: http://e', '<b>', '</b>', '|a|b|\n|-|-|\n', '---\n', '    ', '*', '_', '`', '\\', '\u202e', '\u200b', '\u0000', '\r', '&a [*a]', '*a', ': ', '"', "'", '\u{1F600}', 'é', '\ufeff'];

/** A piece of hostile text. */
export const hostile = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 }), fc.constantFrom('>'.repeat(200), '- '.repeat(200))), { maxLength: 12 }).map((parts) => parts.join(''));

/** A valid statement with hostile text inserted at a few places. */
export const mutatedStatement = fc.array(fc.tuple(fc.nat({ max: validStatement.length }), hostile), { minLength: 1, maxLength: 4 }).map((edits) => {
  let text = validStatement;
  for (const [at, insert] of [...edits].sort((a, b) => b[0] - a[0])) text = text.slice(0, at) + insert + text.slice(at);
  return text;
});

const validFormulas = '- id: no-limits\n  label: No limits\n  topic: partnership\n  patterns:\n    - "no limits"\n';

/** A formulas.yaml with hostile text inserted. */
export const mutatedYaml = fc.tuple(fc.nat({ max: validFormulas.length }), hostile).map(([at, insert]) => validFormulas.slice(0, at) + insert + validFormulas.slice(at));

/** Cases a run tries: FUZZ_RUNS, or a bounded default for the unit suite. */
export const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 150);
