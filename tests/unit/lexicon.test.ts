import { describe, expect, it } from 'vitest';
import { readLexicon } from '../../src/lib/content/lexicon.ts';

const topics = { path: 'topics.yaml', text: '- id: blocs\n  label: Blocs\n  description: Alliances and blocs.\n  cues: [bloc]\n' };
const formulas = (text: string) => readLexicon({ path: 'formulas.yaml', text }, topics);

describe('readLexicon', () => {
  it('reads formulas and topics', () => {
    const lexicon = formulas('- id: no-limits\n  label: No limits\n  topic: blocs\n  patterns: [no limits]\n');
    expect(lexicon.diagnostics).toEqual([]);
    expect(lexicon.formulas.map((formula) => formula.id)).toEqual(['no-limits']);
    expect(lexicon.topics.map((topic) => topic.id)).toEqual(['blocs']);
  });
  it('names malformed YAML, a bad field and a repeated id at file:line:column', () => {
    expect(formulas('- id: [no-limits\n').diagnostics[0]).toMatchObject({ rule: 'yaml-malformed', file: 'formulas.yaml', line: 2 });
    const bad = formulas('- id: no-limits\n  label: No limits\n  topic: blocs\n  patterns: []\n');
    expect(bad.diagnostics[0]).toMatchObject({ rule: 'lexicon-invalid', line: 4, column: 13 });
    expect(bad.diagnostics[0]?.message).toMatch(/entry 1, `patterns`/);
    const twice = formulas('- id: a\n  label: A\n  topic: blocs\n  patterns: [a]\n- id: a\n  label: A again\n  topic: blocs\n  patterns: [b]\n');
    expect(twice.diagnostics[0]).toMatchObject({ rule: 'duplicate-id', line: 5, message: 'id `a` is used twice (first on line 1)' });
  });
});
