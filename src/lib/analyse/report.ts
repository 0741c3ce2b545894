/**
 * Findings for a pair of statements: what changed, counted by kind, by
 * formula and by topic, and the changes worth a headline, each pointing to the
 * compare-page row that shows it.
 */
import type { AlignKind, AlignedPair, Clause, DocumentedNote, Formula, Headline, PairReport, Statement, Topic } from '../model/types.ts';
import { byDateThenId, clausesOf } from './graph.ts';
import { claimedChanges, classifyPairs, evidenceClasses, type EvidenceClass, type RowEvidence } from './evidence.ts';

/** Every kind of aligned pair, in the order pages list them. */
export const alignKinds: readonly AlignKind[] = ['same', 'reworded', 'moved', 'split', 'merged', 'dropped', 'added'];

/** The anchors of one compare row: `id` is the row's own id, `anchors` every other name that leads to it. */
export type RowAnchors = { id: string; anchors: string[] };

/** The anchors of a compare page: one entry per aligned pair, and the id of each newer section's heading. */
export type PageAnchors = { rows: RowAnchors[]; sections: Record<string, string> };

/**
 * Report what changed from `older` to `newer`, claiming only what the evidence supports
 * (evidence.ts): counts by evidence class, formulas dropped and introduced only where the
 * rows that hold them are evidence of it, and headlines from evidence alone.
 *
 * @param older the older statement.
 * @param newer the newer statement.
 * @param pairs `align(older, newer)` in display order.
 * @param formulas the formula lexicon (labels).
 * @param topics the topic taxonomy (labels, order).
 * @param history statements of the series before `newer` (any order), for "present since"; defaults to `[older]`.
 * @param companions other statements signed the same day as `newer` (a provision or formula may have moved there).
 * @param evidence the evidence of each pair (classifyPairs); computed without a source registry when absent.
 */
export function reportPair(
  older: Statement,
  newer: Statement,
  pairs: readonly AlignedPair[],
  formulas: readonly Formula[],
  topics: readonly Topic[],
  history: readonly Statement[] = [older],
  companions: readonly Statement[] = [],
  evidence: readonly RowEvidence[] = classifyPairs(pairs, { older, newer, registry: new Map(), companions })
): PairReport {
  const alignerCounts = Object.fromEntries(alignKinds.map((kind) => [kind, 0])) as Record<AlignKind, number>;
  for (const pair of pairs) alignerCounts[pair.kind]++;
  const counts = Object.fromEntries(evidenceClasses.map((kind) => [kind, 0])) as Record<EvidenceClass, number>;
  for (const row of evidence) counts[row.class]++;

  const context = pairContext(older, newer, pairs, evidence, formulas, history);
  const formulaChanges = changedFormulas(context, companions);
  const { headlines, documentedRows } = documentedHeadlines(context);
  headlines.push(...quoteHeadlines(context, documentedRows));
  const formulaAnchors: Record<string, string> = {};
  headlines.push(...formulaHeadlines(context, formulaChanges, companions, documentedRows, formulaAnchors));
  const topicRows = topicChanges(context, topics);
  headlines.push(...topicHeadlines(context, topicRows));
  headlines.sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text));

  return {
    older: older.id,
    newer: newer.id,
    counts,
    moved: evidence.filter((row) => row.moved).length,
    alignerCounts,
    formulas: formulaChanges,
    formulaAnchors,
    topics: topicRows.map(({ topic, droppedPairs, addedPairs, changedPairs }) => ({ topic: topic.id, dropped: droppedPairs.length, added: addedPairs.length, changed: changedPairs.length })),
    headlines
  };
}

/** What every step of a pair's report reads: the two statements, the rows and their evidence, and lookups over them. */
type PairContext = {
  older: Statement;
  newer: Statement;
  pairs: readonly AlignedPair[];
  evidence: readonly RowEvidence[];
  formulas: readonly Formula[];
  olderClauses: Map<string, Clause>;
  newerClauses: Map<string, Clause>;
  /** Each row's element id on the compare page, in the order of `pairs`. */
  rowIds: string[];
  /** The series' statements before `newer`, oldest first, `older` included. */
  earlier: Statement[];
};

