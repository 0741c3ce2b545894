/**
 * Phase 9b of the aligner (after far splits and merges): sandwiched leftovers, the structure-aware pairing of short lines.
 *
 * An address line whose company name changed, a date line, a list item or a caption shares
 * few words with its new version: "Acme Ltd, 1 Main Street" → "Acme Group plc, 1 Main Street"
 * is under the bars of the earlier phases (whether it pairs depends on a similarity near
 * 0.4, so it differs from document to document). What it does keep is its place. When the
 * clauses before and after it pair with each other, and exactly one older clause and one newer
 * clause are left between them, the two are the same line reworded, whatever their overlap:
 *
 *   older  …  Contact us:   Acme Ltd, 1 Main Street   Last updated 1 May.   …
 *   newer  …  Contact us:   Acme Group plc, 1 Main Street   Last updated 3 June.   …
 *                 (paired)        (left over, one each)         (paired)
 *
 * Conditions, each a reason the pair is not chance:
 *
 * - the older run between the two paired neighbours and the newer run between their partners
 *   hold one clause each; or two or three each, paired in order, when every line shares a word
 *   with its partner (a page that states its date line twice: "Effective: 3 March 2025" twice
 *   → "Effective: 9 June 2026" twice); two runs of different lengths, or lines that share
 *   nothing, would be a guess at which goes with which;
 * - the neighbours are one unit before and one unit after, each on the order chain and sure
 *   of itself (score ≥ sandwichMinNeighbour 0.5), so the slot is the same place in both texts
 *   (the start and end of a text count as neighbours). In the shipped digest, two quotes of
 *   different content beside a weak pair (0.24) would otherwise pair at 0.00;
 * - the two clauses sit in the same paragraph slot: each starts a paragraph or continues its
 *   neighbour's, alike on both sides, and each ends one or not, alike;
 * - both are lines, not provisions: at most sandwichMaxWords 16 words each. A long sentence
 *   replaced by another long sentence at the same place is more often a new provision than a
 *   rewording, and stays dropped plus added.
 *
 * A newer line in the slot that an earlier phase gave to a weak move from far away (a pair off
 * the order chain, under sandwichMinNeighbour, one clause a side) goes to the older line in its
 * own place when the two share a word, and the moved clause is dropped: "This policy takes
 * effect on 8 July 2026." at the top no longer pairs with "Effective 8 July 2026" at the foot
 * while "Effective 28 August 2025" stood there.
 *
 * The unit keeps the pair's real similarity as its score, so the page says how alike the two
 * lines are ("8% alike") and a reader sees the pairing rests on position.
 *
 * The same pass settles repeated lines. A line that stands twice in a row in one version and
 * once in the other ("close", a menu label a page saver left in the text) pairs with the first
 * of the copies, and the second is the one added or dropped, as a word diff of the two texts
 * says. Paired with the second, the page would show the first as new and the second as the
 * old line, one place off from what a reader sees changed:
 *
 *   older  close  We updated …          newer  close  close  We updated …
 *          paired with the first close; the second close is Added.
 */
import { wordCount } from '../lang/words.ts';
import { addUnit, copyMatching, orderChain, similarity, type Matching, type Problem } from './problem.ts';
import { normalizedText } from './normalize.ts';
import { byText } from './anchors.ts';
import type { Clause } from '../model/types.ts';

// The longest run of lines a side the phase pairs in order (a date line twice, an address of three lines).
const maxRun = 3;

