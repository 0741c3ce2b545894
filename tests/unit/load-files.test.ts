import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { formatDiagnostic } from '../../src/lib/model/diagnostics.ts';

const statement = (date: string) => `---\ntitle: T\nshortTitle: T\ndate: ${date}\nplace: P\nseries: test\nkind: joint-statement\nedition: full\nsources:\n  - label: S\n    url: https://example.org/\n---\n\nThe Parties met. {#met}\n`;
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'summit-diff-files-'));
  dirs.push(dir);
  await mkdir(join(dir, 'statements'));
  return dir;
}
const report = (corpus: Awaited<ReturnType<typeof loadCorpus>>) => corpus.diagnostics.map(formatDiagnostic);

describe('loadCorpus: every file in statements/ is read or named', () => {
  it('reads a .MD file', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'statements', 'test-2020.MD'), statement('2020-01-01'));
    const corpus = await loadCorpus(dir, { today: '2026-01-01' });
    expect(corpus.statements.map((s) => s.id)).toEqual(['test-2020']);
    expect(report(corpus)).toEqual([]);
  });

  it('reads a statement file symlinked from elsewhere', async () => {
    const dir = await folder();
    const elsewhere = await folder();
    await writeFile(join(elsewhere, 'real.md'), statement('2020-01-01'));
    await symlink(join(elsewhere, 'real.md'), join(dir, 'statements', 'test-2020.md'));
    const corpus = await loadCorpus(dir, { today: '2026-01-01' });
    expect(corpus.statements.map((s) => s.id)).toEqual(['test-2020']);
  });

  it('names a symlink to nothing as an error', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'statements', 'test-2020.md'), statement('2020-01-01'));
    await symlink(join(dir, 'gone.md'), join(dir, 'statements', 'test-2021.md'));
    const corpus = await loadCorpus(dir, { today: '2026-01-01' });
    expect(report(corpus)).toEqual(['statements/test-2021.md:1:1  error  statements/test-2021.md is a symbolic link to nothing  [not-a-file]\n    → Make statements/test-2021.md a regular file, or remove it.']);
  });

  it('names a file that is not .md in a warning', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'statements', 'test-2020.md'), statement('2020-01-01'));
    await writeFile(join(dir, 'statements', 'test-2021.markdown'), statement('2021-01-01'));
    const corpus = await loadCorpus(dir, { today: '2026-01-01' });
    expect(report(corpus)).toEqual(['statements/test-2021.markdown:1:1  warning  this file is not read: statements are `.md` files  [not-a-statement]\n    → Rename it to `<id>.md` if it is a statement, or move it out of statements/.']);
  });

  it('refuses a named pipe where formulas.yaml belongs instead of waiting on it', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'statements', 'test-2020.md'), statement('2020-01-01'));
    const made = spawnSync('mkfifo', [join(dir, 'formulas.yaml')]);
    if (made.status !== 0) return;
    const corpus = await loadCorpus(dir, { today: '2026-01-01' });
    expect(report(corpus)).toEqual(['formulas.yaml:1:1  error  formulas.yaml is a special file (not a regular file)  [not-a-file]\n    → Make formulas.yaml a regular file, or remove it.']);
  });
});
