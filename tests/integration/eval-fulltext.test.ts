/**
 * `npm run eval:fulltext` end to end on a scratch git repository of three
 * versions of the series fixture (tests/fixtures/fulltext/series/), whose changes
 * are known by hand (its truth.yaml): one word reworded, then one word inserted
 * and one paragraph of 12 words dropped. It checks the figures the script prints,
 * and that a wrong repository or path is one clear line, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectNode } from '../node.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'fulltext', 'series');
const repo = await mkdtemp(join(tmpdir(), 'summit-diff-fulltext-repo-'));
afterAll(() => rm(repo, { recursive: true, force: true }));

const git = (args: string[], date?: string) => {
  const run = spawnSync('git', ['-C', repo, '-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}) }
  });
  if (run.status !== 0) throw new Error(run.stderr);
};
git(['init', '-q']);
// A commit that does not touch the file is no version of it.
await writeFile(join(repo, 'README.md'), 'Widget terms, as published.\n');
git(['add', 'README.md']);
git(['commit', '-qm', 'readme'], '2024-01-02');
for (const [version, date] of [['v1', '2024-02-01'], ['v2', '2024-09-15'], ['v3', '2025-03-10']] as const) {
  await writeFile(join(repo, 'Widget Terms.md'), readFileSync(join(fixtures, `${version}.md`), 'utf8'));
  git(['add', 'Widget Terms.md']);
  git(['commit', '-qm', version], date);
}

const evaluate = (args: string[]) => spawnSync(projectNode, ['scripts/eval-fulltext.ts', ...args], { encoding: 'utf8' });

describe('npm run eval:fulltext', () => {
  it('scores the compare pages of three versions against their known changes', () => {
    const run = evaluate(['--repo', repo, '--file', 'Widget Terms.md', '--versions', '3']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Widget Terms.md: 3 of 3 versions (most recent): 2024-02-01');
    // v1 → v2: "month" → "quarter", 1 change, 2 words. v2 → v3: "parcel" inserted, and a paragraph of 12 words dropped.
    expect(run.stdout).toMatch(/2024-02-01 → 2024-09-15\s+1\s+1\s+1\s+2\s+0\s+0\s/);
    expect(run.stdout).toMatch(/2024-09-15 → 2025-03-10\s+2\s+2\s+2\s+13\s+0\s+0\s/);
    expect(run.stdout).toContain('Changed words: 15 found, 0 missed, 0 falsely shown: precision 1.000, recall 1.000.');
    expect(run.stdout).toContain('Changes: 3 (links 0/0 visible, headings 0/0, other text 3/3); 3 shown right.');
    expect(run.stdout).toMatch(/; 0 false change rows;/);
    expect(run.stdout).toContain('PASS  changes shown right ≥ 95%: 100.0% (3 of 3)');
    expect(run.stdout).toContain('PASS  false change rows = 0: 0');
    expect(run.stdout).toContain('PASS  every text change visible (links and headings included): 3 of 3');
  }, 240_000);

  it('names a path that no commit touches', () => {
    const wrong = evaluate(['--repo', repo, '--file', 'No Such.md', '--versions', '2']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trim()).toBe(`--file No Such.md: no commit of ${repo} touches it (check the path, relative to the repository's root).`);
  });

  it('says in one line what is wrong with the arguments, never with a stack trace', () => {
    for (const [args, message] of [
      [['--file', 'x.md'], '--repo and --file are required.'],
      [['--repo', join(repo, 'nowhere'), '--file', 'x.md'], `--repo ${join(repo, 'nowhere')}: no such folder.`],
      [['--repo', tmpdir(), '--file', 'x.md'], `--repo ${tmpdir()}: not a git repository`],
      [['--repo', repo, '--file', 'Widget Terms.md', '--versions', 'one'], '--versions "one": give a whole number of at least 2.']
    ] as const) {
      const run = evaluate([...args]);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr.split('\n')[0]).toContain(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
