/** Formatting helpers shared by pages: dates and counts in plain English. */

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date as "4 February 2022".
 *
 * @param iso date as YYYY-MM-DD.
 */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${months[(month ?? 1) - 1]} ${year}`;
}

/**
 * "1 clause", "3 clauses".
 *
 * @param count how many.
 * @param noun singular noun.
 * @param plural plural noun, when not noun + s.
 */
export function plural(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}
