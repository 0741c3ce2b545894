/**
 * The invented original-language fixture (tests/fixtures/langs): three Chinese and three
 * Russian full texts, loaded, tagged, aligned and diffed as the build does.
 */
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { align } from '../../src/lib/align/align.ts';
import { wordDiff } from '../../src/lib/analyse/diff.ts';
import { clausesOf } from '../../src/lib/analyse/graph.ts';
import { parseStatement } from '../../src/lib/content/parse.ts';
import { searchRecords } from '../../src/lib/export/search-records.ts';
import type { Clause } from '../../src/lib/model/types.ts';
import { fixturesDir } from './fixtures.ts';

// Built afresh before each test, not at load time, so that mutation testing sees which
// tests reach the code (tests/unit/README.md).
async function setup() {
  const corpus = await loadCorpus(join(fixturesDir, 'langs'));
  return { corpus };
}
type Fixture = Awaited<ReturnType<typeof setup>>;
let corpus!: Fixture['corpus'];
beforeEach(async () => {
  ({ corpus } = await setup());
});
const statement = (id: string) => corpus.statements.find((s) => s.id === id)!;
const compare = (older: string, newer: string) => {
  const a = clausesOf(statement(older));
  const b = clausesOf(statement(newer));
  const text = (clauses: Clause[], id: string | undefined) => clauses.find((c) => c.id === id)!.text;
  const pairs = align(a, b, { formulas: corpus.formulas });
  return pairs.map((pair) => ({ ...pair, diff: pair.from.length === 1 && pair.to.length === 1 ? wordDiff(text(a, pair.from[0]), text(b, pair.to[0]), { lang: statement(newer).lang }) : undefined }));
};
const changes = (diff: ReturnType<typeof wordDiff> | undefined) => diff?.parts.filter((p) => p.op !== 'equal').map((p) => `${p.op === 'insert' ? '+' : '-'}${p.text}`);

