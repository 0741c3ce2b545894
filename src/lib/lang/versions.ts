/**
 * Language versions of one statement: `2025-moscow.zh.md`, `2025-moscow.ru.md` and
 * `2025-moscow.en.md` are the Chinese, Russian and English texts of the statement
 * `2025-moscow`. One version (the unsuffixed file, else the series' language, else
 * English, else the first tag) is the statement as the series knows it and keeps the
 * plain id; every other version is a statement of its own, `<id>-<lang>`, in the series
 * `<series>-<lang>`, so compare pages pair Chinese with Chinese and English with English.
 * The languages view puts the versions side by side, provision by provision.
 */
import type { Diagnostic, Paragraph, Statement } from '../model/types.ts';
import { isLanguageTag } from '../model/schema.ts';

/** What a statement file name says: the statement id and, for `<id>.<lang>.md`, the language. */
export type VersionName = { id: string; lang?: string };

// A language subtag (2–3 letters) and optional subtags (script, region…): `zh`, `zh-Hans`, `pt-BR`.
const LANG_SUFFIX = /^(.+)\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)$/;

/**
 * The statement id and language a file name gives.
 *
 * @param name the file name without its folder (`2025-moscow.zh.md`).
 */
export function versionName(name: string): VersionName {
  const base = name.replace(/\.md$/i, '');
  const match = LANG_SUFFIX.exec(base);
  if (!match || match[1]!.endsWith('.')) return { id: base };
  return { id: match[1]!, lang: match[2]! };
}

/** The suffix a language gives ids and series: the tag, lowercase (`zh-hans`). */
export function langSuffix(lang: string): string {
  return lang.toLowerCase();
}

/** Whether two tags name the same language version (case does not count: `zh-Hans` is `zh-hans`). */
export function sameLang(a: string, b: string): boolean {
  return langSuffix(a) === langSuffix(b);
}

