import { describe, expect, it } from 'vitest';
import { align } from '../../src/lib/align/align.ts';
import { DEFAULT_RATES, linksOf, perturb, syntheticClauses } from '../../src/lib/eval/perturb.ts';
import type { AlignedPair, Clause, Formula } from '../../src/lib/model/types.ts';
import { clause } from './statements.ts';

/** Clauses from texts; ids deliberately carry no structure the aligner could use. */
function clauses(statementId: string, texts: string[], sections: string[] = []): Clause[] {
  return texts.map((text, k) => clause({ id: `${statementId}:${(k * 7919) % 10007}`, statementId, text, sectionKey: sections[k] ?? 'main', paragraphKey: `q${k}` }));
}

const ids = (cs: Clause[], ...ks: number[]): string[] => ks.map((k) => cs[k]!.id);
const find = (pairs: AlignedPair[], olderId: string | undefined, newerId?: string): AlignedPair | undefined =>
  pairs.find((p) => (olderId === undefined || p.from.includes(olderId)) && (newerId === undefined || p.to.includes(newerId)));

const BASE = [
  'The two sides agreed to deepen the comprehensive strategic partnership of coordination.',
  'Both parties support the peaceful settlement of the Korean Peninsula issue through dialogue.',
  'The leaders welcomed the growth of bilateral trade in agricultural products and energy.',
  'The sides will strengthen cooperation on lunar exploration and satellite navigation systems.',
  'Both countries oppose unilateral sanctions that lack a basis in international law.',
  'The parties agreed to hold the next summit in Beijing at a mutually convenient time.',
];

