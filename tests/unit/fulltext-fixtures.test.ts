/**
 * The full-text fixtures (tests/fixtures/fulltext/) against the evaluation's
 * word diff: for every case, the words its truth file says a correct page marks
 * are exactly the words the raw diff changes, so the fixtures and the scoring
 * agree on what each structure changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { truthOf, wordsOf } from '../../src/lib/eval/fulltext-score.ts';

const root = join(import.meta.dirname, '..', 'fixtures', 'fulltext');
type Change = { kind: string; older?: string; newer?: string | string[]; deleted?: (string | number)[]; inserted?: (string | number)[] };
type Truth = { structure: string; changes?: Change[]; unchanged?: string[]; pairs?: { older: string; newer: string; changes: Change[] }[] };

const cases = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const read = (...path: string[]) => readFileSync(join(root, ...path), 'utf8');
const sorted = (words: readonly (string | number)[]) => words.map(String).sort();

function expectChanges(older: string, newer: string, changes: readonly Change[]) {
  const truth = truthOf(older, newer);
  const deleted = truth.olderWords.filter((_, at) => truth.olderChanged[at]);
  const inserted = truth.newerWords.filter((_, at) => truth.newerChanged[at]);
  expect(sorted(deleted)).toEqual(sorted(changes.flatMap((change) => change.deleted ?? [])));
  expect(sorted(inserted)).toEqual(sorted(changes.flatMap((change) => change.inserted ?? [])));
  // Each change's texts hold the words it names.
  for (const change of changes) {
    if (change.older) for (const word of change.deleted ?? []) expect(wordsOf(change.older)).toContain(String(word));
    const newerText = [change.newer ?? []].flat().join(' ');
    for (const word of change.inserted ?? []) expect(wordsOf(newerText)).toContain(String(word));
  }
}

describe('full-text fixtures', () => {
  it('has the eleven structures of the issue, the faults real documents showed, and the series', () => {
    expect(cases).toEqual(['added-across-break', 'bold-lead-ins', 'bold-to-heading', 'date-lines-twice', 'duplicate-lines', 'invisible', 'link-target', 'lists', 'merged-rewritten', 'new-paragraph', 'new-paragraphs', 'new-section', 'numbered-heading', 'paragraph-split', 'punctuation-only', 'rewritten-paragraph', 'rewritten-then-new', 'series', 'setext-headings', 'short-lines', 'sub-headings', 'title-change', 'updated-line']);
  });

  for (const name of cases.filter((name) => name !== 'series')) {
    it(`${name}: the truth file's words are the raw diff's`, () => {
      const truth = parse(read(name, 'truth.yaml')) as Truth;
      expect(truth.structure).toBeTruthy();
      const older = read(name, 'older.md');
      const newer = read(name, 'newer.md');
      expectChanges(older, newer, truth.changes ?? []);
      // What stays unchanged is in both versions, word for word.
      for (const text of truth.unchanged ?? []) {
        const words = wordsOf(text).join(' ');
        expect(wordsOf(older).join(' ')).toContain(words);
        expect(wordsOf(newer).join(' ')).toContain(words);
      }
    });
  }

  it('series: each pair’s truth is the raw diff’s', () => {
    const truth = parse(read('series', 'truth.yaml')) as Truth;
    expect(truth.pairs).toHaveLength(2);
    for (const pair of truth.pairs!) expectChanges(read('series', pair.older), read('series', pair.newer), pair.changes);
  });

  it('invisible: the newer version holds two U+2060 and no other change', () => {
    const newer = read('invisible', 'newer.md');
    expect([...newer.matchAll(/\u2060/g)]).toHaveLength(2);
    expect(newer.replaceAll('\u2060', '')).toBe(read('invisible', 'older.md'));
  });
});
