/**
 * Findings for a pair of statements: what changed, counted by kind, by
 * formula and by topic, and the changes worth a headline, each pointing to the
 * compare-page row that shows it.
 */
import type { AlignKind, AlignedPair, Formula, Headline, PairReport, Statement, Topic } from '../model/types.ts';
import { byDateThenId, clausesOf } from './graph.ts';

/** Every kind of aligned pair, in the order pages list them. */
export const alignKinds: readonly AlignKind[] = ['same', 'reworded', 'moved', 'split', 'merged', 'dropped', 'added'];

/** The anchors of one compare row: `id` is the row's own id, `anchors` every other name that leads to it. */
export type RowAnchors = { id: string; anchors: string[] };

/** The anchors of a compare page: one entry per aligned pair, and the id of each newer section's heading. */
export type PageAnchors = { rows: RowAnchors[]; sections: Record<string, string> };

/**
 * Report what changed from `older` to `newer`.
 *
 * @param older the older statement.
 * @param newer the newer statement.
 * @param pairs `align(older, newer)` in display order.
 * @param formulas the formula lexicon (labels).
 * @param topics the topic taxonomy (labels, order).
 * @param history statements of the series before `newer` (any order), for "present since"; defaults to `[older]`.
 * @param companions other statements signed the same day as `newer` (a dropped formula may have moved there).
 */
export function reportPair(
  older: Statement,
  newer: Statement,
  pairs: readonly AlignedPair[],
  formulas: readonly Formula[],
  topics: readonly Topic[],
  history: readonly Statement[] = [older],
  companions: readonly Statement[] = []
): PairReport {
  const counts = Object.fromEntries(alignKinds.map((kind) => [kind, 0])) as Record<AlignKind, number>;
  for (const pair of pairs) counts[pair.kind]++;

  const olderClauses = new Map(clausesOf(older).map((clause) => [clause.id, clause]));
  const newerClauses = new Map(clausesOf(newer).map((clause) => [clause.id, clause]));
  const olderFormulas = formulasIn(older);
  const newerFormulas = formulasIn(newer);
  const lexiconOrder = (ids: Set<string>) => formulas.map((formula) => formula.id).filter((id) => ids.has(id)).concat([...ids].filter((id) => !formulas.some((f) => f.id === id)).sort());
  const dropped = lexiconOrder(new Set([...olderFormulas].filter((id) => !newerFormulas.has(id))));
  const introduced = lexiconOrder(new Set([...newerFormulas].filter((id) => !olderFormulas.has(id))));
  const kept = lexiconOrder(new Set([...olderFormulas].filter((id) => newerFormulas.has(id))));

  const anchors = anchorPage(pairs, older, newer).rows;
  const rowOf = (test: (pair: AlignedPair) => boolean): string => {
    const at = pairs.findIndex(test);
    return at >= 0 ? anchors[at]!.id : '';
  };
  const label = (id: string) => quoteLabel(formulas.find((formula) => formula.id === id)?.label ?? id);
  const salienceOf = (id: string) => formulas.find((formula) => formula.id === id)?.salience ?? 1;
  const earlier = [...history, older].filter((statement, at, all) => statement.id !== newer.id && all.findIndex((s) => s.id === statement.id) === at).sort(byDateThenId);

  const headlines: Headline[] = [];
  for (const id of dropped) {
    const run = presenceRun(earlier.filter((statement) => byDateThenId(statement, older) <= 0), id);
    const since = run.length > 1 ? `present since ${run[0]!.shortTitle}` : `present in ${older.shortTitle}`;
    // A formula carried by a statement signed the same day has moved rather than gone.
    const companion = companions.find((statement) => formulasIn(statement).has(id));
    const where = companion ? ` (the same day’s ${companion.shortTitle} has it)` : '';
    headlines.push({
      text: `${newer.shortTitle} drops the formula ${label(id)}, ${since}${where}.`,
      weight: 100 + 10 * run.length + 40 * (salienceOf(id) - 1) - (companion ? 60 : 0),
      anchor: rowOf((pair) => pair.from.some((clauseId) => olderClauses.get(clauseId)?.formulas.includes(id))),
      formula: id
    });
  }
  for (const id of introduced) {
    const seen = earlier.filter((statement) => formulasIn(statement).has(id));
    const last = seen[seen.length - 1];
    const history = last ? `, last seen in ${last.shortTitle}` : ', new to the series';
    headlines.push({
      text: `${newer.shortTitle} introduces the formula ${label(id)}${history}.`,
      weight: (last ? 60 : 80) + 40 * (salienceOf(id) - 1),
      anchor: rowOf((pair) => pair.to.some((clauseId) => newerClauses.get(clauseId)?.formulas.includes(id))),
      formula: id
    });
  }

  const topicRows = topics
    .map((topic) => {
      const has = (ids: readonly string[], clauses: Map<string, { topics: string[] }>) => ids.some((clauseId) => clauses.get(clauseId)?.topics.includes(topic.id));
      const inOlder = (pair: AlignedPair) => has(pair.from, olderClauses);
      const inNewer = (pair: AlignedPair) => has(pair.to, newerClauses);
      const droppedPairs = pairs.filter((pair) => pair.kind === 'dropped' && inOlder(pair));
      const addedPairs = pairs.filter((pair) => pair.kind === 'added' && inNewer(pair));
      const changedPairs = pairs.filter((pair) => isChange(pair.kind) && pair.kind !== 'dropped' && pair.kind !== 'added' && (inOlder(pair) || inNewer(pair)));
      return { topic, droppedPairs, addedPairs, changedPairs };
    })
    .filter((row) => row.droppedPairs.length + row.addedPairs.length + row.changedPairs.length > 0);

  for (const { topic, droppedPairs, addedPairs } of topicRows) {
    if (droppedPairs.length >= 2) {
      headlines.push({
        text: `${newer.shortTitle} has no counterpart for ${droppedPairs.length} clauses of ${older.shortTitle} on “${topic.label}”.`,
        weight: 10 * droppedPairs.length,
        anchor: rowOf((pair) => pair === droppedPairs[0]),
        topic: topic.id
      });
    }
    if (addedPairs.length >= 2) {
      headlines.push({
        text: `${newer.shortTitle} adds ${addedPairs.length} clauses on “${topic.label}” that ${older.shortTitle} does not have.`,
        weight: 8 * addedPairs.length,
        anchor: rowOf((pair) => pair === addedPairs[0]),
        topic: topic.id
      });
    }
  }
  headlines.sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text));

  return {
    older: older.id,
    newer: newer.id,
    counts,
    formulas: { dropped, introduced, kept },
    topics: topicRows.map(({ topic, droppedPairs, addedPairs, changedPairs }) => ({ topic: topic.id, dropped: droppedPairs.length, added: addedPairs.length, changed: changedPairs.length })),
    headlines
  };
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
