/**
 * The build on the invented full-text fixture (tests/fixtures/structure): sub-sections keep
 * their heading level on the reading and compare pages, a renamed heading is a row at its
 * section head with its inserted words, and a paragraph split is one row.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturesDir } from './fixtures.ts';

const out = join(mkdtempSync(join(tmpdir(), 'summit-structure-')), 'site');
afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

describe('build on tests/fixtures/structure', () => {
  it('renders heading levels, heading rows and a split row', () => {
    const build = spawnSync(process.execPath, ['scripts/build.ts'], { encoding: 'utf8', env: { ...process.env, PATH: `${join(process.cwd(), 'node_modules', '.bin')}:${process.env.PATH}`, CONTENT_DIR: join(fixturesDir, 'structure'), OUT_DIR: out } });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const page = (...path: string[]) => readFileSync(join(out, ...path, 'index.html'), 'utf8');
    const reading = page('statements', '2024-terms');
    expect(reading).toMatch(/<section id="cancellation"[^>]*data-level="3"[^>]*data-parent="fees"[^>]*>\s*<h3 id="cancellation-heading"/);
    expect(reading).toMatch(/<section id="fees"[^>]*>\s*<h2 id="fees-heading"/);
    const compare = page('compare', '2023-terms', '2024-terms');
    expect(compare).toMatch(/<h3 id="cancellation" class="cmp-section-heading"/);
    // The renamed heading: a Changed row first in its section, the new words inserted (and read out as such).
    const fees = compare.slice(compare.indexOf('id="fees" class="cmp-section-heading"'));
    expect(fees.slice(0, fees.indexOf('</section>'))).toMatch(/<div class="row kind-changed is-heading" id="heading-fees"[\s\S]*?Heading reworded[\s\S]*?<ins><span class="visually-hidden">\[inserted: <\/span>, taxes and refunds/);
    // The bold line that became a heading: one row, and its old anchor leads there.
    expect(compare).toMatch(/id="heading-cancellation"[^>]*>\s*<span class="anchor" id="cancellation-line.1"><\/span>/);
    expect(compare).toContain('Text that became a heading');
    expect(compare).not.toMatch(/class="row kind-dropped/);
    expect(compare).toMatch(/<div class="count kind-dropped"[^>]*><dt><span class="kind-label">Dropped<\/span><\/dt><dd>0<\/dd>/);
    expect(compare).toContain('Paragraph split in 2');
  }, 180_000);
});
