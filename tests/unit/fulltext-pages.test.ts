/**
 * Every full-text fixture (tests/fixtures/fulltext/) through the pipeline a user runs
 * (import, keys, compare: tests/unit/fulltext-pipeline.ts) and scored as `npm run
 * eval:fulltext` scores a real document: the issue's targets hold on each small case —
 * no false change row, every change visible, and each change shown whole in one row.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreVersions } from './fulltext-pipeline.ts';

const root = join(import.meta.dirname, '..', 'fixtures', 'fulltext');
const cases = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'series').map((entry) => entry.name).sort();
const read = (...path: string[]) => readFileSync(join(root, ...path), 'utf8');
// Rows that show a change of structure, not of words: the issue asks for them (a line that became
// a heading, a paragraph split), and the word diff cannot see them, so they are the only rows
// it counts as false. Every other case has none.
const structureRows: Record<string, string[]> = {
  'bold-to-heading': ['heading-ending-your-account'],
  'paragraph-split': ['we-responsible-parcels-lost.1'],
};

describe('full-text fixtures through import, keys and compare', () => {
  for (const name of cases) {
    it(`${name}: no false change row, every change visible and shown in one row`, () => {
      const score = scoreVersions(read(name, 'older.md'), read(name, 'newer.md'));
      const rows = score.shown.map((row) => `${row.kind} ${row.id}: ${row.older.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('')} → ${row.newer.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('')}`).join('\n');
      expect(score.falseRows, rows).toEqual(structureRows[name] ?? []);
      expect(score.notShown, rows).toEqual([]);
      expect(score.changes.visible).toBe(score.changes.total);
    });
  }
});
