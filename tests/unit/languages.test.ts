/**
 * Chinese and Russian texts through the aligner, the word diff and tagging.
 * Every sentence here is invented for the test.
 */
import { describe, expect, it } from 'vitest';
import { align } from '../../src/lib/align/align.ts';
import { normalize } from '../../src/lib/align/normalize.ts';
import { diffTokens, wordDiff } from '../../src/lib/analyse/diff.ts';
import { compileMatchers, findFormulas } from '../../src/lib/analyse/tag.ts';
import { formatProposals } from '../../src/lib/import/keys-propose.ts';
import type { Clause, DiffPart, Formula } from '../../src/lib/model/types.ts';
import { clause } from './statements.ts';

function clauses(statementId: string, texts: string[]): Clause[] {
  return texts.map((text, k) => clause({ id: `p${k}.1`, statementId, text, paragraphKey: `p${k}` }));
}

const changed = (parts: DiffPart[], op: 'insert' | 'delete'): string[] => parts.filter((p) => p.op === op).map((p) => p.text);

describe('Chinese', () => {
  const older = ['两国元首同意加强经贸合作，推动双边贸易稳步增长。', '双方支持在联合国框架内应对气候变化。', '双方将继续扩大人文交流和旅游往来。', '双方欢迎青年代表团互访。'];
  // The first sentence gains two words: 能源 (energy) and 持续 (sustained).
  const newer = ['两国元首同意加强能源经贸合作，推动双边贸易持续稳步增长。', ...older.slice(1)];

  it('a sentence that gains two words pairs as one reworded clause, not dropped and added', () => {
    const pairs = align(clauses('a', older), clauses('b', newer));
    expect(pairs.filter((p) => p.kind === 'dropped' || p.kind === 'added')).toEqual([]);
    expect(pairs.find((p) => p.from.includes('p0.1'))).toMatchObject({ kind: 'reworded', to: ['p0.1'] });
  });

  it('the diff of that sentence inserts exactly the two words', () => {
    const diff = wordDiff(older[0]!, newer[0]!, { lang: 'zh' });
    expect(diff.replaced).toBe(false);
    expect(changed(diff.parts, 'insert')).toEqual(['能源', '持续']);
    expect(changed(diff.parts, 'delete')).toEqual([]);
  });

  it('similarity tokens are words, without the function words', () => {
    expect(normalize('双方的合作和交流', [], 'zh')).toEqual(['双方', '合作', '交流']);
  });
});

describe('Russian', () => {
  it('the diff never marks part of a word: an inflected word is changed whole', () => {
    const diff = wordDiff('Стороны развивают сотрудничество в области энергетики.', 'Стороны развивают сотрудничества в области энергетики.', { lang: 'ru' });
    expect(changed(diff.parts, 'delete')).toEqual(['сотрудничество']);
    expect(changed(diff.parts, 'insert')).toEqual(['сотрудничества']);
  });

  it('inserted words are whole words, and a hyphenated word is one token', () => {
    const diff = wordDiff('Стороны договорились развивать сотрудничество в области энергетики.', 'Стороны договорились всесторонне развивать сотрудничество в области энергетики и транспорта.', { lang: 'ru' });
    expect(changed(diff.parts, 'insert')).toEqual(['всесторонне ', ' и транспорта']);
    expect(diffTokens('военно-политическое взаимодействие', 'ru')).toEqual(['военно-политическое', ' ', 'взаимодействие']);
  });

  it('a stress accent stays inside its word', () => {
    expect(diffTokens('углубля́ют связи', 'ru')).toEqual(['углубля́ют', ' ', 'связи']);
  });

  it('similarity tokens are Snowball stems, with ё read as е and function words out', () => {
    expect(normalize('Сотрудничество и партнёрство', [], 'ru')).toEqual(normalize('в сотрудничестве с партнерством', [], 'ru'));
    expect(normalize('Сотрудничество и партнёрство', [], 'ru')).toEqual(['сотрудничеств', 'партнерств']);
  });

  it('a reworded sentence pairs with its older version', () => {
    const older = ['Стороны договорились развивать сотрудничество в области энергетики.', 'Стороны приветствуют обмены молодёжными делегациями.', 'Стороны поддерживают работу Организации Объединённых Наций.'];
    const newer = ['Стороны договорились всесторонне развивать сотрудничество в области энергетики и транспорта.', older[1]!, 'Стороны поддерживают центральную роль Организации Объединённых Наций.'];
    const pairs = align(clauses('a', older), clauses('b', newer));
    expect(pairs.map((p) => [p.from, p.to])).toEqual([[['p0.1'], ['p0.1']], [['p1.1'], ['p1.1']], [['p2.1'], ['p2.1']]]);
  });
});

describe('formula originals', () => {
  const formula: Formula = { id: 'lasting-friendship', label: 'lasting friendship', topic: 'partnership', patterns: ['\\blasting friendship\\b'], zh: '世代友好、永不为敌', ru: 'вечная дружба и добрососедство' };
  const matchers = compileMatchers([formula], []);

  it('tagging finds a formula through its zh original, whichever comma the text uses', () => {
    expect(findFormulas('双方重申世代友好，永不为敌。', matchers)).toEqual(['lasting-friendship']);
    expect(findFormulas('双方重申世代友好、永不为敌。', matchers)).toEqual(['lasting-friendship']);
    expect(findFormulas('双方重申世代友好。', matchers)).toEqual([]);
  });

  it('tagging finds a formula through its ru original, in any case and with е for ё', () => {
    expect(findFormulas('Стороны подтверждают: Вечная дружба и добрососедство остаются основой.', matchers)).toEqual(['lasting-friendship']);
    expect(findFormulas('Стороны подтверждают вечную дружбу.', matchers)).toEqual([]);
  });

  it('the aligner counts the original as one formula token', () => {
    expect(normalize('双方重申世代友好、永不为敌。', [formula], 'zh')).toEqual(['双方', '重申', '§lasting-friendship']);
  });
});

describe('key proposals', () => {
  it('the report opens a Chinese paragraph with its first twelve words, not the whole paragraph', () => {
    // 14 words: 双方 / 同意 / 在 / 联合国 / 框架 / 内 / 加强 / 协调 / 并 / 共同 / 应对 / 气候 / 变化 / 挑战
    const text = '双方同意在联合国框架内加强协调并共同应对气候变化挑战。';
    const report = formatProposals([{ section: 's', current: 'p-1', explicit: false, score: 0, kinds: [], flags: ['unmatched'], newerText: text }], 'a', 'b');
    expect(report).toContain('| 双方同意在联合国框架内加强协调并共同应对 … |');
  });
});
