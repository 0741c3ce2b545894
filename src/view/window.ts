/**
 * Index pages past a threshold: a page that draws every statement of a series as a
 * column (the provision index, topic pages, the formula tracker, the clause graph)
 * shows the latest statements only, and says so, so that no page grows with the
 * square of the corpus. Earlier statements stay on their own pages and in the open data.
 */

/** How many statements an index page draws as columns. */
export const indexColumns = 12;

/** How many statements the clause graph draws as columns (each column draws every clause, twice: wide and narrow). */
export const graphColumns = 6;

/** How many statements a topic page draws as columns (its cells hold the clauses' text). */
export const topicColumns = 6;

/** How many rows an index page lists before it continues on the next page. */
export const indexRows = 250;

/**
 * The latest `max` of some statements (all of them when there are no more), in their order.
 *
 * @param statements statements in date order.
 * @param max the most to keep.
 */
export function latestOf<T>(statements: readonly T[], max = indexColumns): T[] {
  return statements.slice(Math.max(0, statements.length - max));
}

/**
 * The pages of a list: `size` items each, at least one page.
 *
 * @param items the list.
 * @param size items per page.
 */
export function pagesOf<T>(items: readonly T[], size = indexRows): T[][] {
  const pages: T[][] = [];
  for (let at = 0; at < items.length; at += size) pages.push(items.slice(at, at + size));
  return pages.length > 0 ? pages : [[]];
}
