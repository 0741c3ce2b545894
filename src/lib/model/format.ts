/** Formatting helpers shared by pages: dates and counts in plain English. */

// UTC throughout: an ISO date names a day, not an instant, so the machine's zone must not shift it.
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthDayYear = new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const monthName = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });

/** The English month names, January first (for reading dates written out in words). */
export const monthNames: readonly string[] = Array.from({ length: 12 }, (_, month) => monthName.format(Date.UTC(2000, month, 1)));

function utc(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

/**
 * A date as "4 February 2022".
 *
 * @param iso date as YYYY-MM-DD.
 */
export function formatDate(iso: string): string {
  return dayMonthYear.format(utc(iso));
}

/**
 * A date as "February 4, 2022" (the order of Chicago citations).
 *
 * @param iso date as YYYY-MM-DD.
 */
export function formatDateMonthFirst(iso: string): string {
  return monthDayYear.format(utc(iso));
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
