/**
 * Editorial corrections of the aligner (`alignments.yaml`): per pair of
 * statements, links to force and links to forbid. A link names a clause
 * (`taiwan.1`) or a whole paragraph (`taiwan`, all its clauses) on each side.
 * The aligner never reads keys; corrections are applied after it, and every
 * pair they change carries `edited: true`.
 */
import { z } from 'zod';
import { readYamlList } from './yaml-list.ts';
import type { AlignedPair, Diagnostic, Formula, Position, Statement } from '../model/types.ts';
import type { Source } from '../model/diagnostics.ts';
import { normalizedText } from '../align/normalize.ts';
import { pairSimilarity } from '../align/align.ts';
import { displayOrder } from '../align/display-order.ts';
import { clausesOf } from '../model/statement.ts';

/** One link of a correction, with the place it was written. */
export type CorrectionLink = { older: string; newer: string; position: Position };

/** The corrections of one pair of statements. */
export type Correction = {
  older: string;
  newer: string;
  force: CorrectionLink[];
  forbid: CorrectionLink[];
  position: Position;
};

const link = z.tuple([z.string().min(1), z.string().min(1)]);
const entrySchema = z.strictObject({
  older: z.string().min(1),
  newer: z.string().min(1),
  force: z.array(link).default([]),
  forbid: z.array(link).default([]),
  note: z.string().optional()
});

const hint = 'Write a list of entries `- { older: <id>, newer: <id>, force: [["key.1", "key.1"]], forbid: [["key.2", "other.1"]] }`; each link is [older clause or paragraph, newer clause or paragraph].';

/**
 * Read `alignments.yaml`.
 *
 * @param source the file, or undefined when the corpus has none.
 * @returns the corrections that are well-formed, and diagnostics with file:line:column.
 */
export function readCorrections(source: Source | undefined): { corrections: Correction[]; diagnostics: Diagnostic[] } {
  if (!source) return { corrections: [], diagnostics: [] };
  const { entries, diagnostics } = readYamlList(source, entrySchema, { rule: 'correction-invalid', hint });
  const corrections = entries.map(({ value, position, positionOf }): Correction => {
    const links = (name: 'force' | 'forbid'): CorrectionLink[] => value[name].map(([older, newer], index) => ({ older, newer, position: positionOf([name, index]) }));
    return { older: value.older, newer: value.newer, force: links('force'), forbid: links('forbid'), position };
  });
  return { corrections, diagnostics };
}

/**
 * Check that corrections name statements and clauses that exist.
 *
 * @param corrections from `readCorrections`.
 * @param statements the corpus.
 */
export function checkCorrections(corrections: Correction[], statements: Statement[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(statements.map((statement) => [statement.id, statement]));
  for (const correction of corrections) {
    const older = byId.get(correction.older);
    const newer = byId.get(correction.newer);
    for (const [side, id, statement] of [['older', correction.older, older], ['newer', correction.newer, newer]] as const) {
      if (!statement) diagnostics.push({ ...correction.position, rule: 'correction-unknown-statement', severity: 'error', message: `${side} statement \`${id}\` does not exist`, hint: `Use a statement id (the file name without .md): ${[...byId.keys()].join(', ')}.` });
    }
    if (!older || !newer) continue;
    if (older.date > newer.date) diagnostics.push({ ...correction.position, rule: 'correction-order', severity: 'error', message: `\`${older.id}\` (${older.date}) is newer than \`${newer.id}\` (${newer.date})`, hint: 'Swap `older` and `newer`, and each link with them.' });
    for (const item of [...correction.force, ...correction.forbid]) {
      for (const [side, reference, statement] of [['older', item.older, older], ['newer', item.newer, newer]] as const) {
        if (resolve(statement, reference).length === 0) {
          diagnostics.push({ ...item.position, rule: 'correction-unknown-clause', severity: 'error', message: `\`${reference}\` is not a clause or paragraph of the ${side} statement \`${statement.id}\``, hint: `Use a clause id such as \`${statement.sections[0]?.paragraphs[0]?.clauses[0]?.id ?? 'key.1'}\` (paragraph key, a dot, the clause number) or a paragraph key.` });
        }
      }
    }
  }
  return diagnostics;
}

/** The clause ids a reference names: one clause (`key.2`), or every clause of a paragraph (`key`). */
function resolve(statement: Statement, reference: string): string[] {
  for (const section of statement.sections) {
    for (const paragraph of section.paragraphs) {
      if (paragraph.key === reference) return paragraph.clauses.map((clause) => clause.id);
      const clause = paragraph.clauses.find((candidate) => candidate.id === reference);
      if (clause) return [clause.id];
    }
  }
  return [];
}

type Unit = AlignedPair;

/** A link resolved to clause ids. Two paragraphs of as many clauses pair clause by clause; otherwise every clause with every clause. */
function expandLinks(links: CorrectionLink[], older: Statement, newer: Statement): Array<{ from: string[]; to: string[]; position: Position }> {
  return links.flatMap((item) => {
    const from = resolve(older, item.older);
    const to = resolve(newer, item.newer);
    if (from.length === 0 || to.length === 0) return [];
    if (from.length > 1 && from.length === to.length) return from.map((id, index) => ({ from: [id], to: [to[index] ?? ''], position: item.position }));
    return [{ from, to, position: item.position }];
  });
}

/**
 * Corrections the aligner no longer needs, as warnings: a forced group it already
 * pairs exactly as written, or a forbidden link it does not make. Such an entry
 * changes nothing but marks rows "edited" that the editors did not change.
 *
 * @param pairs from `align(older clauses, newer clauses)`, before any correction.
 * @param corrections every correction of the corpus; only those for this pair count.
 * @param older the older statement.
 * @param newer the newer statement.
 */
export function staleCorrections(pairs: AlignedPair[], corrections: Correction[], older: Statement, newer: Statement): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const warn = (position: Position, message: string): void => {
    diagnostics.push({ ...position, rule: 'correction-redundant', severity: 'warning', message, hint: 'Remove the link: the aligner gets this right on its own now, and the compare page should mark as edited only what the editors changed.' });
  };
  const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((id) => b.includes(id));
  for (const correction of corrections.filter((c) => c.older === older.id && c.newer === newer.id)) {
    for (const item of expandLinks(correction.forbid, older, newer)) {
      const linked = item.from.some((a) => item.to.some((b) => pairs.some((pair) => pair.from.includes(a) && pair.to.includes(b))));
      if (!linked) warn(item.position, `the aligner does not link ${item.from.join(', ')} to ${item.to.join(', ')}, so forbidding it changes nothing`);
    }
    const forced = expandLinks(correction.force, older, newer);
    for (const group of groupLinks(forced.map((item) => [item.from, item.to]))) {
      if (!pairs.some((pair) => sameSet(pair.from, group.from) && sameSet(pair.to, group.to))) continue;
      const first = forced.find((item) => item.from.some((id) => group.from.includes(id)));
      warn(first?.position ?? correction.position, `the aligner already pairs ${group.from.join(', ')} with ${group.to.join(', ')}`);
    }
  }
  return diagnostics;
}

