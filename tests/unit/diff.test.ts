import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../src/lib/analyse/diff.ts';

const join = (parts: { op: string; text: string }[], keep: string): string =>
  parts.filter((p) => p.op === 'equal' || p.op === keep).map((p) => p.text).join('');

describe('wordDiff', () => {
  it('wordDiff(a, b) marks an inserted word and keeps the rest equal', () => {
    const d = wordDiff('The two sides agreed.', 'The two sides firmly agreed.');
    expect(d.replaced).toBe(false);
    expect(d.parts.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual(['firmly']);
    expect(d.parts.some((p) => p.op === 'delete')).toBe(false);
  });

  it('wordDiff(a, b) parts rebuild both texts', () => {
    const a = 'Both sides support the peaceful settlement of disputes, and oppose sanctions.';
    const b = 'Both parties back the peaceful settlement of all disputes and oppose unilateral sanctions.';
    const d = wordDiff(a, b);
    expect(join(d.parts, 'delete')).toBe(a);
    expect(join(d.parts, 'insert')).toBe(b);
  });

  it('wordDiff(a, b) merges adjacent parts of the same op', () => {
    const d = wordDiff('alpha beta gamma delta', 'alpha one two three delta');
    for (let k = 1; k < d.parts.length; k++) expect(d.parts[k]!.op).not.toBe(d.parts[k - 1]!.op);
  });

  it('wordDiff(a, a) is one equal part', () => {
    expect(wordDiff('same text', 'same text')).toEqual({ parts: [{ op: 'equal', text: 'same text' }], replaced: false });
  });

  it('wordDiff falls back to replaced on pathological input', () => {
    const words = (seed: number, n: number): string => {
      let x = seed;
      const out: string[] = [];
      for (let k = 0; k < n; k++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        out.push(`w${x % 100000}`);
      }
      return out.join(' ');
    };
    const a = words(1, 5000);
    const b = words(2, 5000);
    // How long it takes is a figure of npm run bench (pathological wordDiff), not a limit here.
    const d = wordDiff(a, b);
    expect(d.replaced).toBe(true);
    expect(d.parts).toEqual([
      { op: 'delete', text: a },
      { op: 'insert', text: b },
    ]);
  });
});
