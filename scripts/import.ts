/**
 * Import a statement saved as plain text, HTML or Word (.docx) into the
 * content format. Fields it cannot read are asked on the terminal (when stdin
 * is one) or written as TODO; the exit code is then 2 ("needs review").
 * Usage: npm run import -- <file> [--series s] [--id id] [--date YYYY-MM-DD]
 *          [--place p] [--title t] [--short-title t] [--kind k] [--edition full|digest]
 *          [--source-url u] [--source-label l] [--content dir] [--out file] [--force]
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { askMissing } from '../src/lib/import/ask.ts';
import { parseArgs } from 'node:util';
import mammoth from 'mammoth';
import { draftStatement, formatSummary, missingFields, slugOf, summarise, toMarkdown, type Draft, type ImportFields, type ImportSource } from '../src/lib/import/draft.ts';
import { readHtml } from '../src/lib/import/html.ts';
import { readText } from '../src/lib/import/text.ts';
import { parseStatement } from '../src/lib/content/parse.ts';
import { formatReport } from '../src/lib/model/diagnostics.ts';

const usage = 'Usage: npm run import -- <file.txt|file.html|file.docx> [--series s] [--id id] [--date YYYY-MM-DD] [--place p] [--title t] [--source-url u] [--source-label l] [--content dir] [--out file] [--force]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    series: { type: 'string' },
    id: { type: 'string' },
    date: { type: 'string' },
    place: { type: 'string' },
    title: { type: 'string' },
    'short-title': { type: 'string' },
    kind: { type: 'string' },
    edition: { type: 'string' },
    'source-url': { type: 'string' },
    'source-label': { type: 'string' },
    content: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false }
  }
});

const input = positionals[0];
if (values.help || !input) {
  console.log(usage);
  process.exit(values.help ? 0 : 1);
}
if (!existsSync(input)) fail(`${input}: no such file.`);
if (values.edition !== undefined && values.edition !== 'full' && values.edition !== 'digest') fail(`--edition ${JSON.stringify(values.edition)}: use full or digest.`);
if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) fail(`--date ${JSON.stringify(values.date)}: write the date as YYYY-MM-DD.`);

const given: ImportFields = definedOnly({
  series: values.series,
  date: values.date,
  place: values.place,
  title: values.title,
  shortTitle: values['short-title'],
  kind: values.kind,
  edition: values.edition as ImportFields['edition'],
  sourceUrl: values['source-url'],
  sourceLabel: values['source-label']
});

const draft = draftStatement(await readSource(input), given);
if (process.stdin.isTTY && missingFields(draft).length > 0) await ask(draft);

const id = values.id ?? defaultId(draft, input);
const out = resolve(values.out ?? join(values.content, 'statements', `${id}.md`));
if (existsSync(out) && !values.force) fail(`${relative(process.cwd(), out)} exists; nothing was written. Pass --force to replace it, or --id / --out to write elsewhere.`);
const markdown = toMarkdown(draft);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, markdown);

const summary = summarise(draft);
console.log(formatSummary(summary, relative(process.cwd(), out)));
const parsed = parseStatement({ path: relative(process.cwd(), out), text: markdown });
const errors = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
if (errors.length > 0) console.log(`\nThe content check of the new file (expected to fail on each TODO):\n${formatReport(errors)}`);
process.exit(summary.missing.length > 0 || errors.length > 0 ? 2 : 0);

async function readSource(path: string): Promise<ImportSource> {
  const extension = extname(path).toLowerCase();
  if (extension === '.docx') {
    // Word's Title style is the statement's title; mammoth does not map it by default.
    const result = await mammoth.convertToHtml({ path }, { styleMap: ["p[style-name='Title'] => h1:fresh"] });
    const source = readHtml(result.value);
    const notes = result.messages.filter((message) => message.type === 'warning').map((message) => message.message);
    if (notes.length > 0) source.stripped.push(`Word formatting mammoth did not map: ${notes.slice(0, 3).join('; ')}${notes.length > 3 ? ' …' : ''}`);
    return source;
  }
  const text = await readFile(path, 'utf8');
  if (extension === '.html' || extension === '.htm' || extension === '.xhtml' || /^\s*<(?:!doctype html|html)/i.test(text)) return readHtml(text);
  return readText(text);
}

async function ask(draft: Draft): Promise<void> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  await askMissing(draft, (text) => terminal.question(text), (line) => console.log(line));
  terminal.close();
}

function defaultId(draft: Draft, path: string): string {
  const { date, place } = draft.fields;
  if (date && place) return `${date.slice(0, 4)}-${slugOf(place, 3) ?? 'statement'}`;
  return slugOf(basename(path, extname(path)), 6) ?? 'imported-statement';
}

function definedOnly(fields: Record<string, string | undefined>): ImportFields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as ImportFields;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
