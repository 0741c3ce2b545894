import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A script that installs the handler, names its phase and file, and then hits a bug.
const dir = mkdtempSync(join(tmpdir(), 'summit-diff-fatal-'));
const probe = join(dir, 'probe.ts');
const fatal = new URL('../../scripts/fatal.ts', import.meta.url).pathname;
const load = new URL('../../src/data/load.ts', import.meta.url).pathname;
writeFileSync(probe, `import { handleInternalErrors, progress } from ${JSON.stringify(fatal)};
import { reading } from ${JSON.stringify(load)};
handleInternalErrors();
progress.phase = 'loading the content';
reading.file = 'statements/x.md';
await Promise.resolve();
(null as unknown as { y: number }).y;
`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [probe, ...args], { encoding: 'utf8', env: { ...process.env, SUMMIT_DIFF_STACK: '', ...env } });

describe('the scripts\' internal-error handler', () => {
  it('prints one line naming the phase and file, no stack, and exits 70', () => {
    const result = run([]);
    expect(result.status).toBe(70);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^internal error in loading the content while reading statements\/x\.md: TypeError: Cannot read properties of null/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(lines[1]).toMatch(/SUMMIT_DIFF_STACK=1/);
  });

  it('prints the stack on request', () => {
    expect(run(['--stack']).stderr).toMatch(/\n\s+at .*probe\.ts/);
    expect(run([], { SUMMIT_DIFF_STACK: '1' }).stderr).toMatch(/\n\s+at .*probe\.ts/);
  });
});
