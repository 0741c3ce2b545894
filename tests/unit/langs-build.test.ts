/**
 * The build on the invented original-language corpus (tests/fixtures/langs): the pages
 * declare each statement's language, so screen readers, hyphenation and fonts follow it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturesDir } from './fixtures.ts';

const out = join(mkdtempSync(join(tmpdir(), 'summit-langs-')), 'site');
afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

describe('build on tests/fixtures/langs', () => {
  it('statement pages and compare columns carry the statement language', () => {
    const build = spawnSync(process.execPath, ['scripts/build.ts'], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: join(fixturesDir, 'langs'), OUT_DIR: out } });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const page = (...path: string[]) => readFileSync(join(out, ...path, 'index.html'), 'utf8');
    expect(page('statements', '2019-velm-zh')).toMatch(/<article class="statement" lang="zh"/);
    expect(page('statements', '2023-velm-ru')).toMatch(/<article class="statement" lang="ru"/);
    const zh = page('compare', '2019-velm-zh', '2021-corra-zh');
    expect(zh.match(/<p class="text" lang="zh"/g)?.length).toBeGreaterThanOrEqual(12);
    expect(zh).not.toMatch(/<p class="text" lang="en"/);
    // The sentence that gained two words is marked word by word.
    expect(zh).toMatch(/<ins[^>]*>(?:<span class="visually-hidden">[^<]*<\/span>)?能源/);
    const ru = page('compare', '2021-corra-ru', '2023-velm-ru');
    expect(ru).toMatch(/<p class="text" lang="ru"/);
    expect(ru).not.toMatch(/<p class="text" lang="en"/);
  }, 120_000);
});
