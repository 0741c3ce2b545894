import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../src/lib/analyse/diff.ts';
import { changeSpans, churnedRuns } from '../../src/lib/eval/diff-quality.ts';
import { DEFAULT_RATES, perturb, syntheticClauses } from '../../src/lib/eval/perturb.ts';

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

const deleted = (parts: { op: string; text: string }[]): string => parts.filter((p) => p.op === 'delete').map((p) => p.text).join('|');
const inserted = (parts: { op: string; text: string }[]): string => parts.filter((p) => p.op === 'insert').map((p) => p.text).join('|');
const kept = (parts: { op: string; text: string }[]): string[] => parts.filter((p) => p.op === 'equal').map((p) => p.text);

describe('wordDiff reads as a reader would mark it up', () => {
  // 2024 Beijing and 2025 Moscow, ¶ wwii-outcomes (second sentence).
  const older = 'They will "protect the world\'s anti-fascist memorial facilities", condemn the glorification of Nazism and militarism, and jointly mark the 80th anniversary of the victory in 2025.';
  const newer = 'They condemn the glorification of Nazism, the rise of neo-Nazism and the revival of militarism and racism.';

  it('keeps "condemn the glorification of Nazism" whole and unchanged when it stands in both versions', () => {
    const d = wordDiff(older, newer);
    expect(kept(d.parts)).toContain('condemn the glorification of Nazism');
    expect(deleted(d.parts)).not.toMatch(/glorification|condemn/);
    expect(inserted(d.parts)).not.toMatch(/glorification|condemn/);
    expect(churnedRuns(d.parts)).toBe(0);
  });

  it('does not anchor on stop words between rewritten passages', () => {
    const d = wordDiff(older, newer);
    // The plain word diff keeps "the", " of " and "and" as islands inside the rewritten tail; none of them stands alone here.
    for (const text of kept(d.parts)) expect(text.trim()).not.toMatch(/^(the|of|and|,)$/i);
    expect(changeSpans(d.parts)).toBe(2);
  });

  it('folds a stop-word gap between two changes into one change', () => {
    const d = wordDiff('The sides agreed to strengthen cooperation.', 'The sides decided to enhance cooperation.');
    expect(d.parts).toEqual([
      { op: 'equal', text: 'The sides ' },
      { op: 'delete', text: 'agreed to strengthen' },
      { op: 'insert', text: 'decided to enhance' },
      { op: 'equal', text: ' cooperation.' },
    ]);
  });

  it('never folds a run of three content words into a change', () => {
    const d = wordDiff(
      'The leaders resolutely condemned unilateral sanctions imposed without Security Council approval yesterday.',
      'The ministers firmly rejected unilateral sanctions imposed without any mandate from the Council today.',
    );
    expect(kept(d.parts).join('|')).toContain('unilateral sanctions imposed without');
    expect(churnedRuns(d.parts)).toBe(0);
  });

  it('keeps a small content equality when the changes around it are small', () => {
    const d = wordDiff('Both sides support peace and oppose sanctions.', 'Both parties support peace and reject sanctions.');
    expect(kept(d.parts).join('|')).toContain('support peace and');
    expect(changeSpans(d.parts)).toBe(2);
  });

  it('shows no unchanged run of three content words deleted and re-inserted on a perturbed statement, in fewer spans than before', () => {
    const clauses = syntheticClauses(120, 7);
    const text = new Map(clauses.map((c) => [c.id, c.text]));
    const { clauses: newer, truth } = perturb(clauses, DEFAULT_RATES, 3, 'p');
    const newText = new Map(newer.map((c) => [c.id, c.text]));
    let pairs = 0;
    for (const pair of truth) {
      if (!pair.from.length || !pair.to.length) continue;
      const a = pair.from.map((id) => text.get(id)!).join(' ');
      const b = pair.to.map((id) => newText.get(id)!).join(' ');
      if (a === b) continue;
      pairs++;
      const d = wordDiff(a, b);
      expect(churnedRuns(d.parts)).toBe(0);
      expect(join(d.parts, 'delete')).toBe(a);
      expect(join(d.parts, 'insert')).toBe(b);
    }
    expect(pairs).toBeGreaterThan(10);
  });
});

describe('diff quality measures', () => {
  it('changeSpans counts runs of changed parts', () => {
    expect(changeSpans([{ op: 'equal', text: 'a ' }, { op: 'delete', text: 'b' }, { op: 'insert', text: 'c' }, { op: 'equal', text: ' d ' }, { op: 'insert', text: 'e' }])).toBe(2);
  });

  it('churnedRuns finds three content words shown deleted and re-inserted, across spans and stop words', () => {
    const parts = [
      { op: 'delete' as const, text: 'condemn the glorification of Nazism' },
      { op: 'equal' as const, text: ' and ' },
      { op: 'insert' as const, text: 'they condemn the glorification of Nazism' },
    ];
    expect(churnedRuns(parts)).toBe(1);
    expect(churnedRuns([{ op: 'delete', text: 'condemn glorification' }, { op: 'insert', text: 'condemn glorification' }])).toBe(0);
  });
});