describe('align', () => {
  it('align(a, a) pairs unchanged clauses as same, in order, with score 1', () => {
    const a = clauses('old', BASE);
    const b = clauses('new', BASE.map((t) => t.toUpperCase().replace(/\./g, ' .')));
    const pairs = align(a, b);
    expect(pairs.map((p) => p.kind)).toEqual(BASE.map(() => 'same'));
    expect(pairs.map((p) => [p.from, p.to])).toEqual(BASE.map((_, k) => [[a[k]!.id], [b[k]!.id]]));
    expect(pairs.every((p) => p.score === 1)).toBe(true);
  });

  it('align(a, b) reports a reworded clause in place with a score below 1', () => {
    const a = clauses('old', BASE);
    const texts = [...BASE];
    texts[2] = 'The leaders warmly welcomed the steady growth of bilateral trade in agricultural goods and energy.';
    const b = clauses('new', texts);
    const pairs = align(a, b);
    const p = find(pairs, a[2]!.id, b[2]!.id);
    expect(p?.kind).toBe('reworded');
    expect(p!.score).toBeGreaterThan(0.4);
    expect(p!.score).toBeLessThan(1);
  });

  it('align(a, b) finds a clause moved to another section', () => {
    const a = clauses('old', BASE, ['s1', 's1', 's1', 's2', 's2', 's2']);
    const order = [0, 1, 2, 3, 5, 4].map((k) => BASE[k]!);
    order.splice(0, 0, order.splice(4, 1)[0]!); // clause 5 now opens the text, in another section
    const b = clauses('new', order, ['s0', 's1', 's1', 's1', 's2', 's2']);
    const pairs = align(a, b);
    const moved = pairs.filter((p) => p.kind === 'moved');
    expect(moved).toHaveLength(1);
    expect(moved[0]!.from).toEqual(ids(a, 5));
    expect(moved[0]!.to).toEqual(ids(b, 0));
    expect(pairs.filter((p) => p.kind === 'same')).toHaveLength(5);
  });

  it('align(a, b) reports a split of one clause into consecutive clauses', () => {
    const a = clauses('old', [
      BASE[0]!,
      'The sides will expand cooperation in nuclear energy, and they will jointly build research reactors in third countries.',
      BASE[2]!,
    ]);
    const b = clauses('new', [
      BASE[0]!,
      'The sides will expand cooperation in nuclear energy.',
      'They will jointly build research reactors in third countries.',
      BASE[2]!,
    ]);
    const pairs = align(a, b);
    const p = find(pairs, a[1]!.id);
    expect(p?.kind).toBe('split');
    expect(p?.to).toEqual(ids(b, 1, 2));
    expect(pairs).toHaveLength(3);
  });

  it('align(a, b) reports a split into two places far apart, when the stray part is mostly inside the older clause', () => {
    const a = clauses('old', [
      'China supports Russia in protecting its sovereignty and territorial integrity, and opposes outside interference in Russia\'s internal affairs.',
      ...BASE,
    ]);
    const b = clauses('new', [
      'The Parties support each other in protecting their sovereignty and territorial integrity.',
      ...BASE,
      'China opposes outside interference in Russia\'s internal affairs.',
    ]);
    const pairs = align(a, b);
    const p = find(pairs, a[0]!.id);
    expect(p?.kind).toBe('split');
    expect(p?.to).toEqual(ids(b, 0, BASE.length + 1));
    // Everything else still pairs one to one and in order.
    for (let k = 1; k <= BASE.length; k++) expect(find(pairs, a[k]!.id, b[k]!.id)?.kind).toBe('same');
  });

  it('align(a, b) reports two consecutive clauses merged into one', () => {
    const a = clauses('old', [
      BASE[0]!,
      'The sides will expand cooperation in nuclear energy.',
      'They will jointly build research reactors in third countries.',
      BASE[2]!,
    ]);
    const b = clauses('new', [
      BASE[0]!,
      'The sides will expand cooperation in nuclear energy and jointly build research reactors in third countries.',
      BASE[2]!,
    ]);
    const pairs = align(a, b);
    const p = find(pairs, undefined, b[1]!.id);
    expect(p?.kind).toBe('merged');
    expect(p?.from).toEqual(ids(a, 1, 2));
  });

  it('align(a, b) reports dropped and added clauses, each dropped one where it used to be', () => {
    const a = clauses('old', BASE);
    const b = clauses('new', [
      BASE[0]!,
      BASE[1]!,
      BASE[3]!,
      'The two sides will open a joint centre for glacier research in the Arctic.',
      BASE[4]!,
      BASE[5]!,
    ]);
    const pairs = align(a, b);
    expect(pairs.map((p) => p.kind)).toEqual(['same', 'same', 'dropped', 'same', 'added', 'same', 'same']);
    expect(pairs[2]!.from).toEqual(ids(a, 2));
    expect(pairs[2]!.score).toBe(0);
    expect(pairs[4]!.to).toEqual(ids(b, 3));
  });

  it('align(a, b) places a leading dropped clause first', () => {
    const a = clauses('old', BASE);
    const b = clauses('new', BASE.slice(1));
    const pairs = align(a, b);
    expect(pairs[0]).toEqual({ kind: 'dropped', from: ids(a, 0), to: [], score: 0 });
  });

  it('align(a, b) keeps order: pairs follow the newer statement', () => {
    const a = clauses('old', BASE);
    const b = clauses('new', [BASE[3]!, BASE[0]!, BASE[1]!, BASE[2]!, BASE[4]!, BASE[5]!]);
    const pairs = align(a, b);
    expect(pairs.flatMap((p) => p.to)).toEqual(b.map((c) => c.id));
    // One clause moved, not five: the order of the rest is kept.
    expect(pairs.filter((p) => p.kind === 'moved').map((p) => p.from)).toEqual([ids(a, 3)]);
  });

  it('align(a, b) prefers the in-order partner among repeated clauses', () => {
    const rep = 'The two sides agreed as follows.';
    const a = clauses('old', [BASE[0]!, rep, BASE[1]!, BASE[2]!, rep, BASE[3]!]);
    const b = clauses('new', [BASE[0]!, BASE[1]!, BASE[2]!, rep, BASE[3]!]);
    const pairs = align(a, b);
    expect(find(pairs, a[4]!.id)?.kind).toBe('same');
    expect(find(pairs, a[1]!.id)?.kind).toBe('dropped');
  });

  it('align(a, b, { formulas }) scores clauses that differ only in a formula variant as equal', () => {
    const formulas: Formula[] = [
      { id: 'one-china', label: 'One China', topic: 't', patterns: ['one[- ]china principle', 'one[- ]china policy'] },
    ];
    const a = clauses('old', ['Russia reaffirms its support for the one-China principle.', BASE[0]!, BASE[1]!]);
    const b = clauses('new', [BASE[0]!, BASE[1]!, 'Russia reaffirms its support for the one China policy.']);
    const withLexicon = find(align(a, b, { formulas }), a[0]!.id, b[2]!.id);
    const without = find(align(a, b), a[0]!.id, b[2]!.id);
    expect(withLexicon?.kind).toBe('moved');
    expect(withLexicon!.score).toBeGreaterThan(0.99);
    expect(without!.score).toBeLessThan(0.95);
  });

  it('align(a, b) follows a moved block into a weakly similar neighbour', () => {
    const block = [
      'The Parties are seriously concerned about missile defence deployments in Northeast Asia.',
      'They call on the United States to stop seeking one-sided military advantage.',
    ];
    const a = clauses('old', [...block, ...BASE]);
    const b = clauses('new', [
      ...BASE,
      'The Parties are seriously concerned about missile defence deployments in Northeast Asia and Europe.',
      'They urge the United States to abandon its quest for military advantage.',
    ]);
    const pairs = align(a, b);
    expect(find(pairs, a[0]!.id, b[6]!.id)?.kind).toBe('moved');
    const weak = find(pairs, a[1]!.id, b[7]!.id);
    expect(weak?.kind).toBe('moved');
    expect(weak!.score).toBeLessThan(0.5);
  });

  it('align(a, b) matches reworded clauses that share a rare topic', () => {
    const a = clauses('old', [
      ...BASE.slice(0, 3),
      'The Parties will continue mutually beneficial cooperation with the countries of Central Asia.',
      ...BASE.slice(3),
    ]);
    const b = clauses('new', [
      'The Parties will work for stability and progressive social development in the Central Asian region.',
      ...BASE,
    ]);
    // Without tags the pair is too weak to link out of order; the shared rare topic carries it.
    expect(find(align(a, b), a[3]!.id, b[0]!.id)).toBeUndefined();
    const tagged = (cs: Clause[], k: number): Clause[] => cs.map((c, q) => (q === k ? { ...c, topics: ['central-asia'] } : { ...c, topics: ['partnership'] }));
    const pair = find(align(tagged(a, 3), tagged(b, 0)), a[3]!.id, b[0]!.id);
    expect(pair?.kind).toBe('moved');
    expect(pair?.to).toEqual(ids(b, 0));
  });

  it('align(a, b) does not link leftovers that share only a common topic', () => {
    const a = clauses('old', [...BASE, 'The Parties will hold a festival of folk music in Kazan.'].map((t) => t));
    const b = clauses('new', ['The Parties welcome the railway link to the port of Vladivostok.', ...BASE]);
    const all = (cs: Clause[]): Clause[] => cs.map((c) => ({ ...c, topics: ['partnership'] }));
    const pairs = align(all(a), all(b));
    expect(find(pairs, a[6]!.id)?.kind).toBe('dropped');
    expect(find(pairs, undefined, b[0]!.id)?.kind).toBe('added');
  });

  it('align(a, b) pairs a paragraph rewritten in place when the two share a rare tag or resemble as passages', () => {
    /** One paragraph: clauses at positions 0, 1, … (the aligner sees positions, never the key). */
    const paragraph = (statementId: string, key: string, texts: string[], topics: string[]): Clause[] =>
      texts.map((text, k) => clause({ id: `${statementId}:${key}.${k + 1}`, statementId, text, paragraphKey: key, index: k, topics }));
    const before = syntheticClauses(40, 21, 'o');
    const after = syntheticClauses(40, 22, 'o').map((c) => ({ ...c, id: `${c.id}b` }));
    const copy = (cs: Clause[]): Clause[] => cs.map((c) => ({ ...c, id: `n${c.id}` }));
    const statements = (topics: string[]): [Clause[], Clause[]] => [
      [
        ...before,
        ...paragraph('o', 'kazan', ['The Parties will hold a festival of folk music in Kazan.'], []),
        ...paragraph('o', 'x', [
          'The Parties oppose the intimidation of Pyongyang by outside powers, which risks armed incidents in the region.',
          'Sanctions and pressure ought to end, and conditions for talks on the peninsula be created.',
        ], topics),
        ...after,
      ],
      [
        ...copy(before),
        ...paragraph('n', 'x', [
          'The Parties want a purely political and diplomatic settlement on the peninsula.',
          'The states concerned should give up coercive measures and pressure against Pyongyang and stop militarising the northeast of Asia.',
        ], topics),
        ...paragraph('n', 'rail', ['The Parties welcome the railway link to the port of Vladivostok.'], []),
        ...copy(after),
      ],
    ];
    const linked = (pairs: AlignedPair[]): string[] =>
      pairs.filter((p) => p.from.length && p.to.length && p.from.some((id) => /:(x|kazan)\./.test(id))).map((p) => `${p.from} → ${p.to}`).sort();
    // Sentence by sentence the two paragraphs share little; as wholes, with a tag on 2 of 164 clauses, they pair.
    const [older, newer] = statements(['korea']);
    expect(linked(align(older, newer))).toEqual(['o:x.1 → n:x.2', 'o:x.2 → n:x.1']);
    expect(linked(align(older, newer, { tuning: { maxParagraphTagShare: 0 } }))).toEqual([]);
    // No shared tag, or a tag every clause carries: no evidence, both stay dropped and added.
    expect(linked(align(...statements([])))).toEqual([]);
    // Untagged paragraphs pair when they resemble each other as whole passages must (minPassage,
    // lowered here); without the tag's weight only the closest sentence pair clears the bar inside.
    expect(linked(align(...statements([]), { tuning: { minPassage: 0.1, minParagraph: 0.1 } }))).toEqual(['o:x.2 → n:x.1']);
    const common = (cs: Clause[]): Clause[] => cs.map((c) => ({ ...c, topics: ['korea'] }));
    expect(linked(align(common(older), common(newer)))).toEqual([]);
  });

  it('align(a, b) prefers the partner whose neighbours moved with it', () => {
    const a = clauses('old', [
      ...BASE,
      'The Parties are seriously concerned about the new military alliance and its submarine programme.',
      'They call on its members to keep their non-proliferation commitments.',
      'The Parties are seriously concerned about growing military ties in the Asia-Pacific region.',
    ]);
    const b = clauses('new', [
      'The Parties are seriously concerned about the new military alliance and its impact on the Asia-Pacific region.',
      'They call on its members to honour their non-proliferation commitments.',
      ...BASE,
    ]);
    const pairs = align(a, b);
    expect(find(pairs, a[6]!.id)?.to).toEqual(ids(b, 0));
    expect(find(pairs, a[7]!.id)?.to).toEqual(ids(b, 1));
  });

  it('align(a, b) handles empty inputs', () => {
    const a = clauses('old', BASE.slice(0, 2));
    expect(align([], [])).toEqual([]);
    expect(align(a, []).map((p) => p.kind)).toEqual(['dropped', 'dropped']);
    expect(align([], a).map((p) => p.kind)).toEqual(['added', 'added']);
  });

  it('align(a, b) covers every clause exactly once', () => {
    const older = syntheticClauses(300, 3, 'o');
    const { clauses: newer } = perturb(older, DEFAULT_RATES, 11);
    const pairs = align(older, newer);
    const from = pairs.flatMap((p) => p.from).sort();
    const to = pairs.flatMap((p) => p.to);
    expect(from).toEqual(older.map((c) => c.id).sort());
    expect(to).toEqual(newer.map((c) => c.id));
    for (const p of pairs) expect(p.score).toBeGreaterThanOrEqual(0), expect(p.score).toBeLessThanOrEqual(1);
  });

  it('align(a, b) recovers perturbation truth with F1 above 0.9', () => {
    const older = syntheticClauses(500, 5, 'o');
    const { clauses: newer, truth } = perturb(older, DEFAULT_RATES, 13);
    const gold = linksOf(truth);
    const pred = linksOf(align(older, newer));
    let tp = 0;
    for (const l of pred) if (gold.has(l)) tp++;
    const f1 = (2 * tp) / (gold.size + pred.size);
    expect(f1).toBeGreaterThan(0.9);
  });
});