function pairContext(older: Statement, newer: Statement, pairs: readonly AlignedPair[], evidence: readonly RowEvidence[], formulas: readonly Formula[], history: readonly Statement[]): PairContext {
  return {
    older,
    newer,
    pairs,
    evidence,
    formulas,
    olderClauses: new Map(clausesOf(older).map((clause) => [clause.id, clause])),
    newerClauses: new Map(clausesOf(newer).map((clause) => [clause.id, clause])),
    rowIds: anchorPage(pairs, older, newer).rows.map((row) => row.id),
    earlier: [...history, older].filter((statement, at, all) => statement.id !== newer.id && all.findIndex((s) => s.id === statement.id) === at).sort(byDateThenId)
  };
}

const labelOf = (context: PairContext, id: string) => quoteLabel(context.formulas.find((formula) => formula.id === id)?.label ?? id);
const salienceOf = (context: PairContext, id: string) => context.formulas.find((formula) => formula.id === id)?.salience ?? 1;

/** A row weighs as much as the most salient formula either side holds. */
function rowSalience(context: PairContext, at: number): number {
  const pair = context.pairs[at]!;
  const clauses = [...pair.from.map((id) => context.olderClauses.get(id)), ...pair.to.map((id) => context.newerClauses.get(id))];
  return Math.max(1, ...clauses.flatMap((clause) => clause?.formulas ?? []).map((id) => salienceOf(context, id)));
}

/** The index of the first row whose older side holds formula `id`. */
const holdsInOlder = (context: PairContext, id: string) => (pair: AlignedPair) => pair.from.some((clauseId) => context.olderClauses.get(clauseId)?.formulas.includes(id));

/**
 * Which formulas the newer statement drops, introduces, keeps or leaves to a
 * same-day statement, claiming a drop or an introduction only where the rows
 * holding the formula are evidence of it; the rest is undocumented.
 */
function changedFormulas(context: PairContext, companions: readonly Statement[]): PairReport['formulas'] {
  const { older, newer, pairs, evidence, formulas } = context;
  const olderFormulas = formulasIn(older);
  const newerFormulas = formulasIn(newer);
  // Lexicon order first, then formulas the lexicon does not list (sorted).
  const lexiconOrder = (ids: Iterable<string>) => {
    const set = new Set(ids);
    return formulas.map((formula) => formula.id).filter((id) => set.has(id)).concat([...set].filter((id) => !formulas.some((f) => f.id === id)).sort());
  };
  // The evidence classes of the rows holding a formula on one side.
  const classesHolding = (id: string, side: 'from' | 'to'): Set<EvidenceClass> => {
    const clauses = side === 'from' ? context.olderClauses : context.newerClauses;
    return new Set(pairs.flatMap((pair, at) => (pair[side].some((clauseId) => clauses.get(clauseId)?.formulas.includes(id)) ? [evidence[at]!.class] : [])));
  };
  const gone = [...olderFormulas].filter((id) => !newerFormulas.has(id));
  const come = [...newerFormulas].filter((id) => !olderFormulas.has(id));
  // A formula is dropped only where a row holding it is a documented drop or a changed quote; moved where a same-day statement has it.
  const movedTo = lexiconOrder(gone.filter((id) => companions.some((statement) => formulasIn(statement).has(id))));
  // A complete text's silence is evidence too: what it lacks, it lacks.
  const dropped = lexiconOrder(gone.filter((id) => !movedTo.includes(id) && (newer.complete || isEvidenceOfLoss(classesHolding(id, 'from')))));
  const introduced = lexiconOrder(come.filter((id) => older.complete || [...classesHolding(id, 'to')].some((kind) => kind === 'added' || kind === 'changed')));
  const kept = lexiconOrder([...olderFormulas].filter((id) => newerFormulas.has(id)));
  const undocumentedNewer = lexiconOrder(gone.filter((id) => !dropped.includes(id) && !movedTo.includes(id)));
  const undocumentedOlder = lexiconOrder(come.filter((id) => !introduced.includes(id)));
  return { dropped, introduced, kept, movedTo, undocumentedNewer, undocumentedOlder };
}

/**
 * What a cited source documents (an omission, a change or an addition), in the
 * editors' words: one headline per note, at its first row. The rows returned
 * need no other headline.
 */
