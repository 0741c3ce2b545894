/**
 * Passages rewritten where the paragraph rule does not reach (src/lib/align/paragraph-groups.ts,
 * rewrittenRuns): runs of changed pairs over paragraph breaks, on alignments written by hand.
 */
import { describe, expect, it } from 'vitest';
import { paragraphGroups } from '../../src/lib/align/paragraph-groups.ts';
import type { AlignedPair, Clause } from '../../src/lib/model/types.ts';
import { clause } from './statements.ts';

// Clauses `key.n` in reading order, each in section `main` unless given as `section/key.n`.
const side = (statementId: string, ids: string[]): Clause[] =>
  ids.map((spec, index) => {
    const [section, id] = spec.includes('/') ? spec.split('/') : ['main', spec];
    return clause({ id: id!, statementId, text: id!, index, sectionKey: section! });
  });
const pair = (kind: AlignedPair['kind'], from: string[], to: string[]): AlignedPair => ({ kind, from, to, score: kind === 'same' ? 1 : 0.5 });
const kinds = (groups: ReturnType<typeof paragraphGroups>) => groups.map((group) => `${group.kind} ${group.pairs.join(',')} ${group.older.join('+')}>${group.newer.join('+')}`);

describe('rewritten runs over paragraph breaks', () => {
  it('makes two paragraphs merged while a sentence went and another came one rewritten group', () => {
    const older = side('o', ['a.1', 'b.1', 'b.2', 'z.1']);
    const newer = side('n', ['n.1', 'n.2', 'n.3', 'z.1']);
    const pairs = [pair('reworded', ['a.1'], ['n.1']), pair('reworded', ['b.1'], ['n.2']), pair('dropped', ['b.2'], []), pair('added', [], ['n.3']), pair('same', ['z.1'], ['z.1'])];
    expect(kinds(paragraphGroups(pairs, older, newer))).toEqual(['rewritten 0,1,2,3 a+b>n']);
  });

  it('leaves changes apart when a kept sentence stands between them, a moved one cuts the run, and a run stays in its section', () => {
    const older = side('o', ['a.1', 'a.2', 'b.1', 'c.1']);
    const newer = side('n', ['a.1', 'a.2', 'm.1', 'b.1', 'c.1']);
    // Reworded, kept, then a dropped and an added sentence: the kept one keeps them apart from the first.
    const kept = [pair('reworded', ['a.1'], ['a.1']), pair('same', ['a.2'], ['a.2']), pair('added', [], ['m.1']), pair('moved', ['c.1'], ['c.1']), pair('reworded', ['b.1'], ['b.1'])];
    expect(kinds(paragraphGroups(kept, older, newer))).toEqual([]);
    const olderTwo = side('o', ['main/a.1', 'other/b.1', 'other/c.1']);
    const newerTwo = side('n', ['main/a.1', 'other/c.1']);
    // A reworded sentence and a gone one next to it, each in its own section.
    expect(kinds(paragraphGroups([pair('reworded', ['a.1'], ['a.1']), pair('dropped', ['b.1'], []), pair('same', ['c.1'], ['c.1'])], olderTwo, newerTwo))).toEqual([]);
    // The same in one section is one group.
    expect(kinds(paragraphGroups([pair('reworded', ['a.1'], ['a.1']), pair('dropped', ['b.1'], []), pair('same', ['c.1'], ['c.1'])], side('o', ['a.1', 'b.1', 'c.1']), side('n', ['a.1', 'c.1'])))).toEqual(['rewritten 0,1 a+b>a']);
  });

  it('makes sentences added at a paragraph’s end and a new paragraph after them one Added group; in one paragraph they stay the paragraph rule’s', () => {
    const older = side('o', ['a.1', 'z.1']);
    const newer = side('n', ['a.1', 'a.2', 'b.1', 'b.2', 'z.1']);
    const pairs = [pair('same', ['a.1'], ['a.1']), pair('added', [], ['a.2']), pair('added', [], ['b.1']), pair('added', [], ['b.2']), pair('same', ['z.1'], ['z.1'])];
    expect(kinds(paragraphGroups(pairs, older, newer))).toEqual(['added 1,2,3 >a+b']);
    const inOne = [pair('same', ['a.1'], ['a.1']), pair('added', [], ['a.2']), pair('added', [], ['a.3']), pair('same', ['z.1'], ['z.1'])];
    expect(kinds(paragraphGroups(inOne, side('o', ['a.1', 'z.1']), side('n', ['a.1', 'a.2', 'a.3', 'z.1'])))).toEqual(['rewritten 0,1,2 a>a']);
  });
});