describe('fixture langs', () => {
  it('loads with only the warnings of the language versions whose keys differ; lang comes from the file name, the statement, else its series', () => {
    expect(corpus.diagnostics.map((d) => [d.file, d.line, d.rule, d.severity, d.message.match(/`[a-z-]+`/g)])).toEqual([
      ['statements/2024-lorn.ru.md', 1, 'language-version-keys', 'warning', ['`ru`', '`bird-reserve`', '`zh`']],
      ['statements/2024-lorn.ru.md', 78, 'language-version-keys', 'warning', ['`ru`', '`fishermen-licences`', '`zh`']]
    ]);
    expect(corpus.statements.map((s) => [s.id, s.lang])).toEqual([
      ['2019-velm-zh', 'zh'], ['2019-velm-ru', 'ru'], ['2020-lorn', 'zh'], ['2020-lorn-en', 'en'], ['2020-lorn-ru', 'ru'], ['2021-corra-zh', 'zh'], ['2021-corra-ru', 'ru'], ['2023-velm-zh', 'zh'], ['2023-velm-ru', 'ru'],
      ['2024-lorn', 'zh'], ['2024-lorn-en', 'en'], ['2024-lorn-ru', 'ru']
    ]);
    expect(corpus.series.map((s) => [s.id, s.lang])).toEqual([['arvenia-belmora-zh', 'zh'], ['arvenia-belmora-ru', 'ru'], ['lorn-basin', 'zh'], ['lorn-basin-en', 'en'], ['lorn-basin-ru', 'ru']]);
  });

  it('search records give Pagefind the language of each statement', () => {
    const records = searchRecords({ statements: corpus.statements, formulas: corpus.formulas, topics: corpus.topics, pairsOf: () => undefined });
    const languages = new Map(records.map((r) => [r.meta.statementId, r.language]));
    // Records of unchanged clauses merge across versions (newest first), so the order is not the statements'.
    expect([...languages].filter(([id]) => !id!.includes('lorn')).sort()).toEqual([['2019-velm-ru', 'ru'], ['2019-velm-zh', 'zh'], ['2021-corra-ru', 'ru'], ['2021-corra-zh', 'zh'], ['2023-velm-ru', 'ru'], ['2023-velm-zh', 'zh']]);
    expect(languages.get('2024-lorn')).toBe('zh');
    expect(languages.get('2024-lorn-en')).toBe('en');
    expect(languages.get('2024-lorn-ru')).toBe('ru');
  });

  it('tags formulas through their zh and ru originals', () => {
    const holders = (formula: string) => corpus.statements.filter((s) => clausesOf(s).some((c) => c.formulas.includes(formula))).map((s) => s.id);
    expect(holders('no-alliance-no-rivalry')).toEqual(['2019-velm-zh', '2019-velm-ru', '2021-corra-zh', '2021-corra-ru']);
    expect(holders('one-river-one-future')).toEqual(['2023-velm-zh', '2023-velm-ru']);
  });

  it('Chinese: the sentence that gains two words pairs as reworded and its diff marks just those words', () => {
    const rows = compare('2019-velm-zh', '2021-corra-zh');
    expect(rows.map((r) => [r.kind, r.from, r.to])).toEqual([
      ['same', ['relations-nature.1'], ['relations-nature.1']], ['same', ['summits.1'], ['summits.1']], ['same', ['lorn-water.1'], ['lorn-water.1']],
      ['same', ['lorn-navigation.1'], ['lorn-navigation.1']], ['reworded', ['trade-growth.1'], ['trade-growth.1']], ['same', ['railway.1'], ['railway.1']], ['added', [], ['youth.1']]
    ]);
    expect(changes(rows[4]!.diff)).toEqual(['+能源', '+持续']);
  });

  it('Chinese: a changed frequency is one replaced word, a dropped formula a deleted phrase', () => {
    const rows = compare('2021-corra-zh', '2023-velm-zh');
    expect(changes(rows.find((r) => r.from.includes('summits.1'))!.diff)).toEqual(['-每两年', '+每年']);
    expect(changes(rows.find((r) => r.from.includes('relations-nature.1'))!.diff)).toEqual(['+全面', '-，遵循不结盟、不对抗原则']);
  });

  it('Russian: reworded sentences pair, and their diffs mark whole words only', () => {
    const rows = [...compare('2019-velm-ru', '2021-corra-ru'), ...compare('2021-corra-ru', '2023-velm-ru')];
    expect(changes(rows.find((r) => r.from.includes('energy.1') && r.kind === 'reworded')!.diff)).toEqual(['+всесторонне ', '+ и транспорта']);
    expect(changes(rows.find((r) => r.from.includes('summits.1') && r.kind === 'reworded')!.diff)).toEqual(['-раз в два года', '+ежегодно']);
    // Russian separates words by spaces and punctuation: a mark that begins or ends between two letters cuts a word.
    for (const row of rows) {
      if (!row.diff) continue;
      for (const side of ['delete', 'insert'] as const) {
        const parts = row.diff.parts.filter((p) => p.op === 'equal' || p.op === side);
        const text = parts.map((p) => p.text).join('');
        let at = 0;
        for (const part of parts) {
          const end = at + part.text.length;
          if (part.op === side) {
            expect(/\p{L}/u.test(text[at - 1] ?? ' ') && /\p{L}/u.test(text[at]!), `${part.text} starts inside a word`).toBe(false);
            expect(/\p{L}/u.test(text[end - 1]!) && /\p{L}/u.test(text[end] ?? ' '), `${part.text} ends inside a word`).toBe(false);
          }
          at = end;
        }
      }
    }
  });
});

describe('lang in the front matter', () => {
  const file = (lang: string) => `---\ntitle: T\nshortTitle: T\ndate: 2020-01-01\nplace: P\nseries: s\nkind: joint-statement\nedition: full\nlang: ${lang}\nsources:\n  - label: L\n    url: https://example.org/\n---\n\n## A {#a}\n\nText. {#p}\n`;
  it('takes a BCP 47 tag of a known language', () => {
    expect(parseStatement({ path: 'statements/t.md', text: file('zh-Hans') }, { today: '2026-01-01' }).statement?.lang).toBe('zh-Hans');
  });
  it('rejects an unknown language at its line', () => {
    const result = parseStatement({ path: 'statements/t.md', text: file('xx') }, { today: '2026-01-01' });
    expect(result.statement).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.line, d.message])).toEqual([[9, expect.stringContaining('BCP 47 language tag')]]);
  });
});
