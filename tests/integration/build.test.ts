import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../unit/fixtures.ts';
import { projectNode } from '../node.ts';

describe('scripts/build.ts on bad content', () => {
  it('fails with file:line:column, rule and fix, and writes no site at all', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'summit-diff-build-'));
    const outDir = join(scratch, 'site');
    const run = spawnSync(projectNode, ['scripts/build.ts'], {
      env: { ...process.env, CONTENT_DIR: join(fixturesDir, 'bad', 'duplicate-key'), OUT_DIR: outDir },
      encoding: 'utf8'
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('statements/test-2020.md:18:1  error  key {#met} is used twice (first on line 16)  [duplicate-key]');
    expect(run.stderr).toContain('No site was written');
    expect(existsSync(outDir)).toBe(false);
    expect(existsSync(`${outDir}.partial`)).toBe(false);
    await rm(scratch, { recursive: true, force: true });
  });

  it('leaves an existing site untouched when the new content is bad', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'summit-diff-build-'));
    const outDir = join(scratch, 'site');
    await mkdir(outDir);
    await writeFile(join(outDir, 'index.html'), 'previous build');
    const run = spawnSync(projectNode, ['scripts/build.ts'], {
      env: { ...process.env, CONTENT_DIR: join(fixturesDir, 'bad', 'raw-html'), OUT_DIR: outDir },
      encoding: 'utf8'
    });
    expect(run.status).toBe(1);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    await rm(scratch, { recursive: true, force: true });
  });
});