/**
 * Apply the corrections for one pair of statements to the aligner's pairs.
 * Forbidden links are cut (the clauses become dropped/added, or leave their
 * split or merge); forced links take their clauses out of whatever pair held
 * them and join them in one pair (a split or merge when a side has several).
 * Changed pairs get `edited: true`; the result keeps align()'s display order. A forced pair
 * is scored as the aligner scores its own (pairSimilarity), so "N% alike" means one thing.
 *
 * @param pairs from `align(older clauses, newer clauses)`.
 * @param corrections every correction of the corpus; only those for this pair apply.
 * @param older the older statement.
 * @param newer the newer statement.
 * @param options the formula lexicon given to align(), so forced pairs are weighed alike.
 * @returns the corrected pairs (the input itself when nothing applies).
 */
export function applyCorrections(pairs: AlignedPair[], corrections: Correction[], older: Statement, newer: Statement, options: { formulas?: Formula[] } = {}): AlignedPair[] {
  const relevant = corrections.filter((correction) => correction.older === older.id && correction.newer === newer.id);
  if (relevant.length === 0) return pairs;
  const olderClauses = clausesOf(older);
  const newerClauses = clausesOf(newer);
  const olderIndex = new Map(olderClauses.map((clause, index) => [clause.id, index]));
  const newerIndex = new Map(newerClauses.map((clause, index) => [clause.id, index]));
  const olderText = new Map(olderClauses.map((clause) => [clause.id, clause.text]));
  const newerText = new Map(newerClauses.map((clause) => [clause.id, clause.text]));
  let units: Unit[] = pairs.map((pair) => ({ ...pair, from: [...pair.from], to: [...pair.to] }));

  const expand = (links: CorrectionLink[]): Array<[string[], string[]]> => expandLinks(links, older, newer).map((item) => [item.from, item.to]);

  for (const [froms, tos] of expand(relevant.flatMap((correction) => correction.forbid))) cutLinks(units, froms, tos);

  // Force: linked clauses (transitively) form one pair.
  const forced = new Set<Unit>();
  const groups = groupLinks(expand(relevant.flatMap((correction) => correction.force)));
  for (const group of groups) {
    const olds = new Set(group.from);
    const news = new Set(group.to);
    for (const unit of units) {
      const from = unit.from.filter((id) => !olds.has(id));
      const to = unit.to.filter((id) => !news.has(id));
      if (from.length !== unit.from.length || to.length !== unit.to.length) {
        unit.from = from;
        unit.to = to;
        unit.edited = true;
      }
    }
    const unit: Unit = { kind: 'same', from: sortBy(group.from, olderIndex), to: sortBy(group.to, newerIndex), score: 0, edited: true };
    forced.add(unit);
    units.push(unit);
  }

  // Units emptied on one side fall apart into dropped and added clauses.
  units = units.flatMap((unit): Unit[] => {
    if (unit.from.length > 0 && unit.to.length > 0) return [unit];
    return [
      ...unit.from.map((id): Unit => ({ kind: 'dropped', from: [id], to: [], score: 0, ...(unit.edited ? { edited: true } : {}) })),
      ...unit.to.map((id): Unit => ({ kind: 'added', from: [], to: [id], score: 0, ...(unit.edited ? { edited: true } : {}) }))
    ];
  });

  // Kinds and scores of edited pairs, against the order of the unedited ones.
  const inOrder = units.filter((unit) => !unit.edited && (unit.kind === 'same' || unit.kind === 'reworded' || unit.kind === 'split' || unit.kind === 'merged'));
  for (const unit of units) {
    if (!unit.edited || unit.from.length === 0 || unit.to.length === 0) continue;
    if (forced.has(unit)) unit.score = pairSimilarity(olderClauses, newerClauses, indices(unit.from, olderIndex), indices(unit.to, newerIndex), options);
    settleKind(unit, inOrder, olderIndex, newerIndex, olderText, newerText);
  }
  return inDisplayOrder(units, olderIndex, newerIndex);
}

