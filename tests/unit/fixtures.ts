/**
 * Fixture folders: `tests/fixtures/<suite>/<case>/input.md` and the expected
 * output beside it. UPDATE=1 rewrites expected files after a deliberate
 * change; CI never creates a missing one.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const fixturesDir = new URL('../fixtures/', import.meta.url).pathname;

/** The case folders of a suite. */
export function cases(suite: string): string[] {
  return readdirSync(join(fixturesDir, suite), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Compare `actual` with the expected file, or write it when UPDATE=1.
 *
 * @param path expected file.
 * @param actual what the code produced, as text.
 */
export function expectFixture(path: string, actual: string): void {
  if (process.env.UPDATE === '1') {
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`Missing expected file ${path}: run the tests with UPDATE=1 once to create it, check it, and commit it.`);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
