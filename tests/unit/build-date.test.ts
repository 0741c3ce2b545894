import { describe, expect, it } from 'vitest';
import { checkDay } from '../../src/data/build-date.ts';
import { parseStatement } from '../../src/lib/content/parse.ts';

const statement = (date: string) => `---\ntitle: T\nshortTitle: T\ndate: ${date}\nplace: P\nseries: test\nkind: joint-statement\nedition: full\nsources:\n  - label: S\n    url: https://example.org/\n---\n\nThe Parties met. {#met}\n`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('"today" of the date-in-future check', () => {
  it('is the real date, not the last commit\'s', () => {
    const now = new Date(Date.UTC(2026, 11, 2, 9));
    expect(checkDay({}, now)).toBe('2026-12-02');
  });

  it('is SOURCE_DATE_EPOCH when set, for reproducible builds', () => {
    expect(checkDay({ SOURCE_DATE_EPOCH: String(Date.UTC(2024, 4, 17) / 1000) }, new Date(Date.UTC(2026, 0, 1)))).toBe('2024-05-17');
  });

  it('is the day the build script handed on, when given', () => {
    expect(checkDay({ SUMMIT_DIFF_TODAY: '2025-03-04', SOURCE_DATE_EPOCH: '1' })).toBe('2025-03-04');
  });

  it('accepts a statement signed yesterday and refuses one dated tomorrow, naming today', () => {
    const today = checkDay({});
    expect(today).toBe(day(0));
    const yesterday = parseStatement({ path: 'statements/t.md', text: statement(day(-1)) }, { today });
    expect(yesterday.diagnostics).toEqual([]);
    const tomorrow = parseStatement({ path: 'statements/t.md', text: statement(day(1)) }, { today });
    expect(tomorrow.diagnostics.map((d) => `${d.rule}: ${d.message}`)).toEqual([`date-in-future: the statement is dated ${day(1)}, after today (${day(0)})`]);
  });
});