function documentedHeadlines(context: PairContext): { headlines: Headline[]; documentedRows: Set<number> } {
  const headlines: Headline[] = [];
  const documentedRows = new Set<number>();
  const documentedNotes = new Set<DocumentedNote>();
  context.evidence.forEach((row, at) => {
    if (row.basis !== 'documented' || !row.documented) return;
    documentedRows.add(at);
    // One note may cover several rows (a paragraph's sentences): one headline, at its first row.
    if (documentedNotes.has(row.documented)) return;
    documentedNotes.add(row.documented);
    const base = row.class === 'dropped' ? 200 : row.class === 'changed' ? 180 : 150;
    headlines.push({ text: `${context.newer.shortTitle}: ${row.documented.note}`, weight: base + 40 * (rowSalience(context, at) - 1), anchor: context.rowIds[at]!, basis: 'documented', source: row.documented.source });
  });
  return { headlines, documentedRows };
}

/** Comparable quotes that differ: the same rendering words it otherwise. */
function quoteHeadlines(context: PairContext, documentedRows: ReadonlySet<number>): Headline[] {
  const { older, newer, pairs } = context;
  const quote = (ids: readonly string[], clauses: Map<string, Clause>, ranges: Array<[number, number]>) => {
    const text = ids.map((id) => clauses.get(id)?.text ?? '').join(' ');
    return ranges.map(([from, to]) => `“${text.slice(from, to)}”`).join(', ');
  };
  return context.evidence.flatMap((row, at): Headline[] => {
    if (row.basis !== 'quotes' || documentedRows.has(at)) return [];
    const pair = pairs[at]!;
    const marks = row.marks === 'all' || row.marks === 'none' ? { older: [], newer: [] } : row.marks;
    const rendering = row.renderings?.newer.find((r) => row.renderings?.older.includes(r)) ?? '';
    return [
      {
        text: `${newer.shortTitle} has ${quote(pair.to, context.newerClauses, marks.newer)} where ${older.shortTitle} has ${quote(pair.from, context.olderClauses, marks.older)} (both in the ${renderingName(rendering)}).`,
        weight: 90 + 40 * (rowSalience(context, at) - 1),
        anchor: context.rowIds[at]!,
        basis: 'quotes'
      }
    ];
  });
}

/**
 * Headlines for formulas dropped, moved to a same-day statement, introduced and
 * (when salient) kept; fills `formulaAnchors` with the row each formula's
 * change is shown at. Rows already headlined by a documented note get none.
 */
