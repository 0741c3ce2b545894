/** `npm run import` as a user runs it: a child process on the project's Node, files on disk. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../unit/fixtures.ts';
import { projectNode } from '../node.ts';

const dir = join(fixturesDir, 'import');
const temp = mkdtempSync(join(tmpdir(), 'summit-import-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('npm run import', () => {
  const run = (...args: string[]) => spawnSync(projectNode, ['scripts/import.ts', ...args], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  it('writes the file, reports what it recognised and exits 2 when fields need review', () => {
    const out = join(temp, 'cli', 'statement.md');
    const first = run(join(dir, 'statement.docx'), '--out', out);
    expect(first.status).toBe(2);
    expect(first.stdout).toMatch(/parts +2/);
    expect(first.stdout).toMatch(/NEEDS REVIEW/);
    expect(readFileSync(out, 'utf8')).toMatch(/^series: TODO/m);
  });
  it('never overwrites a file without --force', () => {
    const out = join(temp, 'cli', 'existing.md');
    mkdirSync(join(temp, 'cli'), { recursive: true });
    writeFileSync(out, 'keep me\n');
    const refused = run(join(dir, 'statement.txt'), '--out', out, '--series', 'calvora-dunmere', '--source-url', 'https://example.org/a');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/statement\.txt would become statement `existing`, but .*existing\.md already holds that id; nothing was written\..*--force/);
    expect(readFileSync(out, 'utf8')).toBe('keep me\n');
    const forced = run(join(dir, 'statement.txt'), '--out', out, '--series', 'calvora-dunmere', '--source-url', 'https://example.org/a', '--force');
    expect(forced.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^series: calvora-dunmere$/m);
  });
  it('gives a Markdown version the id of its file name, and refuses a second file with that id, naming both files', () => {
    const content = join(temp, 'ids');
    const source = join(dir, 'terms', 'terms-2025-03.md');
    const args = ['--series', 'tollbridge', '--kind', 'terms', '--source-url', 'https://example.org/terms', '--content', content];
    const first = run(source, ...args);
    expect(first.status, first.stdout + first.stderr).toBe(0);
    expect(readFileSync(join(content, 'statements', 'terms-2025-03.md'), 'utf8')).toMatch(/^kind: terms$/m);
    const copy = join(temp, 'Terms-2025-03.markdown');
    writeFileSync(copy, readFileSync(source, 'utf8'));
    const second = run(copy, ...args);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('Terms-2025-03.markdown would become statement `terms-2025-03`');
    expect(second.stderr).toMatch(/statements\/terms-2025-03\.md already holds that id/);
  });
  it('writes the kind the series\' other statements share instead of a guess from the title', () => {
    const content = join(temp, 'kinds');
    const base = ['--series', 'calvora-dunmere', '--source-url', 'https://example.org/a', '--content', content];
    expect(run(join(dir, 'statement.txt'), ...base, '--kind', 'declaration', '--id', 'first').status).toBe(0);
    const second = run(join(dir, 'statement.txt'), ...base, '--id', 'second');
    expect(second.status, second.stdout + second.stderr).toBe(0);
    expect(readFileSync(join(content, 'statements', 'second.md'), 'utf8')).toMatch(/^kind: declaration$/m);
    expect(second.stdout).toMatch(/the title suggested `joint-statement`; the series' other statements are `declaration`/);
  });
});
