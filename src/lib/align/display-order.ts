/**
 * The order in which the site shows an alignment, written once for the aligner, the editors'
 * corrections and the compare page's "moved from here" rows.
 *
 * Rows come in the newer statement's order. A row that exists only on the older side (a
 * dropped clause, or the place a moved clause left) has no newer position, so it goes where
 * the reader of the older text met it: right after the row that holds the nearest older
 * clause before it. With no such row it leads.
 *
 * Worked example: older a b c d, newer B A D (b→B, a→A, d→D), c dropped.
 *
 *   rows in newer order: B, A, D; the older clause before c is b, held by row B.
 *   display order: B, c (dropped), A, D.
 */

/** An older-only row, with the older position it stands for. */
export type OlderOnly<T> = { older: number; item: T };

/**
 * Weave older-only rows into rows in newer order.
 *
 * @param rows rows in newer order.
 * @param rowOfOlder per older position, the index in `rows` of the row holding it, or -1.
 * @param olderOnly the older-only rows; those after the same row keep this order.
 */
export function displayOrder<R, T>(rows: readonly R[], rowOfOlder: ArrayLike<number>, olderOnly: ReadonlyArray<OlderOnly<T>>): Array<R | T> {
  // holderBefore[k]: the row holding the nearest older position before k (-1 when none).
  const holderBefore = new Int32Array(rowOfOlder.length + 1);
  let holder = -1;
  for (let k = 0; k <= rowOfOlder.length; k++) {
    holderBefore[k] = holder;
    if (k < rowOfOlder.length && rowOfOlder[k]! >= 0) holder = rowOfOlder[k]!;
  }
  const leading: T[] = [];
  const after = new Map<number, T[]>();
  for (const { older, item } of olderOnly) {
    const at = holderBefore[Math.min(Math.max(older, 0), rowOfOlder.length)]!;
    if (at < 0) leading.push(item);
    else {
      const list = after.get(at);
      if (list) list.push(item);
      else after.set(at, [item]);
    }
  }
  const out: Array<R | T> = [...leading];
  rows.forEach((row, at) => out.push(row, ...(after.get(at) ?? [])));
  return out;
}