function formulaHeadlines(context: PairContext, changes: PairReport['formulas'], companions: readonly Statement[], documentedRows: ReadonlySet<number>, formulaAnchors: Record<string, string>): Headline[] {
  const { older, newer, pairs, evidence, rowIds, earlier } = context;
  const headlines: Headline[] = [];
  const before = earlier.filter((statement) => byDateThenId(statement, older) <= 0);
  for (const id of changes.dropped) {
    // Anchor at the row that is the evidence of the loss, not merely the first row that holds the formula.
    const evidential = pairs.findIndex((pair, at) => holdsInOlder(context, id)(pair) && isEvidenceOfLoss(new Set([evidence[at]!.class])));
    const at = evidential >= 0 ? evidential : pairs.findIndex(holdsInOlder(context, id));
    if (at >= 0) formulaAnchors[id] = rowIds[at]!;
    if (documentedRows.has(at)) continue;
    const run = presenceRun(before, id);
    const since = run.length > 1 ? `present since ${run[0]!.shortTitle}` : `present in ${older.shortTitle}`;
    headlines.push({ text: `${newer.shortTitle} drops the formula ${labelOf(context, id)}, ${since}.`, weight: 100 + 10 * run.length + 40 * (salienceOf(context, id) - 1), anchor: at >= 0 ? rowIds[at]! : '', formula: id, basis: evidence[at]?.basis ?? 'complete' });
  }
  for (const id of changes.movedTo) {
    const companion = companions.find((statement) => formulasIn(statement).has(id))!;
    const holding = pairs.findIndex(holdsInOlder(context, id));
    if (holding >= 0) formulaAnchors[id] = rowIds[holding]!;
    // Headline grade only where the provision itself stands in the same-day statement (the row is `moved-to`); otherwise the summary lists it.
    const at = pairs.findIndex((pair, index) => holdsInOlder(context, id)(pair) && evidence[index]!.class === 'moved-to');
    if (at < 0) continue;
    headlines.push({
      text: `The formula ${labelOf(context, id)} moves from ${older.shortTitle} to ${companion.shortTitle}, signed the same day as ${newer.shortTitle}.`,
      weight: 40 + 20 * (salienceOf(context, id) - 1),
      anchor: rowIds[at]!,
      formula: id,
      basis: 'same-day'
    });
  }
  for (const id of changes.introduced) {
    const at = pairs.findIndex((pair) => pair.to.some((clauseId) => context.newerClauses.get(clauseId)?.formulas.includes(id)));
    if (at >= 0) formulaAnchors[id] = rowIds[at]!;
    if (documentedRows.has(at)) continue;
    const seen = earlier.filter((statement) => formulasIn(statement).has(id));
    const last = seen[seen.length - 1];
    const history = last ? `, last seen in ${last.shortTitle}` : ', new to the series';
    headlines.push({ text: `${newer.shortTitle} introduces the formula ${labelOf(context, id)}${history}.`, weight: (last ? 60 : 80) + 40 * (salienceOf(context, id) - 1), anchor: at >= 0 ? rowIds[at]! : '', formula: id, basis: evidence[at]?.basis ?? 'complete' });
  }
  // The continuity of a central formula is news too: it stands in every statement since it first appeared, with no evidence of change.
  // Salience 2 and up: a formula analysts weigh (the One-China principle) whose continuity is itself news.
  for (const id of changes.kept) {
    if (salienceOf(context, id) < 2) continue;
    const holding = pairs.flatMap((pair, at) => (pair.to.some((clauseId) => context.newerClauses.get(clauseId)?.formulas.includes(id)) ? [at] : []));
    if (holding.some((at) => claimedChanges.has(evidence[at]!.class))) continue;
    const run = presenceRun(before, id);
    if (run.length < 2) continue;
    headlines.push({ text: `${labelOf(context, id)} stands in every statement since ${run[0]!.shortTitle}, with no documented change.`, weight: 30 + 5 * run.length, anchor: holding.length ? rowIds[holding[0]!]! : '', formula: id, basis: 'kept' });
  }
  return headlines;
}

type TopicRow = { topic: Topic; droppedPairs: AlignedPair[]; addedPairs: AlignedPair[]; changedPairs: AlignedPair[] };

/** The topics with rows dropped, added or changed, in the taxonomy's order. */
function topicChanges(context: PairContext, topics: readonly Topic[]): TopicRow[] {
  const { pairs, evidence } = context;
  return topics
    .map((topic) => {
      const has = (ids: readonly string[], clauses: Map<string, { topics: string[] }>) => ids.some((clauseId) => clauses.get(clauseId)?.topics.includes(topic.id));
      const inOlder = (pair: AlignedPair) => has(pair.from, context.olderClauses);
      const inNewer = (pair: AlignedPair) => has(pair.to, context.newerClauses);
      const droppedPairs = pairs.filter((pair, at) => evidence[at]!.class === 'dropped' && inOlder(pair));
      const addedPairs = pairs.filter((pair, at) => evidence[at]!.class === 'added' && inNewer(pair));
      const changedPairs = pairs.filter((pair, at) => evidence[at]!.class === 'changed' && (inOlder(pair) || inNewer(pair)));
      return { topic, droppedPairs, addedPairs, changedPairs };
    })
    .filter((row) => row.droppedPairs.length + row.addedPairs.length + row.changedPairs.length > 0);
}

/** A topic with two or more rows dropped (or added) is a headline. */
function topicHeadlines(context: PairContext, topicRows: readonly TopicRow[]): Headline[] {
  const { older, newer, pairs, rowIds } = context;
  const rowOf = (target: AlignedPair): string => {
    const at = pairs.indexOf(target);
    return at >= 0 ? rowIds[at]! : '';
  };
  const headlines: Headline[] = [];
  for (const { topic, droppedPairs, addedPairs } of topicRows) {
    if (droppedPairs.length >= 2) {
      headlines.push({ text: `${newer.shortTitle} has no counterpart for ${droppedPairs.length} clauses of ${older.shortTitle} on “${topic.label}”.`, weight: 10 * droppedPairs.length, anchor: rowOf(droppedPairs[0]!), topic: topic.id, basis: 'complete' });
    }
    if (addedPairs.length >= 2) {
      headlines.push({ text: `${newer.shortTitle} adds ${addedPairs.length} clauses on “${topic.label}” that ${older.shortTitle} does not have.`, weight: 8 * addedPairs.length, anchor: rowOf(addedPairs[0]!), topic: topic.id, basis: 'complete' });
    }
  }
  return headlines;
}

