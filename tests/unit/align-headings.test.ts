/** The heading pass of the aligner (align/headings.ts), on headings written for each case. */
import { describe, expect, it } from 'vitest';
import { alignHeadings, type HeadingInput, type HeadingPair } from '../../src/lib/align/headings.ts';

const h = (key: string, text: string, clauses: string[] = [], level = 2): HeadingInput => ({ key, text, level, clauses });
const show = (pairs: HeadingPair[]) => pairs.map((p) => `${p.kind} ${p.older ? `${p.older.role}:${p.older.id}` : '-'}>${p.newer ? `${p.newer.role}:${p.newer.id}` : '-'}`);
const run = (older: HeadingInput[], newer: HeadingInput[], extra: { olderLines?: Array<{ id: string; text: string }>; newerLines?: Array<{ id: string; text: string }>; clausePairs?: Array<{ from: string[]; to: string[] }> } = {}) =>
  show(alignHeadings({ older: { headings: older, lines: extra.olderLines ?? [] }, newer: { headings: newer, lines: extra.newerLines ?? [] }, clausePairs: extra.clausePairs ?? [] }));

describe('alignHeadings', () => {
  it('pairs headings in order: equal ones same, a heading that gained words reworded, others added and dropped', () => {
    expect(run(
      [h('a', '1. Using the service'), h('b', '2. Fees'), h('c', '3. Privacy of your data'), h('d', '4. Contact')],
      [h('a', '1. Using the service'), h('b', '2. Fees, taxes and refunds'), h('x', 'Warranty of the lamps'), h('d', '4. Contact')]
    )).toEqual(['same heading:a>heading:a', 'reworded heading:b>heading:b', 'added ->heading:x', 'same heading:d>heading:d', 'dropped heading:c>-']);
  });

  it('a heading that moved ahead of another keeps the order for one and is moved for the other', () => {
    const pairs = run([h('a', 'Billing and payment terms'), h('b', 'Warranty of the lamps')], [h('b', 'Warranty of the lamps'), h('a', 'Billing and payment terms')]);
    expect(pairs.filter((p) => p.startsWith('same'))).toHaveLength(1);
    expect(pairs.filter((p) => p.startsWith('moved'))).toHaveLength(1);
    expect(pairs.filter((p) => p.startsWith('added') || p.startsWith('dropped'))).toEqual([]);
    // Unlike headings out of order stay apart.
    const apart = run([h('a', 'Billing and payment terms'), h('b', 'Warranty of the lamps')], [h('b', 'Warranty of the lamps'), h('c', 'Privacy of your data')]);
    expect(apart).toEqual(['same heading:b>heading:b', 'added ->heading:c', 'dropped heading:a>-']);
  });

  it('pairs a renamed heading by the clauses its section keeps, even with no word in common', () => {
    const older = [h('a', 'Overview', ['a.1']), h('b', 'Your content', ['b.1', 'b.2', 'b.3'])];
    const newer = [h('a', 'Overview', ['a.1']), h('z', 'What you upload', ['z.1', 'z.2', 'z.3'])];
    const clausePairs = [{ from: ['a.1'], to: ['a.1'] }, { from: ['b.1'], to: ['z.1'] }, { from: ['b.2'], to: ['z.2'] }, { from: ['b.3'], to: ['z.3'] }];
    expect(run(older, newer, { clausePairs })).toEqual(['same heading:a>heading:a', 'reworded heading:b>heading:z']);
    // Without the shared clauses the two are different parts.
    expect(run(older, newer)).toEqual(['same heading:a>heading:a', 'added ->heading:z', 'dropped heading:b>-']);
  });

  it('a heading that changed level only has moved', () => {
    expect(run([h('a', 'Overview'), h('b', 'Cancellation', [], 2)], [h('a', 'Overview'), h('b', 'Cancellation', [], 3)])).toEqual(['same heading:a>heading:a', 'moved heading:b>heading:b']);
  });

  it('a body line that became a heading, and a heading that became a body line, pair with it', () => {
    expect(run([h('a', 'Overview')], [h('a', 'Overview'), h('t', 'Termination')], { olderLines: [{ id: 'p.1', text: 'Termination' }, { id: 'q.1', text: 'We may end the service.' }] }))
      .toEqual(['same heading:a>heading:a', 'moved text:p.1>heading:t']);
    expect(run([h('a', 'Overview'), h('t', 'Termination of service')], [h('a', 'Overview')], { newerLines: [{ id: 'p.1', text: 'Termination of the service' }] }))
      .toEqual(['same heading:a>heading:a', 'reworded heading:t>text:p.1']);
  });

  it('leaves a heading alone when no line is like it', () => {
    expect(run([h('a', 'Overview')], [h('a', 'Overview'), h('t', 'Termination')], { olderLines: [{ id: 'q.1', text: 'We may end the service at any time.' }] }))
      .toEqual(['same heading:a>heading:a', 'added ->heading:t']);
  });
});
