/**
 * The build on another content folder: tests/fixtures/series-b, into a
 * temporary OUT_DIR, with its reading pages, compare pages and TEI export.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectNode } from '../node.ts';

const out = join(mkdtempSync(join(tmpdir(), 'summit-series-b-')), 'site');
afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

describe('build on tests/fixtures/series-b', () => {
  it('CONTENT_DIR=… OUT_DIR=… node scripts/build.ts builds statement, compare and TEI pages', () => {
    const build = spawnSync(projectNode, ['scripts/build.ts'], {
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: 'tests/fixtures/series-b', OUT_DIR: out },
      timeout: 55_000
    });
    expect(build.status, build.stderr).toBe(0);
    for (const id of ['2019-velm', '2021-corra', '2023-velm']) expect(existsSync(join(out, 'statements', id, 'index.html'))).toBe(true);
    for (const [older, newer] of [['2019-velm', '2021-corra'], ['2021-corra', '2023-velm'], ['2019-velm', '2023-velm']]) {
      expect(existsSync(join(out, 'compare', older!, newer!, 'index.html'))).toBe(true);
    }
    const tei = readFileSync(join(out, 'data', 'arvenia-belmora.tei.xml'), 'utf8');
    expect(tei).toContain('<witness xml:id="w-2023-velm"');
    expect(existsSync(join(out, 'statements', '2024-beijing'))).toBe(false);
    // Full texts are one witness throughout: a reworded clause is a change, its words marked.
    const compare = readFileSync(join(out, 'compare', '2019-velm', '2021-corra', 'index.html'), 'utf8');
    expect(compare).toContain('data-kind="changed" data-basis="full-text"');
    expect(compare).toMatch(/<del><span class="visually-hidden">\[deleted: <\/span>/);
    expect(compare).not.toContain('data-kind="undocumented" data-basis');
  }, 60_000);
});