function isEvidenceOfLoss(classes: Set<EvidenceClass>): boolean {
  return classes.has('dropped') || classes.has('changed');
}

/** A rendering id in words: `xinhua-en` → "Xinhua English", `zh` → "Chinese original". */
export function renderingName(rendering: string): string {
  const languages: Record<string, string> = { en: 'English', zh: 'Chinese', ru: 'Russian', fr: 'French', de: 'German', es: 'Spanish', ar: 'Arabic' };
  if (languages[rendering]) return `${languages[rendering]} original`;
  const match = /^(.*)-([a-z]{2})$/.exec(rendering);
  const outlet = (match?.[1] ?? rendering).split('-').map((word) => (word.length <= 4 ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1))).join(' ');
  const outletName = /^(KREMLIN|XINHUA|SPEIR)$/.test(outlet) ? outlet[0] + outlet.slice(1).toLowerCase() : outlet;
  return match ? `${outletName} ${languages[match[2]!] ?? match[2]} rendering` : `${outletName} rendering`;
}

/**
 * Name every row of a compare page so that `#<clause-id>` and `#<paragraph-key>`
 * of either statement lead to the row that holds it. Names are claimed in
 * this order, first come first served: newer clause ids, newer paragraph keys,
 * newer section keys (for headings), older clause ids, older paragraph keys.
 * A row left without a name gets `older-<clause-id>`.
 *
 * @param pairs `align(older, newer)` in display order.
 * @param older the older statement.
 * @param newer the newer statement.
 */
export function anchorPage(pairs: readonly AlignedPair[], older: Statement, newer: Statement): PageAnchors {
  const taken = new Set<string>();
  const names: string[][] = pairs.map(() => []);
  const claim = (at: number, name: string) => {
    if (taken.has(name)) return;
    taken.add(name);
    names[at]!.push(name);
  };
  const olderKey = new Map(clausesOf(older).map((clause) => [clause.id, clause.paragraphKey]));
  const newerKey = new Map(clausesOf(newer).map((clause) => [clause.id, clause.paragraphKey]));
  pairs.forEach((pair, at) => pair.to.forEach((id) => claim(at, id)));
  pairs.forEach((pair, at) => pair.to.forEach((id) => claim(at, newerKey.get(id) ?? id)));
  const sections: Record<string, string> = {};
  for (const section of newer.sections) {
    const id = taken.has(section.key) ? `section-${section.key}` : section.key;
    taken.add(id);
    sections[section.key] = id;
  }
  pairs.forEach((pair, at) => pair.from.forEach((id) => claim(at, id)));
  pairs.forEach((pair, at) => pair.from.forEach((id) => claim(at, olderKey.get(id) ?? id)));
  const rows = pairs.map((pair, at) => {
    const own = names[at]!;
    const id = own.find((name) => name.includes('.')) ?? `older-${pair.from[0] ?? pair.to[0] ?? at}`;
    return { id, anchors: own.filter((name) => name !== id) };
  });
  return { rows, sections };
}

/**
 * True for every kind but `same`: the rows "Next change" visits.
 *
 * @param kind the kind of an aligned pair.
 */
export function isChange(kind: AlignKind): boolean {
  return kind !== 'same';
}

/**
 * A formula label in curly quotes, its own straight quotes made single.
 *
 * @param label the label from the lexicon.
 */
export function quoteLabel(label: string): string {
  let open = true;
  const inner = label.replace(/"/g, () => ((open = !open) ? '’' : '‘'));
  return `“${inner}”`;
}

function formulasIn(statement: Statement): Set<string> {
  return new Set(clausesOf(statement).flatMap((clause) => clause.formulas));
}

// The statements, ending with the last one, through which the formula stands without a break.
function presenceRun(earlier: readonly Statement[], formula: string): Statement[] {
  const run: Statement[] = [];
  for (let at = earlier.length - 1; at >= 0; at--) {
    if (!formulasIn(earlier[at]!).has(formula)) break;
    run.unshift(earlier[at]!);
  }
  return run;
}
