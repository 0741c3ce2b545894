/**
 * Load a corpus folder: the only module that touches the file system.
 * Reads `statements/**.md`, `formulas.yaml`, `topics.yaml`, `series.yaml`, `alignments.yaml`, `concordance.yaml`,
 * `concordance.second.yaml`, `moved.yaml` and `sources.yaml`,
 * runs parse and tag, and checks what spans files.
 */
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Diagnostic, Formula, RegistrySource, Statement, Topic } from '../lib/model/types.ts';
import { DEFAULT_LANG } from '../lib/model/schema.ts';
import { parseStatement, type ParseOptions, type Source } from '../lib/content/parse.ts';
import { readLexicon } from '../lib/content/lexicon.ts';
import { compileMatchers, tagStatement } from '../lib/analyse/tag.ts';
import { readSeries, seriesFieldPositions, type Series } from '../lib/content/series.ts';
import { maxFileCharacters } from '../lib/content/text-checks.ts';
import { checkSeriesLimits, withinClauseLimit } from '../lib/content/limits.ts';
import { statementIdProblem } from '../lib/content/ids.ts';
import { checkText } from '../lib/content/text-checks.ts';
import { checkCorrections, readCorrections, type Correction } from '../lib/content/corrections.ts';
import { checkOmissions } from '../lib/content/omissions.ts';
import { checkConcordance, readConcordance, type ConcordanceEntry } from '../lib/content/concordance.ts';
import { checkRegistry, readRegistry } from '../lib/content/registry.ts';

/** The file being read now, for the scripts' message on an internal error. */
export const reading: { file?: string } = {};
import { readMoved, type MovedAnchor } from '../lib/content/moved.ts';
import { frontMatterLang, langSuffix, languageName, renameStatement, resolveVersions, suffixProblem, versionName, type LanguageVersions, type VersionFile } from '../lib/lang/versions.ts';
import { parseDocument } from 'yaml';
import { yamlToData } from '../lib/content/safe-yaml.ts';

/** A loaded corpus: statements sorted by date then id, the lexicon, series and every diagnostic. */
export type Corpus = {
  statements: Statement[];
  formulas: Formula[];
  topics: Topic[];
  series: Series[];
  /** Editors' corrections of the aligner (`alignments.yaml`, optional). */
  corrections: Correction[];
  /** The encoders' concordance of provisions that changed key (`concordance.yaml`, optional): part of the evaluation's gold. */
  concordance: ConcordanceEntry[];
  /** A second, independent annotation of the concordance (`concordance.second.yaml`, optional): not gold, a check on it. */
  secondConcordance: ConcordanceEntry[];
  /** The source registry (`sources.yaml`, optional): the witness of every footnote and quote. */
  registry: RegistrySource[];
  /** Permalink anchors gone from their pages, with where they went (`moved.yaml`, optional). */
  moved: MovedAnchor[];
  /** Statements that come in several languages (`<id>.<lang>.md`), each version a statement of its own. */
  languageVersions: LanguageVersions[];
  diagnostics: Diagnostic[];
};

/**
 * Load and analyse the corpus in `dir`.
 *
 * @param dir the content folder.
 * @param options parse settings.
 */
