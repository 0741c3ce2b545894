import { describe, expect, it } from 'vitest';
import { ownStatement, readOwnText } from '../../src/lib/import/own-text.ts';
import { clausesOf } from '../../src/lib/model/statement.ts';

const meta = { id: 'your-text', title: 'Your text', shortTitle: 'Your text', date: '2026-01-01', lang: 'en', series: 's', complete: true };

describe('a reader’s own text as a statement', () => {
  it('reads Markdown headings as parts with their numbers, paragraphs split into clauses, {#key} kept', () => {
    const text = [
      '---',
      'title: ignored',
      '---',
      '## I. Relations',
      '',
      'The two sides **reaffirm** their [friendship](https://example.org). They will meet again. {#relations}',
      '',
      '## II. Security',
      '',
      '- Both oppose _unilateral_ sanctions.'
    ].join('\n');
    const statement = ownStatement(readOwnText(text), meta);
    expect(statement.sections.map((section) => [section.number, section.heading])).toEqual([['I', 'Relations'], ['II', 'Security']]);
    expect(clausesOf(statement).map((clause) => [clause.id, clause.text])).toEqual([
      ['relations.1', 'The two sides reaffirm their friendship.'],
      ['relations.2', 'They will meet again.'],
      ['p2.1', 'Both oppose unilateral sanctions.']
    ]);
    expect(statement.sections[1]!.paragraphs[0]!.explicitKey).toBe(false);
  });

  it('reads plain text: a preamble, a numbered part on its own line, and markup kept as words, never as HTML', () => {
    const text = 'Joint statement of the two sides.\n\nIV. Culture\n\nThey value <script>alert(1)</script> and <img src=x onerror=alert(2)> exchanges.';
    const statement = ownStatement(readOwnText(text), meta);
    expect(statement.sections.map((section) => section.heading)).toEqual(['Preamble', 'Culture']);
    const clauses = clausesOf(statement);
    expect(clauses.at(-1)!.text).toBe('They value <script>alert(1)</script> and <img src=x onerror=alert(2)> exchanges.');
    expect(clauses.every((clause) => clause.html === '')).toBe(true);
  });

  it('gives repeated keys a suffix and drops empty text', () => {
    const statement = ownStatement(readOwnText('One. {#a}\n\nTwo. {#a}\n\n   \n'), meta);
    expect(statement.sections[0]!.paragraphs.map((paragraph) => paragraph.key)).toEqual(['a', 'a-2']);
    expect(ownStatement(readOwnText('  \n\n'), meta).sections).toEqual([]);
  });
});
