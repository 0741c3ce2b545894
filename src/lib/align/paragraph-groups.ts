/**
 * Paragraph-level splits and merges, found in a finished alignment.
 *
 * The aligner pairs clauses; when a provision's sentences stay the same but go to two
 * paragraphs, every clause pairs `same` and the page would show nothing. The change is the
 * paragraph break, and a reader wants it as one group: "this paragraph was split in two".
 *
 * Paragraphs linked by clause pairs form groups (connected parts of the graph of older and
 * newer paragraphs). A group is a paragraph split when it holds one older paragraph and two or
 * more newer ones, a merge when it holds two or more older paragraphs and one newer one, and
 * in both cases:
 *
 * - every clause of its paragraphs is in one of its pairs (nothing dropped or added there: a
 *   provision that lost a sentence and gained a break is shown row by row);
 * - its pairs keep the order (none moved) and are consecutive in display order, so the group
 *   is one row where its rows stood;
 * - its paragraphs are consecutive on each side.
 *
 * Worked example: older ¶ buyers = b1 b2 b3 b4; newer ¶ buyers = b1 b2, ¶ refused = b3 b4.
 * The four pairs are same, in order, consecutive; the group {buyers} → {buyers, refused} is a
 * split. The reverse alignment gives a merge.
 *
 * A paragraph rewritten across its sentences is a group too (`rewritten`): one older and one
 * newer paragraph whose pairs include two neighbours that both changed, one of them a sentence
 * dropped, added, split or merged. Its changes run over sentence boundaries (words of one old
 * sentence went into the next new one), so sentence rows would show one change in pieces; the
 * paragraph as one row shows each change whole. Worked example: older ¶ refunds = r1 r2, newer
 * ¶ refunds = r1' where r1' takes the start of r1 and the end of r2: the aligner pairs r2 → r1'
 * (reworded) and drops r1, two changed neighbours, so ¶ refunds is one rewritten row. A
 * paragraph with one reworded sentence, or one added at its end, stays row by row.
 *
 * A new paragraph of several sentences is one group (`added`), and so is a paragraph that is
 * gone (`dropped`): one change, one row, not a row a sentence. New paragraphs next to each other
 * (nothing kept between them, in display and in reading order) are one group too: the word diff
 * sees one change there.
 */
import type { AlignedPair, Clause } from '../model/types.ts';

/** A paragraph split or merge: the pairs it groups (indices, ascending) and the paragraph keys of each side in order. */
export type ParagraphGroup = { kind: 'split' | 'merged' | 'rewritten' | 'added' | 'dropped'; pairs: number[]; older: string[]; newer: string[] };

const inOrderKinds = new Set<AlignedPair['kind']>(['same', 'reworded', 'split', 'merged']);
// Pairs whose sentences changed shape: a change next to one of them may cross a sentence boundary.
const reshaped = new Set<AlignedPair['kind']>(['added', 'dropped', 'split', 'merged']);
const rewrittenKinds = new Set<AlignedPair['kind']>([...inOrderKinds, 'added', 'dropped']);

/**
 * The paragraph splits and merges of an alignment.
 *
 * @param pairs the aligned pairs in display order.
 * @param older the older clauses in reading order; @param newer the newer ones.
 */