// Forbid: cut each link between the older clauses and the newer ones (in place); a clause cut loose is dropped or added.
function cutLinks(units: Unit[], froms: string[], tos: string[]): void {
  for (const a of froms) {
    for (const b of tos) {
      const unit = units.find((candidate) => candidate.from.includes(a) && candidate.to.includes(b));
      if (!unit) continue;
      unit.edited = true;
      if (unit.from.length > 1) {
        unit.from = unit.from.filter((id) => id !== a);
        units.push({ kind: 'dropped', from: [a], to: [], score: 0, edited: true });
      } else if (unit.to.length > 1) {
        unit.to = unit.to.filter((id) => id !== b);
        units.push({ kind: 'added', from: [], to: [b], score: 0, edited: true });
      } else {
        unit.to = [];
        units.push({ kind: 'added', from: [], to: [b], score: 0, edited: true });
      }
    }
  }
}

// The kind of an edited pair (in place): split, merged, or for one clause a side moved when it
// crosses an unedited in-order pair, else same (equal text, score 1) or reworded.
function settleKind(unit: Unit, inOrder: Unit[], olderIndex: Map<string, number>, newerIndex: Map<string, number>, olderText: Map<string, string>, newerText: Map<string, string>): void {
  if (unit.to.length > 1) unit.kind = 'split';
  else if (unit.from.length > 1) unit.kind = 'merged';
  else {
    const o = olderIndex.get(unit.from[0] ?? '') ?? 0;
    const n = newerIndex.get(unit.to[0] ?? '') ?? 0;
    const crosses = inOrder.some((other) => {
      const oo = olderIndex.get(other.from[0] ?? '') ?? 0;
      const nn = newerIndex.get(other.to[0] ?? '') ?? 0;
      return (oo < o && nn > n) || (oo > o && nn < n);
    });
    const exact = normalizedText(olderText.get(unit.from[0] ?? '') ?? '') === normalizedText(newerText.get(unit.to[0] ?? '') ?? '');
    if (exact) unit.score = 1;
    unit.kind = crosses ? 'moved' : exact ? 'same' : 'reworded';
  }
}

// Connected components of the force links (older and newer ids as nodes).
function groupLinks(links: Array<[string[], string[]]>): Array<{ from: string[]; to: string[] }> {
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    let root = node;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(node, root);
    return root;
  };
  const join = (a: string, b: string): void => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(find(a), find(b));
  };
  for (const [froms, tos] of links) for (const a of froms) for (const b of tos) join(`o\u0000${a}`, `n\u0000${b}`);
  const groups = new Map<string, { from: string[]; to: string[] }>();
  for (const node of parent.keys()) {
    const root = find(node);
    const group = groups.get(root) ?? { from: [], to: [] };
    const [side, id] = node.split('\u0000') as [string, string];
    (side === 'o' ? group.from : group.to).push(id);
    groups.set(root, group);
  }
  return [...groups.values()];
}

// align()'s display order (display-order.ts), by clause position on each side.
function inDisplayOrder(units: Unit[], olderIndex: Map<string, number>, newerIndex: Map<string, number>): AlignedPair[] {
  const first = (ids: string[], index: Map<string, number>): number => Math.min(...ids.map((id) => index.get(id) ?? Number.MAX_SAFE_INTEGER));
  const placed = units.filter((unit) => unit.to.length > 0).sort((a, b) => first(a.to, newerIndex) - first(b.to, newerIndex));
  const rowOfOlder = new Array<number>(olderIndex.size).fill(-1);
  placed.forEach((unit, row) => {
    for (const id of unit.from) {
      const at = olderIndex.get(id);
      if (at !== undefined) rowOfOlder[at] = row;
    }
  });
  const dropped = units.filter((unit) => unit.to.length === 0).sort((a, b) => first(a.from, olderIndex) - first(b.from, olderIndex));
  return displayOrder(placed, rowOfOlder, dropped.map((unit) => ({ older: first(unit.from, olderIndex), item: unit })));
}

function indices(ids: string[], index: Map<string, number>): number[] {
  return ids.map((id) => index.get(id) ?? -1).filter((at) => at >= 0);
}

function sortBy(ids: string[], index: Map<string, number>): string[] {
  return [...ids].sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0));
}
