import { describe, expect, it } from 'vitest';
import { formatDate, formatDateMonthFirst, monthNames, plural } from '../../src/lib/model/format.ts';

describe('format', () => {
  it('formatDate writes day, month name and year', () => {
    expect(formatDate('2022-02-04')).toBe('4 February 2022');
    expect(formatDate('2025-12-31')).toBe('31 December 2025');
    expect(formatDate('2024-01-01')).toBe('1 January 2024');
  });
  it('formatDateMonthFirst writes the month first, as Chicago citations do', () => {
    expect(formatDateMonthFirst('2025-03-05')).toBe('March 5, 2025');
  });
  it('monthNames lists the twelve English months in order', () => {
    expect(monthNames).toEqual(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);
  });
  it('plural counts in words', () => {
    expect(plural(1, 'clause')).toBe('1 clause');
    expect(plural(3, 'clause')).toBe('3 clauses');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });
});