export function paragraphGroups(pairs: readonly AlignedPair[], older: readonly Clause[], newer: readonly Clause[]): ParagraphGroup[] {
  const olderParagraph = new Map(older.map((clause) => [clause.id, clause.paragraphKey]));
  const newerParagraph = new Map(newer.map((clause) => [clause.id, clause.paragraphKey]));
  const olderOrder = orderOf(older);
  const newerOrder = orderOf(newer);
  // Union-find over paragraph nodes ("o:key", "n:key"), joined by each pair.
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    let root = node;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    // Path compression: every node on the way points at the root.
    for (let at = node; at !== root; ) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    if (!parent.has(root)) parent.set(root, root);
    return root;
  };
  const join = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  pairs.forEach((pair) => {
    const nodes = [...pair.from.map((id) => `o:${olderParagraph.get(id)}`), ...pair.to.map((id) => `n:${newerParagraph.get(id)}`)];
    nodes.forEach((node) => find(node));
    for (let k = 1; k < nodes.length; k++) join(nodes[0]!, nodes[k]!);
  });
  const members = new Map<string, { pairs: number[]; older: Set<string>; newer: Set<string> }>();
  pairs.forEach((pair, at) => {
    const node = pair.from[0] !== undefined ? `o:${olderParagraph.get(pair.from[0])}` : `n:${newerParagraph.get(pair.to[0]!)}`;
    const root = find(node);
    const group = members.get(root) ?? { pairs: [], older: new Set<string>(), newer: new Set<string>() };
    group.pairs.push(at);
    pair.from.forEach((id) => group.older.add(olderParagraph.get(id)!));
    pair.to.forEach((id) => group.newer.add(newerParagraph.get(id)!));
    members.set(root, group);
  });
  const groups: ParagraphGroup[] = [];
  // Paragraphs all new (or all gone), merged below when they stand next to each other.
  const wholes: ParagraphGroup[] = [];
  for (const group of members.values()) {
    const kind = group.older.size === 1 && group.newer.size > 1 ? 'split' : group.older.size > 1 && group.newer.size === 1 ? 'merged' : group.older.size === 1 && group.newer.size === 1 && rewritten(group.pairs, pairs) ? 'rewritten' : whole(group, pairs);
    if (!kind) continue;
    if (kind === 'added' || kind === 'dropped') {
      if (group.pairs.some((at, k) => k > 0 && at !== group.pairs[k - 1]! + 1)) continue;
      wholes.push({ kind, pairs: group.pairs, older: [...group.older], newer: [...group.newer] });
      continue;
    }
    if (!group.pairs.every((at) => (kind === 'rewritten' ? rewrittenKinds : inOrderKinds).has(pairs[at]!.kind))) continue;
    if (group.pairs.some((at, k) => k > 0 && at !== group.pairs[k - 1]! + 1)) continue;
    const olderKeys = consecutive(group.older, olderOrder);
    const newerKeys = consecutive(group.newer, newerOrder);
    if (!olderKeys || !newerKeys) continue;
    groups.push({ kind, pairs: group.pairs, older: olderKeys, newer: newerKeys });
  }
  // Runs stay inside a section: a new section's paragraphs go with its own heading.
  const sectionOf = new Map([...older.map((clause) => [`o:${clause.paragraphKey}`, clause.sectionKey] as const), ...newer.map((clause) => [`n:${clause.paragraphKey}`, clause.sectionKey] as const)]);
  const runs = mergedWholes(wholes, olderOrder, newerOrder, (kind, key) => sectionOf.get(`${kind === 'added' ? 'n' : 'o'}:${key}`));
  const across = rewrittenRuns(pairs, [...groups, ...runs], olderParagraph, newerParagraph, olderOrder, newerOrder, (kind, key) => sectionOf.get(`${kind}:${key}`));
  // A run rewritten across paragraphs takes in the whole paragraphs (added or dropped) inside it.
  const taken = new Set(across.flatMap((group) => group.pairs));
  const untaken = (group: ParagraphGroup) => !group.pairs.some((at) => taken.has(at));
  return [...groups.filter(untaken), ...runs.filter(untaken), ...across].sort((a, b) => a.pairs[0]! - b.pairs[0]!);
}

/**
 * Passages rewritten where the paragraph rule does not reach: runs of pairs next to each other in
 * display order, none of them the same or moved, with two neighbours that both changed, one of
 * them reshaped (as in a paragraph rewritten), whose clauses on each side stand in consecutive
 * paragraphs of one section. Paragraphs merged or split while their sentences were rewritten, a
 * sentence gone and a new paragraph in its place, a rewritten stretch of a long list whose other
 * items moved: the word diff sees one change there, so the page shows it as one row (the run,
 * not the whole paragraph). A run all new (or all gone) is one Added (Dropped) row when it runs
 * over a paragraph break: sentences added at the end of a paragraph and a new paragraph after
 * it. Pairs already in a split, merge or paragraph rewritten stay there; a run of whole new or
 * gone paragraphs inside such a passage joins it.
 */
function rewrittenRuns(
  pairs: readonly AlignedPair[],
  grouped: readonly ParagraphGroup[],
  olderParagraph: ReadonlyMap<string, string>,
  newerParagraph: ReadonlyMap<string, string>,
  olderOrder: ReturnType<typeof orderOf>,
  newerOrder: ReturnType<typeof orderOf>,
  sectionOf: (side: 'o' | 'n', key: string) => string | undefined
): ParagraphGroup[] {
  const inGroup = new Map<number, ParagraphGroup>();
  for (const group of grouped) for (const at of group.pairs) inGroup.set(at, group);
  // Blocks in display order: a paragraph rewritten or a run of whole paragraphs is one block (taken
  // whole or not at all), any other pair one of its own; a block joins a run when it changed.
  const blocks: number[][] = [];
  for (let at = 0; at < pairs.length; ) {
    const group = inGroup.get(at);
    const block = group && group.kind !== 'split' && group.kind !== 'merged' && group.pairs[0] === at && group.pairs.every((p, k) => p === at + k) ? group.pairs : [at];
    blocks.push(block);
    at += block.length;
  }
  const changed = (at: number) => pairs[at]!.kind !== 'same' && pairs[at]!.kind !== 'moved';
  const free = (block: readonly number[]) => {
    const group = inGroup.get(block[0]!);
    return group ? block.length === group.pairs.length && group.kind !== 'split' && group.kind !== 'merged' : changed(block[0]!);
  };
  const out: ParagraphGroup[] = [];
  const keysOf = (run: readonly number[]) => ({
    older: new Set(run.flatMap((k) => pairs[k]!.from.map((id) => olderParagraph.get(id)!))),
    newer: new Set(run.flatMap((k) => pairs[k]!.to.map((id) => newerParagraph.get(id)!)))
  });
  // A stretch of paragraphs consecutive on each side and inside one section on each side.
  const placed = (run: readonly number[]) => {
    const keys = keysOf(run);
    const olderInOrder = consecutive(keys.older, olderOrder);
    const newerInOrder = consecutive(keys.newer, newerOrder);
    if (!olderInOrder || !newerInOrder) return undefined;
    if (new Set(olderInOrder.map((key) => sectionOf('o', key))).size > 1 || new Set(newerInOrder.map((key) => sectionOf('n', key))).size > 1) return undefined;
    return { older: olderInOrder, newer: newerInOrder };
  };
  const emit = (run: readonly number[]) => {
    if (run.length < 2 || !rewritten(run, pairs)) return;
    // One block alone is already its group.
    if (inGroup.has(run[0]!) && inGroup.get(run[0]!)!.pairs.length === run.length) return;
    const keys = keysOf(run);
    // All new (or all gone): one row when it runs over a paragraph break (whole paragraphs are mergedWholes').
    const whole = run.every((k) => pairs[k]!.kind === 'added') ? 'added' : run.every((k) => pairs[k]!.kind === 'dropped') ? 'dropped' : undefined;
    if (whole && (whole === 'added' ? keys.newer : keys.older).size < 2) return;
    const where = placed(run);
    if (where) out.push({ kind: whole ?? 'rewritten', pairs: [...run], older: where.older, newer: where.newer });
  };
  // Runs of free blocks that touch (the last pair of one and the first of the next both changed),
  // cut where the stretch would leave its consecutive paragraphs or its section.
  let run: number[] = [];
  for (const block of blocks) {
    const touches = run.length > 0 && changed(run[run.length - 1]!) && changed(block[0]!);
    if (!free(block) || (run.length > 0 && (!touches || !placed([...run, ...block])))) {
      emit(run);
      run = free(block) ? [...block] : [];
      continue;
    }
    run.push(...block);
  }
  emit(run);
  return out;
}