export async function loadCorpus(dir: string, options?: ParseOptions): Promise<Corpus> {
  const diagnostics: Diagnostic[] = [];
  const read = async (path: string): Promise<Source | undefined> => {
    const full = join(dir, path);
    reading.file = path;
    const info = await stat(full).catch(() => undefined);
    if (!info || !info.isFile()) return notAFile(path, info, await lstat(full).catch(() => undefined), diagnostics);
    if (info.size > maxFileCharacters * 4) {
      diagnostics.push({ file: path, line: 1, column: 1, rule: 'file-too-large', severity: 'error', message: `the file has ${info.size} bytes`, hint: `Keep content files under ${maxFileCharacters} characters.` });
      return undefined;
    }
    const bytes = await readFile(full);
    try {
      // One line ending everywhere: a file with CR-only endings would otherwise be reported at wrong lines and columns.
      const source = { path, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes).replace(/\r\n?/g, '\n') };
      // Statements are checked by the parser; every other file (YAML) is checked here, by the same rules.
      if (!path.endsWith('.md')) checkText(source, (line, column, rule, message, hint, severity = 'error') => diagnostics.push({ file: path, line, column, rule, message, hint, severity }));
      return source;
    } catch {
      const place = firstInvalidByte(bytes);
      diagnostics.push({ file: path, line: place.line, column: place.column, rule: 'not-utf8', severity: 'error', message: 'the file is not valid UTF-8', hint: 'Save the file as UTF-8 (in most editors: Save with encoding → UTF-8).' });
      return undefined;
    }
  };

  const lexicon = readLexicon(await read('formulas.yaml'), await read('topics.yaml'));
  diagnostics.push(...lexicon.diagnostics);
  const matchers = compileMatchers(
    lexicon.formulas.filter((formula) => !lexicon.diagnostics.some((d) => d.rule === 'pattern-invalid' && d.message.startsWith(`\`${formula.id}\``))),
    lexicon.topics.filter((topic) => !lexicon.diagnostics.some((d) => d.rule === 'pattern-invalid' && d.message.startsWith(`\`${topic.id}\``)))
  );

  const files = await listMarkdown(join(dir, 'statements'), dir, diagnostics);
  if (files.length === 0) {
    diagnostics.push({ file: 'statements', line: 1, column: 1, rule: 'no-statements', severity: 'error', message: `no statement files in ${JSON.stringify(join(dir, 'statements'))}`, hint: 'Put one Markdown file per statement in the statements/ folder of the content folder.' });
  }
  // series.yaml is read before the statements: a statement's language versions need the series' language.
  const seriesSource = await read('series.yaml');
  const versionFiles: VersionFile[] = [];
  const firstFileOfId = new Map<string, string>();
  const fieldPositions = new Map<string, ReturnType<typeof seriesFieldPositions>>();
  for (const file of files) {
    const path = relative(dir, file).split('\\').join('/');
    // `<id>.<lang>.md` is the `<lang>` version of statement `<id>`.
    const { id, lang: suffix } = versionName(path.split('/').pop() ?? path);
    const idProblem = statementIdProblem(id, path) ?? (suffix ? suffixProblem(path, suffix) : undefined);
    if (idProblem) {
      diagnostics.push(idProblem);
      continue;
    }
    const version = suffix ? `${id}.${langSuffix(suffix)}` : id;
    const earlier = firstFileOfId.get(version);
    if (earlier && suffix) {
      diagnostics.push({ file: path, line: 1, column: 1, rule: 'language-version-duplicate', severity: 'error', message: `${earlier} is already the \`${suffix}\` version of statement \`${id}\`, and this file claims it too (by its file name)`, hint: 'Keep one file per language: remove one, or give this one its own language (`<id>.<lang>.md`).' });
      continue;
    }
    if (earlier) {
      diagnostics.push({ file: path, line: 1, column: 1, rule: 'duplicate-statement-id', severity: 'error', message: `statement id \`${id}\` is already used by ${earlier}`, hint: 'Rename one of the files: the file name is the statement id and its URL.' });
      continue;
    }
    firstFileOfId.set(version, path);
    const source = await read(path);
    if (!source) continue;
    const result = parseStatement(source, options);
    fieldPositions.set(id, seriesFieldPositions(path, source.text));
    diagnostics.push(...result.diagnostics);
    if (!result.statement) continue;
    if (suffix) renameStatement(result.statement, id);
    const frontLang = frontMatterLang(source.text);
    if (suffix) result.statement.lang ??= suffix;
    if (withinClauseLimit(result.statement, diagnostics)) versionFiles.push({ statement: tagStatement(result.statement, matchers), id, ...(suffix ? { suffix } : {}), ...(frontLang ? { frontLang } : {}) });
  }
  const versions = resolveVersions(versionFiles, peekSeriesLangs(seriesSource), DEFAULT_LANG);
  diagnostics.push(...versions.diagnostics);
  // A language version is published as `<id>-<lang>`: that must not be another file's id.
  const statements: Statement[] = [];
  const fileOfId = new Map<string, string>();
  for (const statement of versions.statements) {
    const other = fileOfId.get(statement.id);
    if (other) {
      const [version, file] = versionName(statement.file.split('/').pop() ?? '').lang ? [statement.file, other] : [other, statement.file];
      diagnostics.push({ file: version, line: 1, column: 1, rule: 'duplicate-statement-id', severity: 'error', message: `this language version is published as \`${statement.id}\`, the id of ${file}`, hint: 'Rename one of the files: a language version other than the main one is published as `<id>-<lang>`.' });
      continue;
    }
    fileOfId.set(statement.id, statement.file);
    statements.push(statement);
  }
  statements.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  diagnostics.push(...checkSeriesLimits(statements));

  const parents = languageSeriesParents(versions.groups, statements);
  const seriesResult = readSeries(seriesSource, statements, fieldPositions, new Map([...parents].map(([id, { parent }]) => [id, parent])));
  describeLanguageSeries(seriesResult.series, parents);
  diagnostics.push(...seriesResult.diagnostics);
  // A statement's language: its own `lang`, else its series', else English.
  const seriesLang = new Map(seriesResult.series.map((series) => [series.id, series.lang]));
  for (const statement of statements) statement.lang ??= seriesLang.get(statement.series) ?? DEFAULT_LANG;
  const corrections = readCorrections(await read('alignments.yaml'));
  diagnostics.push(...corrections.diagnostics, ...checkCorrections(corrections.corrections, statements), ...checkOmissions(statements));
  const concordance = readConcordance(await read('concordance.yaml'));
  const second = readConcordance(await read('concordance.second.yaml'));
  diagnostics.push(...concordance.diagnostics, ...checkConcordance(concordance.concordance, statements), ...second.diagnostics, ...checkConcordance(second.concordance, statements));
  const registry = readRegistry(await read('sources.yaml'));
  diagnostics.push(...registry.diagnostics, ...(registry.registry ? checkRegistry(registry.registry, statements) : []));
  const moved = await loadMoved(read, statements, diagnostics);
  return {
    statements,
    registry: registry.registry ?? [],
    formulas: lexicon.formulas,
    topics: lexicon.topics,
    series: seriesResult.series,
    corrections: corrections.corrections,
    concordance: concordance.concordance,
    secondConcordance: second.concordance,
    moved,
    languageVersions: versions.groups,
    diagnostics
  };
}

