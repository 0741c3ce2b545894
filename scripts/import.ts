/**
 * Import a statement saved as Markdown (.md, .markdown), plain text, HTML or
 * Word (.docx) into the content format. Fields it cannot read are asked on the terminal (when stdin
 * is one) or written as TODO; the exit code is then 2 ("needs review").
 * Usage: npm run import -- <file> [--series s] [--id id] [--date YYYY-MM-DD]
 *          [--place p] [--title t] [--short-title t] [--kind k] [--edition full|digest]
 *          [--source-url u] [--source-label l] [--retrieved YYYY-MM-DD] [--content dir] [--out file] [--force]
 * The id is the file name made an id (else title and date); a taken id is refused, naming both files.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { askMissing } from '../src/lib/import/ask.ts';
import { parseArgs } from 'node:util';
import mammoth from 'mammoth';
import { draftStatement, formatSummary, missingFields, summarise, toMarkdown, type Draft, type ImportFields, type ImportSource } from '../src/lib/import/draft.ts';
import { defaultStatementId, readDocument, takenBy } from '../src/lib/import/read.ts';
import { parseStatement } from '../src/lib/content/parse.ts';
import { formatReport } from '../src/lib/model/diagnostics.ts';

const usage = 'Usage: npm run import -- <file.md|file.txt|file.html|file.docx> [--series s] [--id id] [--date YYYY-MM-DD] [--place p] [--title t] [--short-title t] [--kind k] [--edition full|digest] [--source-url u] [--source-label l] [--retrieved YYYY-MM-DD] [--content dir] [--out file] [--force]';

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
    retrieved: { type: 'string' },
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
if (values.retrieved !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.retrieved)) fail(`--retrieved ${JSON.stringify(values.retrieved)}: write the date as YYYY-MM-DD.`);

const given: ImportFields = definedOnly({
  series: values.series,
  date: values.date,
  place: values.place,
  title: values.title,
  shortTitle: values['short-title'],
  kind: values.kind,
  edition: values.edition as ImportFields['edition'],
  sourceUrl: values['source-url'],
  sourceLabel: values['source-label'],
  retrieved: values.retrieved
});

const draft = draftStatement(await readSource(input), given);
const siblings = await seriesKinds(values.content, draft.fields.series);
// The kind the series' other statements share wins over a guess from the title, so that an import never splits a series' kinds.
if (values.kind === undefined && siblings.size === 1) {
  const [kind] = siblings;
  if (kind && kind !== draft.fields.kind) {
    if (draft.fields.kind) draft.checks.unshift(`kind: the title suggested \`${draft.fields.kind}\`; the series' other statements are \`${kind}\`, so \`${kind}\` was written.`);
    draft.fields.kind = kind;
    draft.origins.kind = `the other statements of series ${draft.fields.series ?? ''}`;
  }
}
if (process.stdin.isTTY && missingFields(draft).length > 0) await ask(draft);

const id = values.id ?? defaultStatementId(basename(input), draft.fields);
const out = resolve(values.out ?? join(values.content, 'statements', `${id}.md`));
const statementsDir = dirname(out);
const holder = existsSync(out) ? basename(out) : takenBy(basename(out, '.md').toLowerCase(), await readdir(statementsDir).catch(() => []));
if (holder && !values.force) {
  fail(`${input} would become statement \`${basename(out, '.md')}\`, but ${relative(process.cwd(), join(statementsDir, holder))} already holds that id; nothing was written. Give this version its own id (--id ${basename(out, '.md')}-2, or rename ${basename(input)}), or pass --force to replace that file.`);
}
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
    const source = readDocument('document.html', result.value);
    const notes = result.messages.filter((message) => message.type === 'warning').map((message) => message.message);
    if (notes.length > 0) source.stripped.push(`Word formatting mammoth did not map: ${notes.slice(0, 3).join('; ')}${notes.length > 3 ? ' …' : ''}`);
    return source;
  }
  return readDocument(basename(path), await readFile(path, 'utf8'));
}

// The kinds of the statements already in the content folder's series (read from their front matter lines).
async function seriesKinds(content: string, series: string | undefined): Promise<Set<string>> {
  const kinds = new Set<string>();
  if (!series) return kinds;
  const dir = join(content, 'statements');
  for (const name of await readdir(dir).catch(() => [])) {
    if (!name.toLowerCase().endsWith('.md')) continue;
    const text = await readFile(join(dir, name), 'utf8').catch(() => '');
    const head = text.split('\n---', 1)[0] ?? '';
    if (new RegExp(`^series:\\s*['"]?${series.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*$`, 'm').test(head)) {
      const kind = /^kind:\s*['"]?([a-z0-9-]+)/m.exec(head)?.[1];
      if (kind) kinds.add(kind);
    }
  }
  return kinds;
}

async function ask(draft: Draft): Promise<void> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  await askMissing(draft, (text) => terminal.question(text), (line) => console.log(line));
  terminal.close();
}

function definedOnly(fields: Record<string, string | undefined>): ImportFields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as ImportFields;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
