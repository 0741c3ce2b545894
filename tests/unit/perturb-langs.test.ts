/**
 * The perturbed set in Chinese and Russian: perturbations in each language's own words
 * (segmented by the platform), and the measure of word marks on word boundaries.
 */
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { clausesOf } from '../../src/lib/analyse/graph.ts';
import { marksOnWordBoundaries } from '../../src/lib/eval/diff-quality.ts';
import { DEFAULT_RATES, perturb, rewordIn } from '../../src/lib/eval/perturb.ts';
import { fixturesDir } from './fixtures.ts';

const always = (value: number) => () => value;

describe('rewordIn', () => {
  it('swaps Chinese synonyms word by word, with no spaces', () => {
    expect(rewordIn('双方将加强合作。', always(0), 'zh')).toBe('双方将增强协作。');
  });
  it('swaps Russian synonyms, keeping a capital', () => {
    expect(rewordIn('Будут строить мост.', always(0), 'ru')).toBe('Станут возводить мост.');
  });
  it('inserts a filler before a word and deletes a word with its space (Russian)', () => {
    // Draws: no swap of построят (0.9); insert (0.1) before the 2nd word (0.0) the first filler (0.0); delete (0.1) the 5th of 6 places (0.7).
    const draws = [0.9, 0.1, 0.0, 0.0, 0.1, 0.7];
    let at = 0;
    expect(rewordIn('Стороны построят новый мост через реку Лорн.', () => draws[at++] ?? 0.9, 'ru')).toBe('Стороны активно построят новый мост реку Лорн.');
  });
  it('leaves English to reword()', () => {
    expect(rewordIn('The parties support trade.', always(0), 'en')).toBe('The sides back commerce.');
  });
});

describe('perturb in Chinese and Russian', () => {
  // Built afresh before each test, not at load time (tests/unit/README.md).
  async function setup() {
    const corpus = await loadCorpus(join(fixturesDir, 'langs'));
    return { corpus };
  }
  type Fixture = Awaited<ReturnType<typeof setup>>;
  let corpus!: Fixture['corpus'];
  beforeEach(async () => {
    ({ corpus } = await setup());
  });
  it('writes Chinese texts in Chinese: no Latin letters, no spaces, pieces end with 。', () => {
    const statement = corpus.statements.find((s) => s.id === '2024-lorn')!;
    for (const seed of [1, 2, 3]) {
      const perturbed = perturb(clausesOf(statement), DEFAULT_RATES, seed, 'x', 'zh');
      for (const clause of perturbed.clauses) expect(clause.text).toMatch(/^[^A-Za-z ]+。$/u);
      expect(perturbed.truth.some((pair) => pair.kind === 'reworded')).toBe(true);
    }
  });
  it('writes Russian texts in Russian: Cyrillic words, single spaces', () => {
    const statement = corpus.statements.find((s) => s.id === '2024-lorn-ru')!;
    for (const seed of [1, 2, 3]) {
      const perturbed = perturb(clausesOf(statement), DEFAULT_RATES, seed, 'x', 'ru');
      for (const clause of perturbed.clauses) {
        expect(clause.text).not.toMatch(/[A-Za-z]|\s{2}|\s[,.]/);
        expect(clause.text).toMatch(/^\p{Lu}/u);
      }
    }
  });
});

describe('marksOnWordBoundaries', () => {
  it('counts a mark inside a Russian word as off the boundaries', () => {
    const older = 'Стороны сторонне';
    const newer = 'Стороны всесторонне';
    expect(marksOnWordBoundaries([{ op: 'equal', text: 'Стороны ' }, { op: 'insert', text: 'все' }, { op: 'equal', text: 'сторонне' }], older, newer, 'ru')).toEqual({ marks: 1, onBoundary: 0 });
    expect(marksOnWordBoundaries([{ op: 'equal', text: 'Стороны ' }, { op: 'delete', text: 'сторонне' }, { op: 'insert', text: 'всесторонне' }], older, newer, 'ru')).toEqual({ marks: 2, onBoundary: 2 });
  });
  it('reads Chinese words from the segmenter', () => {
    const older = '双方加强合作';
    const newer = '双方加强能源合作';
    expect(marksOnWordBoundaries([{ op: 'equal', text: '双方加强' }, { op: 'insert', text: '能源' }, { op: 'equal', text: '合作' }], older, newer, 'zh')).toEqual({ marks: 1, onBoundary: 1 });
    // Older 双方加强能合作 (能 alone) against 双方加强能源合作: marking only 源 cuts the word 能源.
    expect(marksOnWordBoundaries([{ op: 'equal', text: '双方加强能' }, { op: 'insert', text: '源' }, { op: 'equal', text: '合作' }], '双方加强能合作', newer, 'zh')).toEqual({ marks: 1, onBoundary: 0 });
  });
});
