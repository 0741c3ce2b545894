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
    expect(refused.stderr).toMatch(/exists; nothing was written.*--force/);
    expect(readFileSync(out, 'utf8')).toBe('keep me\n');
    const forced = run(join(dir, 'statement.txt'), '--out', out, '--series', 'calvora-dunmere', '--source-url', 'https://example.org/a', '--force');
    expect(forced.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^series: calvora-dunmere$/m);
  });
});

