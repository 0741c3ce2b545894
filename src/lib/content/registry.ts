/**
 * The source registry (`sources.yaml`): every page the statements cite, what
 * kind of witness it is, and which rendering of the statement its verbatim
 * quotes follow. Footnote labels cite registry ids, so that every quote in a
 * digest knows its witness, and two quotes count as comparable evidence only
 * when their witnesses follow the same rendering (the same translation, or the
 * same original language).
 */
import { z } from 'zod';
import type { Diagnostic, Position, Quote, RegistrySource, Statement } from '../model/types.ts';
import type { Source } from '../model/diagnostics.ts';
import { keyPattern } from '../model/schema.ts';
import { readYamlList } from './yaml-list.ts';
import { clausesOf } from '../model/statement.ts';

const kinds = ['official-text', 'official-translation', 'wire', 'unofficial-translation', 'report', 'analysis', 'note'] as const;

const entrySchema = z.strictObject({
  // Footnote labels may start with a digit ([^29ru]), so ids may too.
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and hyphens (the footnote label that cites it)'),
  label: z.string().trim().min(1),
  title: z.string().trim().min(1).optional(),
  url: z.url({ protocol: /^https?$/ }),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD').optional(),
  kind: z.enum(kinds),
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a BCP 47 language tag such as en, zh or ru'),
  follows: z.string().regex(keyPattern, 'expected a rendering id such as kremlin-en, xinhua-en, zh or ru').optional(),
  statements: z.array(z.string().min(1)).min(1)
});

const hint = 'Write a list of entries `- { id, label, url, kind, lang, follows, statements: [<statement id>] }`; kind is one of ' + kinds.join(', ') + '.';

/**
 * Read `sources.yaml`.
 *
 * @param source the file, or undefined when the content folder has none.
 * @returns the entries (undefined without a file), and diagnostics with file:line:column.
 */
export function readRegistry(source: Source | undefined): { registry: RegistrySource[] | undefined; diagnostics: Diagnostic[] } {
  if (!source) return { registry: undefined, diagnostics: [] };
  const { entries, diagnostics } = readYamlList(source, entrySchema, { rule: 'source-invalid', hint });
  const seen = new Map<string, Position>();
  const registry: RegistrySource[] = [];
  for (const { value, position } of entries) {
    const first = seen.get(value.id);
    if (first) {
      diagnostics.push({ ...position, rule: 'source-duplicate', severity: 'error', message: `source id \`${value.id}\` is already used on line ${first.line}`, hint: 'Give each cited page its own id; one page that witnesses two statements is one entry listing both.' });
      continue;
    }
    seen.set(value.id, position);
    const { title, date, follows, ...rest } = value;
    registry.push({ ...rest, ...(title === undefined ? {} : { title }), ...(date === undefined ? {} : { date }), ...(follows === undefined ? {} : { follows }), position });
  }
  return { registry, diagnostics };
}

/**
 * The witness of a quote: the first registry source cited after it in its paragraph
 * that is not an editorial note.
 *
 * @param quote the quote, with its cites.
 * @param registry sources by id.
 */
export function witnessOf(quote: Quote, registry: ReadonlyMap<string, RegistrySource>): RegistrySource | undefined {
  for (const label of quote.cites) {
    const entry = registry.get(label);
    if (entry && entry.kind !== 'note') return entry;
  }
  return undefined;
}

/**
 * Hold the statements to the registry: every footnote cites an entry that lists its
 * statement, every quote has a witness that says which rendering it follows, and every
 * entry is cited somewhere.
 *
 * @param registry from `readRegistry`.
 * @param statements the corpus.
 */
export function checkRegistry(registry: readonly RegistrySource[], statements: readonly Statement[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(registry.map((entry) => [entry.id, entry]));
  const ids = new Set(statements.map((statement) => statement.id));
  const used = new Set<string>();
  for (const entry of registry) {
    for (const id of entry.statements) {
      if (!ids.has(id)) diagnostics.push({ ...entry.position, rule: 'source-statement-unknown', severity: 'error', message: `source \`${entry.id}\` lists \`${id}\`, which is not a statement of the corpus`, hint: `Use the id of a statement file (one of: ${[...ids].slice(0, 8).join(', ')}).` });
    }
  }
  // The registry binds a digest's footnotes and quotes to witnesses; a full text's notes are its own.
  for (const statement of statements.filter((candidate) => candidate.edition === 'digest')) {
    for (const footnote of statement.footnotes) {
      const entry = byId.get(footnote.label);
      if (!entry) {
        diagnostics.push({ ...footnote.position, rule: 'footnote-source-unknown', severity: 'error', message: `footnote [^${footnote.label}] cites no entry of sources.yaml`, hint: `Add an entry with \`id: ${footnote.label}\` (label, url, kind, lang, follows, statements: [${statement.id}]) to sources.yaml, or use the id of the entry for this page as the footnote label.` });
        continue;
      }
      used.add(entry.id);
      if (!entry.statements.includes(statement.id)) {
        diagnostics.push({ ...footnote.position, rule: 'footnote-source-statement', severity: 'error', message: `footnote [^${footnote.label}] cites source \`${entry.id}\`, which does not list \`${statement.id}\``, hint: `Add \`${statement.id}\` to the entry's \`statements\` if the page documents this statement, or cite the entry for the page you read.` });
      }
    }
    for (const clause of clausesOf(statement)) {
      for (const quote of clause.quotes) {
        const witness = witnessOf(quote, byId);
        if (witness?.follows !== undefined) continue;
        // A footnote that cites no registry entry is reported as such above; its quote waits for that fix.
        if (!witness && quote.cites.some((label) => !byId.has(label))) continue;
        diagnostics.push({
          ...clause.position,
          rule: 'quote-without-witness',
          severity: 'error',
          message: witness ? `the quote "${quote.text}" in ${clause.id} is cited to \`${witness.id}\`, which does not say which rendering its quotes follow` : `the quote "${quote.text}" in ${clause.id} has no footnote after it in its paragraph`,
          hint: witness ? `Give \`${witness.id}\` in sources.yaml \`follows:\` (kremlin-en, xinhua-en, zh, ru …), put the footnote of the source that quotes these words right after the quote, or write the words without quotation marks.` : 'Cite the source that quotes these words with a footnote after the quote.'
        });
      }
    }
  }
  for (const entry of registry) {
    if (!used.has(entry.id)) diagnostics.push({ ...entry.position, rule: 'source-unused', severity: 'error', message: `source \`${entry.id}\` is cited by no footnote`, hint: `Cite it with [^${entry.id}] where it documents a provision, or remove the entry.` });
  }
  return diagnostics;
}
