/**
 * A link's address is one term for the aligner (src/lib/align/normalize.ts): on a real terms
 * of service, a new list item "See a preview of the new terms <https://site/terms/update?…>"
 * paired with an old sentence on guarantees, only because both linked to pages of one site
 * (`policies google com terms hl en gb gl ie` made most of their tokens).
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/lib/align/normalize.ts';
import { align } from '../../src/lib/align/align.ts';
import { clause } from './statements.ts';

const preview = 'See a preview of the new terms <https://widget.example/terms/update?lang=en-GB&region=EU>';
const guarantee = 'A refund promise is a voluntary commitment that is in addition to the statutory warranty <https://widget.example/terms/definitions?lang=en-GB&region=EU#warranty> of fitness.';

describe('link addresses in the aligner', () => {
  it('reads an address as one token: two pages of one site share none, one page is one token on both sides', () => {
    const a = normalize(preview);
    const b = normalize(guarantee);
    expect(a).toEqual(['see', 'preview', 'new', 'term', expect.stringMatching(/^§link-[a-z0-9]+$/)]);
    expect(a.filter((token) => b.includes(token))).toEqual([]);
    expect(normalize('Read <https://widget.example/a> now.').at(1)).toBe(normalize('Go to <https://widget.example/a>.').at(1));
    expect(normalize('Write to <mailto:help@widget.example>.')).toHaveLength(2);
  });

  it('does not pair a new line with an old sentence because both link to one site', () => {
    const older = [clause({ id: 'rules.1', statementId: 'a', text: 'Read the refund rules <https://widget.example/terms/rules?lang=en-GB&region=EU> before you buy.' }), clause({ id: 'promise.1', statementId: 'a', text: guarantee }), clause({ id: 'answer.1', statementId: 'a', text: 'We answer every refund request within ten days.' })];
    const newer = [clause({ id: 'rules.1', statementId: 'b', text: older[0]!.text }), clause({ id: 'preview.1', statementId: 'b', text: preview }), clause({ id: 'answer.1', statementId: 'b', text: older[2]!.text })];
    const pairs = align(older, newer, { formulas: [] });
    expect(pairs.find((pair) => pair.to.includes('preview.1'))?.kind).toBe('added');
    expect(pairs.find((pair) => pair.from.includes('promise.1'))?.kind).toBe('dropped');
  });
});