/** Pair the older and newer clauses left between the same two in-order neighbours, one with one (or in order, see maxRun). */
export function sandwiched(problem: Problem, input: Matching): Matching {
  const matching = copyMatching(input);
  const { older, newer, tuning } = problem;
  if (older.length === 0 || newer.length === 0) return matching;
  const { inOrder } = orderChain(matching, newer.length);
  // Whether clause k is held by a unit on the order chain.
  const chained = (unitOf: Int32Array, k: number) => {
    const id = unitOf[k]!;
    return id >= 0 && inOrder[id] === true;
  };
  for (let i = 0; i < older.length; i++) {
    if (matching.olderUnit[i]! >= 0) continue;
    // The older run: the free clauses from i on, both neighbours held by chained units (or the text's ends).
    let n = 1;
    while (i + n < older.length && matching.olderUnit[i + n]! < 0) n++;
    const before = i - 1;
    const after = i + n;
    const skip = () => (i = after - 1);
    if (n > maxRun) {
      skip();
      continue;
    }
    if (before >= 0 && !chained(matching.olderUnit, before)) continue;
    if (after < older.length && !chained(matching.olderUnit, after)) continue;
    const beforeUnit = before >= 0 ? matching.units[matching.olderUnit[before]!]! : undefined;
    const afterUnit = after < older.length ? matching.units[matching.olderUnit[after]!]! : undefined;
    // The older neighbour must end its unit, and the next one start its own, so nothing of a unit lies on both sides.
    if (beforeUnit && beforeUnit.olds[beforeUnit.olds.length - 1] !== before) continue;
    if (afterUnit && afterUnit.olds[0] !== after) continue;
    // The neighbours are sure of their place: a weak pair beside the slot says little about it.
    if ((beforeUnit && beforeUnit.score < tuning.sandwichMinNeighbour) || (afterUnit && afterUnit.score < tuning.sandwichMinNeighbour)) continue;
    const j = (beforeUnit ? Math.max(...beforeUnit.news) : -1) + 1;
    const nextNewer = afterUnit ? Math.min(...afterUnit.news) : newer.length;
    // As many newer clauses between the partners, all free.
    if (nextNewer !== j + n || j + n > newer.length) continue;
    const pairs = Array.from({ length: n }, (_, k) => [i + k, j + k] as const);
    // One line a side whose newer line a weak move took from far away (not on the order chain,
    // under sandwichMinNeighbour): the line in its own place wins, when the two share a word.
    const taker = n === 1 && j < newer.length ? matching.newerUnit[j]! : -1;
    if (taker >= 0) {
      const unit = matching.units[taker]!;
      if (inOrder[taker] === true || unit.olds.length !== 1 || unit.news.length !== 1 || unit.score >= tuning.sandwichMinNeighbour) continue;
      if (!sameSlot(older, i, newer, j) || !isLine(older, i, tuning.sandwichMaxWords) || !isLine(newer, j, tuning.sandwichMaxWords)) continue;
      const score = similarity(problem, i, j);
      if (score <= 0) continue;
      matching.olderUnit[unit.olds[0]!] = -1;
      matching.olderUnit[i] = taker;
      unit.olds = [i];
      unit.score = score;
      skip();
      continue;
    }
    if (pairs.some(([, y]) => matching.newerUnit[y]! >= 0)) continue;
    if (!pairs.every(([x, y]) => sameSlot(older, x, newer, y) && isLine(older, x, tuning.sandwichMaxWords) && isLine(newer, y, tuning.sandwichMaxWords))) continue;
    // Two or more lines a side pair in order only when each shares a word with its partner: else which goes with which is a guess.
    const scores = pairs.map(([x, y]) => similarity(problem, x, y));
    if (n > 1 && scores.some((score) => score <= 0)) continue;
    pairs.forEach(([x, y], k) => addUnit(matching, [x], [y], scores[k]!));
    skip();
  }
  const chain = orderChain(matching, newer.length).inOrder;
  firstOfRepeats(matching, chain, { clauses: older, side: 'olds', unitOf: 'olderUnit' }, { side: 'news', unitOf: 'newerUnit' });
  firstOfRepeats(matching, chain, { clauses: newer, side: 'news', unitOf: 'newerUnit' }, { side: 'olds', unitOf: 'olderUnit' });
  return matching;
}

type Side = { side: 'olds' | 'news'; unitOf: 'olderUnit' | 'newerUnit' };

// A one-to-one pair moves to the first free copy of its clause on one side, after the last clause
// there that an in-order pair before it holds: the copy a word diff keeps.
function firstOfRepeats(matching: Matching, inOrder: readonly boolean[], moving: Side & { clauses: Clause[] }, other: Side): void {
  // Where each text stands on this side, in order: each clause is normalised once, and a clause
  // with no earlier copy is passed over at once (a long text of near-duplicates made this phase
  // quadratic when it looked back clause by clause).
  const texts = moving.clauses.map((clause) => normalizedText(clause.text));
  const positions = byText(texts);
  matching.units.forEach((unit, id) => {
    if (unit.olds.length !== 1 || unit.news.length !== 1) return;
    const k = unit[moving.side][0]!;
    // A unit a later phase let go of holds no clause any more.
    if (matching[moving.unitOf][k] !== id) return;
    const copies = positions.get(texts[k]!);
    if (!copies || copies[0]! >= k) return;
    // Where this side's copies may start: after the in-order pair nearest before it on the other side.
    let bound = -1;
    for (let y = unit[other.side][0]! - 1; y >= 0; y--) {
      const before = matching[other.unitOf][y]!;
      if (before >= 0 && inOrder[before] === true && before !== id) {
        bound = Math.max(...matching.units[before]![moving.side]);
        break;
      }
    }
    for (const at of copies) {
      if (at >= k) break;
      if (at <= bound || matching[moving.unitOf][at]! >= 0) continue;
      matching[moving.unitOf][k] = -1;
      matching[moving.unitOf][at] = id;
      unit[moving.side] = [at];
      break;
    }
  });
}

// The clause starts (and ends) a paragraph on one side exactly when its partner does on the other.
function sameSlot(older: Clause[], i: number, newer: Clause[], j: number): boolean {
  const starts = (list: Clause[], k: number) => k === 0 || list[k - 1]!.paragraphKey !== list[k]!.paragraphKey;
  const ends = (list: Clause[], k: number) => k === list.length - 1 || list[k + 1]!.paragraphKey !== list[k]!.paragraphKey;
  return starts(older, i) === starts(newer, j) && ends(older, i) === ends(newer, j);
}

// A line: an address line, a date line, a caption, a list item; not a provision's sentence.
function isLine(list: Clause[], k: number, maxWords: number): boolean {
  return wordCount(list[k]!.text) <= maxWords;
}