// Two neighbouring pairs of one paragraph that both changed, one of them reshaped (dropped, added, split, merged).
function rewritten(members: readonly number[], pairs: readonly AlignedPair[]): boolean {
  return members.some((at, k) => {
    if (k === 0 || at !== members[k - 1]! + 1) return false;
    const [a, b] = [pairs[members[k - 1]!]!.kind, pairs[at]!.kind];
    return a !== 'same' && b !== 'same' && (reshaped.has(a) || reshaped.has(b));
  });
}

// A paragraph of two or more sentences, all of them new (or all gone): one change, so one row.
function whole(group: { pairs: number[]; older: Set<string>; newer: Set<string> }, pairs: readonly AlignedPair[]): 'added' | 'dropped' | undefined {
  if (group.older.size === 0 && group.newer.size === 1 && group.pairs.every((at) => pairs[at]!.kind === 'added')) return 'added';
  if (group.older.size === 1 && group.newer.size === 0 && group.pairs.every((at) => pairs[at]!.kind === 'dropped')) return 'dropped';
  return undefined;
}

// Runs of whole paragraphs of one kind, next to each other in display and in reading order, as one
// group each; a run of one paragraph of one sentence is a plain row, no group.
function mergedWholes(wholes: ParagraphGroup[], olderOrder: ReturnType<typeof orderOf>, newerOrder: ReturnType<typeof orderOf>, sectionOf: (kind: ParagraphGroup['kind'], key: string) => string | undefined): ParagraphGroup[] {
  const runs: ParagraphGroup[] = [];
  for (const group of [...wholes].sort((a, b) => a.pairs[0]! - b.pairs[0]!)) {
    const last = runs[runs.length - 1];
    const side = group.kind === 'added' ? 'newer' : 'older';
    const order = group.kind === 'added' ? newerOrder : olderOrder;
    const previous = last?.[side][last[side].length - 1];
    const next = last && previous !== undefined && last.kind === group.kind && group.pairs[0] === last.pairs[last.pairs.length - 1]! + 1 && order.at.get(group[side][0]!) === order.at.get(previous)! + 1 && sectionOf(group.kind, group[side][0]!) === sectionOf(group.kind, previous);
    if (next) {
      last.pairs.push(...group.pairs);
      last[side].push(...group[side]);
    } else runs.push({ ...group, pairs: [...group.pairs], older: [...group.older], newer: [...group.newer] });
  }
  return runs.filter((run) => run.pairs.length > 1);
}

// Paragraph keys in reading order, and the place of each.
function orderOf(clauses: readonly Clause[]): { keys: string[]; at: Map<string, number> } {
  const keys: string[] = [];
  const at = new Map<string, number>();
  for (const clause of clauses) {
    if (at.has(clause.paragraphKey)) continue;
    at.set(clause.paragraphKey, keys.length);
    keys.push(clause.paragraphKey);
  }
  return { keys, at };
}

// The keys in reading order when they are consecutive paragraphs, else undefined.
function consecutive(keys: ReadonlySet<string>, order: { keys: string[]; at: Map<string, number> }): string[] | undefined {
  const at = [...keys].map((key) => order.at.get(key) ?? -1).sort((a, b) => a - b);
  if (at.some((index, k) => index < 0 || (k > 0 && index !== at[k - 1]! + 1))) return undefined;
  return at.map((index) => order.keys[index]!);
}