/** Each series' `lang` in series.yaml, read leniently: readSeries reports what is wrong with the file. */
function peekSeriesLangs(source: Source | undefined): Map<string, string> {
  const langs = new Map<string, string>();
  if (!source) return langs;
  const document = parseDocument(source.text);
  const data = document.errors.length === 0 ? yamlToData(document) : undefined;
  if (!data?.ok || !Array.isArray(data.data)) return langs;
  for (const entry of data.data) {
    if (entry && typeof entry === 'object' && typeof entry.id === 'string' && typeof entry.lang === 'string') langs.set(entry.id, entry.lang);
  }
  return langs;
}

/** The series of each language version (`<series>-<lang>`), with the series it translates and its language. */
function languageSeriesParents(groups: LanguageVersions[], statements: Statement[]): Map<string, { parent: string; lang: string }> {
  const byId = new Map(statements.map((statement) => [statement.id, statement]));
  const parentOf = new Map<string, { parent: string; lang: string }>();
  for (const group of groups) {
    const main = byId.get(group.id);
    if (!main) continue;
    for (const version of group.versions.slice(1)) {
      const statement = byId.get(version.statementId);
      if (statement) parentOf.set(statement.series, { parent: main.series, lang: version.lang });
    }
  }
  return parentOf;
}

/** The series of a language version (`<series>-<lang>`) takes its parent's title and description, with the language named. */
function describeLanguageSeries(series: Series[], parentOf: ReadonlyMap<string, { parent: string; lang: string }>): void {
  for (const entry of series) {
    const derived = parentOf.get(entry.id);
    if (!derived || entry.description) continue;
    const parent = series.find((other) => other.id === derived.parent);
    entry.title = `${parent?.title ?? entry.title} (${languageName(derived.lang)})`;
    entry.description = parent?.description ?? '';
    entry.lang = derived.lang;
  }
}

// moved.yaml, read here with the other content files so that check:content validates it too.
async function loadMoved(read: (path: string) => Promise<Source | undefined>, statements: Statement[], diagnostics: Diagnostic[]): Promise<MovedAnchor[]> {
  const result = readMoved(await read('moved.yaml'), statements);
  diagnostics.push(...result.diagnostics);
  return result.moved;
}

/**
 * The statement files under `dir`: `.md` in any case, symbolic links to files
 * included (read through the link). Any other file is named in a warning, so
 * that nothing in the folder is skipped without a word.
 */
async function listMarkdown(dir: string, contentDir: string, diagnostics: Diagnostic[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const isMarkdown = entry.name.toLowerCase().endsWith('.md');
    if (entry.isDirectory() && !isMarkdown) continue;
    if (isMarkdown && entry.name.toLowerCase() !== 'readme.md') {
      files.push(join(entry.parentPath, entry.name));
    } else if (!entry.name.startsWith('.') && entry.name.toLowerCase() !== 'readme.md') {
      const path = relative(contentDir, join(entry.parentPath, entry.name)).split('\\').join('/');
      diagnostics.push({ file: path, line: 1, column: 1, rule: 'not-a-statement', severity: 'warning', message: 'this file is not read: statements are `.md` files', hint: 'Rename it to `<id>.md` if it is a statement, or move it out of statements/.' });
    }
  }
  return files.sort();
}

/** Why a path where a file belongs gave no file: a missing optional file is fine; anything else is an error. */
function notAFile(path: string, info: Awaited<ReturnType<typeof stat>> | undefined, link: Awaited<ReturnType<typeof lstat>> | undefined, diagnostics: Diagnostic[]): undefined {
  if (!info && !link) return undefined;
  const what = !info ? 'a symbolic link to nothing' : info.isDirectory() ? 'a directory' : 'a special file (not a regular file)';
  diagnostics.push({ file: path, line: 1, column: 1, rule: 'not-a-file', severity: 'error', message: `${path} is ${what}`, hint: `Make ${path} a regular file, or remove it.` });
  return undefined;
}

function firstInvalidByte(bytes: Uint8Array): { line: number; column: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < bytes.length; index++) {
    try {
      decoder.decode(bytes.subarray(lineStart, index + 1), { stream: false });
    } catch {
      // A multi-byte character may simply be incomplete; look ahead up to 3 bytes.
      const ok = [1, 2, 3].some((extra) => {
        try {
          decoder.decode(bytes.subarray(lineStart, Math.min(bytes.length, index + 1 + extra)));
          return true;
        } catch {
          return false;
        }
      });
      if (!ok) return { line, column: index - lineStart + 1 };
    }
    if (bytes[index] === 0x0a) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: 1 };
}