/** The language's own name for itself (`中文`, `русский`, `English`), else the tag. */
export function languageName(lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** A file read as one language version: the parsed statement and what its name and front matter said. */
export type VersionFile = {
  statement: Statement;
  /** The statement id from the file name (without the language suffix). */
  id: string;
  /** The language the file name gives, if any. */
  suffix?: string;
  /** The `lang` of the front matter, if any, with its line. */
  frontLang?: { lang: string; line: number; column: number };
};

/** One statement in several languages: each version's language and the id of the statement that holds it. */
export type LanguageVersions = {
  /** The statement id all versions share (the main version's id). */
  id: string;
  /** Main version first, then by language tag. */
  versions: { lang: string; statementId: string }[];
};

/**
 * Where `lang:` is written in a statement's front matter.
 *
 * @param text the statement file.
 */
export function frontMatterLang(text: string): { lang: string; line: number; column: number } | undefined {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return undefined;
  for (let at = 1; at < lines.length && lines[at]!.trim() !== '---'; at++) {
    const match = /^(lang:\s*)["']?([^"'#\s]+)/.exec(lines[at]!);
    if (match) return { lang: match[2]!, line: at + 1, column: match[1]!.length + 1 };
  }
  return undefined;
}

/** The problem with a file name's language suffix, or undefined when it is a known language. */
export function suffixProblem(path: string, lang: string): Diagnostic | undefined {
  if (isLanguageTag(lang)) return undefined;
  const name = path.split('/').pop() ?? path;
  return {
    file: path,
    line: 1,
    column: 1,
    rule: 'lang-unknown',
    severity: 'error',
    message: `the file name ${JSON.stringify(name)} names the language \`${lang}\`, which is not a BCP 47 tag of a known language`,
    hint: `Name the language with its BCP 47 tag, such as \`${name.replace(/\.[^.]+\.md$/i, '.zh.md')}\` (zh, ru, en, fr …), or drop the suffix if the dot is part of the name.`
  };
}

/**
 * Group the files of each statement id into language versions: give each file its
 * language, pick the main version, give the others their own id and series, and report
 * two files claiming one language version and provisions one version has and another lacks.
 *
 * @param files the parsed files, in file-name order.
 * @param seriesLang the `lang` of each series in series.yaml.
 * @param defaultLang the language of a statement that neither it nor its series names.
 * @returns the statements (every version), the groups of two or more versions, and diagnostics.
 */
export function resolveVersions(files: readonly VersionFile[], seriesLang: ReadonlyMap<string, string>, defaultLang: string): { statements: Statement[]; groups: LanguageVersions[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, VersionFile[]>();
  for (const file of files) byId.set(file.id, [...(byId.get(file.id) ?? []), file]);
  const statements: Statement[] = [];
  const groups: LanguageVersions[] = [];
  for (const [id, group] of byId) {
    if (group.length === 1 && group[0]!.suffix === undefined) {
      statements.push(group[0]!.statement);
      continue;
    }
    // Each file's language: its suffix, else its front matter, else its series', else the default.
    const langOf = (file: VersionFile) => file.suffix ?? file.frontLang?.lang ?? seriesLang.get(file.statement.series) ?? defaultLang;
    const kept: VersionFile[] = [];
    for (const file of group) {
      const lang = langOf(file);
      if (file.suffix && file.frontLang && !sameLang(file.frontLang.lang, file.suffix)) {
        diagnostics.push({ file: file.statement.file, line: file.frontLang.line, column: file.frontLang.column, rule: 'lang-mismatch', severity: 'error', message: `\`lang: ${file.frontLang.lang}\` contradicts the file name, which makes this the \`${file.suffix}\` version`, hint: `Make the two agree: drop \`lang\` from the front matter, or rename the file to \`${id}.${file.frontLang.lang}.md\`.` });
        continue;
      }
      const earlier = kept.find((other) => sameLang(langOf(other), lang));
      if (earlier) {
        const claim = file.suffix ? 'its file name' : file.frontLang ? 'its `lang`' : `the default language (${lang})`;
        const where = file.suffix || !file.frontLang ? { line: 1, column: 1 } : { line: file.frontLang.line, column: file.frontLang.column };
        diagnostics.push({ file: file.statement.file, ...where, rule: 'language-version-duplicate', severity: 'error', message: `${earlier.statement.file} is already the \`${lang}\` version of statement \`${id}\`, and this file claims it too (by ${claim})`, hint: `Keep one file per language: remove one, or give this one its own language (\`${id}.<lang>.md\`, or \`lang\` in its front matter).` });
        continue;
      }
      file.statement.lang = lang;
      kept.push(file);
    }
    if (kept.length === 0) continue;
    const main =
      kept.find((file) => file.suffix === undefined) ??
      kept.find((file) => sameLang(file.statement.lang!, seriesLang.get(file.statement.series) ?? defaultLang)) ??
      [...kept].sort((a, b) => a.statement.lang!.localeCompare(b.statement.lang!))[0]!;
    const others = kept.filter((file) => file !== main).sort((a, b) => a.statement.lang!.localeCompare(b.statement.lang!));
    statements.push(main.statement);
    for (const file of others) {
      const suffix = langSuffix(file.statement.lang!);
      statements.push(renameStatement(file.statement, `${id}-${suffix}`, `${file.statement.series}-${suffix}`));
    }
    if (kept.length < 2) continue;
    groups.push({ id, versions: [main, ...others].map((file) => ({ lang: file.statement.lang!, statementId: file === main ? id : `${id}-${langSuffix(file.statement.lang!)}` })) });
    diagnostics.push(...keyMismatches(main.statement, others.map((file) => file.statement)));
  }
  return { statements, groups, diagnostics };
}

/** The statement under another id (and series): its clauses follow. */
export function renameStatement(statement: Statement, id: string, series?: string): Statement {
  statement.id = id;
  if (series) statement.series = series;
  for (const section of statement.sections) for (const paragraph of section.paragraphs) for (const clause of paragraph.clauses) clause.statementId = id;
  return statement;
}

function paragraphsOf(statement: Statement): Paragraph[] {
  return statement.sections.flatMap((section) => section.paragraphs);
}

const listed = (keys: string[]) => keys.map((key) => `\`${key}\``).join(', ');

/**
 * Warnings for provisions one language version has and the main one lacks, and the
 * reverse: versions of one text should hold the same provisions under the same keys.
 */
export function keyMismatches(main: Statement, others: readonly Statement[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const mainKeys = new Set(paragraphsOf(main).map((paragraph) => paragraph.key));
  for (const other of others) {
    const paragraphs = paragraphsOf(other);
    const keys = new Set(paragraphs.map((paragraph) => paragraph.key));
    const lacking = [...mainKeys].filter((key) => !keys.has(key));
    const extra = paragraphs.filter((paragraph) => !mainKeys.has(paragraph.key));
    if (lacking.length > 0) {
      diagnostics.push({ file: other.file, line: 1, column: 1, rule: 'language-version-keys', severity: 'warning', message: `the \`${other.lang}\` version lacks ${lacking.length === 1 ? 'the provision' : 'the provisions'} ${listed(lacking)} that the \`${main.lang}\` version (${main.file}) has`, hint: 'If the texts differ, leave it: the languages view marks the discrepancy. If the same provision has another key here, give it the key the other versions use.' });
    }
    if (extra.length > 0) {
      const first = extra[0]!.position;
      diagnostics.push({ file: other.file, line: first.line, column: first.column, rule: 'language-version-keys', severity: 'warning', message: `the \`${other.lang}\` version has ${extra.length === 1 ? 'the provision' : 'the provisions'} ${listed(extra.map((paragraph) => paragraph.key))} that the \`${main.lang}\` version (${main.file}) lacks`, hint: 'If the texts differ, leave it: the languages view marks the discrepancy. If the same provision has another key there, use that key here.' });
    }
  }
  return diagnostics;
}

/** One provision across the language versions: its plain text in each (footnote markers out; undefined where a version lacks it). */
export type LanguageRow = { key: string; section: string; cells: ({ text: string; clauseIds: string[] } | undefined)[] };

/**
 * The rows of the languages view: every provision of any version, by key, in the main
 * version's order, with provisions only other versions have placed before the provision
 * that follows them there.
 *
 * @param versions the statements, main version first.
 */
export function languageRows(versions: readonly Statement[]): LanguageRow[] {
  const order: { key: string; section: string }[] = [];
  for (const statement of versions) {
    // A provision only this version has goes just before the next provision the rows already hold.
    let pending: { key: string; section: string }[] = [];
    let after = -1;
    for (const section of statement.sections) {
      for (const paragraph of section.paragraphs) {
        const at = order.findIndex((row) => row.key === paragraph.key);
        if (at < 0) {
          pending.push({ key: paragraph.key, section: section.key });
          continue;
        }
        order.splice(at, 0, ...pending);
        after = at + pending.length;
        pending = [];
      }
    }
    order.splice(after + 1, 0, ...pending);
  }
  const lookups = versions.map((statement) => new Map(paragraphsOf(statement).map((paragraph) => [paragraph.key, paragraph])));
  return order.map(({ key, section }) => ({
    key,
    section,
    cells: lookups.map((lookup) => {
      const paragraph = lookup.get(key);
      return paragraph ? { text: paragraph.clauses.map((clause) => clause.text).join(' '), clauseIds: paragraph.clauses.map((clause) => clause.id) } : undefined;
    })
  }));
}
