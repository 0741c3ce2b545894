/**
 * Language versions of one statement (`<id>.<lang>.md`): names, grouping, the main version,
 * the per-language series that keep compare pages like with like, and the rows of the
 * side-by-side view with the provisions one version lacks.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { languageRows, resolveVersions, versionName, type VersionFile } from '../../src/lib/lang/versions.ts';
import { parseStatement } from '../../src/lib/content/parse.ts';
import type { Statement } from '../../src/lib/model/types.ts';
import { fixturesDir } from './fixtures.ts';

describe('versionName', () => {
  it('reads a language suffix, and leaves names without one as they are', () => {
    expect(versionName('2025-moscow.zh.md')).toEqual({ id: '2025-moscow', lang: 'zh' });
    expect(versionName('2025-moscow.zh-Hans.md')).toEqual({ id: '2025-moscow', lang: 'zh-Hans' });
    expect(versionName('2025-moscow.md')).toEqual({ id: '2025-moscow' });
    expect(versionName('test.2020.md')).toEqual({ id: 'test.2020' });
    expect(versionName('..md')).toEqual({ id: '.' });
    expect(versionName('...md')).toEqual({ id: '..' });
  });
});

const file = (name: string, body: string, lang?: string): VersionFile => {
  const text = `---\ntitle: T\nshortTitle: T\ndate: 2020-01-01\nplace: P\nseries: s\nkind: joint-statement\nedition: full\n${lang ? `lang: ${lang}\n` : ''}sources:\n  - label: x\n    url: https://example.org/x\n---\n\n## A {#a}\n\n${body}\n`;
  const statement = parseStatement({ path: `statements/${name}`, text }, { today: '2026-01-01' }).statement as Statement;
  const { id, lang: suffix } = versionName(name);
  statement.id = id;
  return { statement, id, ...(suffix ? { suffix } : {}), ...(lang ? { frontLang: { lang, line: 9, column: 7 } } : {}) };
};

describe('resolveVersions', () => {
  it('keeps the unsuffixed file as the main version; the others get <id>-<lang> in <series>-<lang>', () => {
    const result = resolveVersions([file('x.md', 'One. {#one}'), file('x.ru.md', 'Один. {#one}'), file('x.zh.md', '一。 {#one}')], new Map(), 'en');
    expect(result.statements.map((s) => [s.id, s.series, s.lang])).toEqual([['x', 's', 'en'], ['x-ru', 's-ru', 'ru'], ['x-zh', 's-zh', 'zh']]);
    expect(result.groups).toEqual([{ id: 'x', versions: [{ lang: 'en', statementId: 'x' }, { lang: 'ru', statementId: 'x-ru' }, { lang: 'zh', statementId: 'x-zh' }] }]);
    expect(result.diagnostics).toEqual([]);
    // Clauses follow their statement's new id.
    expect(result.statements[2]!.sections[0]!.paragraphs[0]!.clauses[0]!.statementId).toBe('x-zh');
  });

  it("without an unsuffixed file, the series' language is the main version", () => {
    const result = resolveVersions([file('x.en.md', 'One. {#one}'), file('x.zh.md', '一。 {#one}')], new Map([['s', 'zh']]), 'en');
    expect(result.statements.map((s) => s.id)).toEqual(['x', 'x-en']);
    expect(result.statements[0]!.lang).toBe('zh');
  });

  it('two files claiming one language version: an error at the second, naming the first', () => {
    const result = resolveVersions([file('x.md', 'One. {#one}', 'zh'), file('x.zh.md', '一。 {#one}')], new Map(), 'en');
    expect(result.diagnostics.map((d) => [d.file, d.rule, d.severity])).toEqual([['statements/x.zh.md', 'language-version-duplicate', 'error']]);
    expect(result.diagnostics[0]!.message).toContain('statements/x.md');
  });

  it('keys that do not match: warnings naming the keys on both sides', () => {
    const result = resolveVersions([file('x.md', 'One. {#one}\n\nTwo. {#two}'), file('x.ru.md', 'Один. {#one}\n\nТри. {#three}')], new Map(), 'en');
    expect(result.diagnostics.map((d) => [d.rule, d.severity, d.line, d.message.match(/`[a-z]+`/g)])).toEqual([
      ['language-version-keys', 'warning', 1, ['`ru`', '`two`', '`en`']],
      ['language-version-keys', 'warning', 18, ['`ru`', '`three`', '`en`']]
    ]);
  });
});

describe('languageRows', () => {
  it('one row per key in the main order, a provision only another version has before its successor there, missing cells empty', () => {
    const a = file('x.md', 'One. {#one}\n\nTwo. {#two}\n\nFour. {#four}').statement;
    const b = file('x.ru.md', 'Один. {#one}\n\nТри. {#three}\n\nЧетыре. {#four}').statement;
    const rows = languageRows([a, b]);
    expect(rows.map((row) => [row.key, row.cells.map((cell) => cell?.text ?? null)])).toEqual([
      ['one', ['One.', 'Один.']],
      ['two', ['Two.', null]],
      ['three', [null, 'Три.']],
      ['four', ['Four.', 'Четыре.']]
    ]);
  });
});

describe('loadCorpus on language versions', () => {
  it('groups tests/fixtures/langs 2020-lorn and 2024-lorn by id, Chinese (the series language) first', async () => {
    const corpus = await loadCorpus(join(fixturesDir, 'langs'));
    expect(corpus.languageVersions.map((group) => [group.id, group.versions.map((v) => `${v.lang}:${v.statementId}`)])).toEqual([
      ['2020-lorn', ['zh:2020-lorn', 'en:2020-lorn-en', 'ru:2020-lorn-ru']],
      ['2024-lorn', ['zh:2024-lorn', 'en:2024-lorn-en', 'ru:2024-lorn-ru']]
    ]);
    // Compare pages pair like with like: each series holds one language.
    for (const series of corpus.series) {
      const langs = new Set(series.statementIds.map((id) => corpus.statements.find((s) => s.id === id)!.lang));
      expect([...langs], series.id).toEqual([series.lang]);
    }
    expect(corpus.series.find((s) => s.id === 'lorn-basin-ru')!.title).toBe('洛恩河流域 (русский)');
  });
});
