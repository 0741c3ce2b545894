/**
 * The README's "Your own series, step by step", run as written: import three
 * statements of an invented series, let `keys` carry the first file's keys to
 * the others, build the site into a scratch folder and check its compare pages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../unit/fixtures.ts';
import { projectNode } from '../node.ts';

const scratch = await mkdtemp(join(tmpdir(), 'summit-diff-walkthrough-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
const content = join(scratch, 'content');
const site = join(scratch, 'site');
const node = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(projectNode, [script, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });

// Three versions of the fixture statement: the 2025 one drops a provision and rewords one,
// the 2026 one renames an initiative (so its generated key differs and `keys` must fix it).
const original = readFileSync(join(fixturesDir, 'import', 'statement.txt'), 'utf8');
const versions: Record<string, string> = {
  'a-2024': original,
  'b-2025': original
    .replace('14 March 2024', '2 June 2025')
    .replace('mature and stable', 'mature, stable and unique')
    .replace(/4\. The Parties will study[\s\S]*?next summit\.\n\n/, ''),
  'c-2026': original.replace('14 March 2024', '9 May 2026').replace('"quiet coast" initiative', '"calm coast" initiative')
};

describe('your own series, step by step (README)', () => {
  it('imports, aligns keys, builds and compares three statements of a new series', async () => {
    for (const [id, text] of Object.entries(versions)) {
      const file = join(scratch, `${id}.txt`);
      await writeFile(file, text);
      const run = node('scripts/import.ts', [file, '--series', 'calvora-dunmere', '--source-label', 'Foreign ministry', '--source-url', `https://example.org/${id}`, '--out', join(content, 'statements', `${id}.md`)]);
      expect(run.status, run.stdout + run.stderr).toBe(0);
    }
    await writeFile(join(content, 'series.yaml'), '- id: calvora-dunmere\n  title: Calvora–Dunmere\n');
    const keys = node('scripts/keys.ts', [join(content, 'statements', 'b-2025.md'), join(content, 'statements', 'c-2026.md'), '--apply']);
    expect(keys.status, keys.stdout + keys.stderr).toBe(0);
    expect(keys.stdout).toContain('support-calm-coast-initiative');
    expect(await readFile(join(content, 'statements', 'c-2026.md'), 'utf8')).toContain('{#support-quiet-coast-initiative}');

    const build = node('scripts/build.ts', [], { CONTENT_DIR: content, OUT_DIR: site });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    // The build reports how much of its time the analysis took (measured once, for all pages).
    expect(build.stdout).toMatch(/analysis \d+ ms, \d+\.\d% of the build/);
    for (const pair of ['a-2024/b-2025', 'b-2025/c-2026', 'a-2024/c-2026']) expect(existsSync(join(site, 'compare', pair, 'index.html'))).toBe(true);
    const compare = await readFile(join(site, 'compare', 'a-2024', 'b-2025', 'index.html'), 'utf8');
    expect(compare).toMatch(/class="row kind-dropped"[^>]*id="study-shared-rail-corridor\.1"/);
    expect(compare).toContain('<ins');
    const home = await readFile(join(site, 'index.html'), 'utf8');
    expect(home).toContain('Calvora–Dunmere');
    expect(home).not.toContain('China');
  }, 180_000);

  it('imports two Markdown versions of one document, carries keys, builds, and shows every change: a link target, the "Last updated" line', async () => {
    const terms = join(scratch, 'terms');
    const termsSite = join(scratch, 'terms-site');
    const versions = ['terms-2025-03.md', 'terms-2025-06.md'];
    for (const name of versions) {
      const run = node('scripts/import.ts', [join(fixturesDir, 'import', 'terms', name), '--series', 'tollbridge', '--kind', 'terms', '--source-label', 'Tollbridge', '--source-url', 'https://example.org/terms', '--retrieved', '2025-07-01', '--content', terms]);
      expect(run.status, run.stdout + run.stderr).toBe(0);
    }
    expect(await readFile(join(terms, 'statements', versions[1]!), 'utf8')).toMatch(/^ {4}retrieved: "?2025-07-01"?$/m);
    await writeFile(join(terms, 'series.yaml'), '- id: tollbridge\n  title: Tollbridge terms of service\n  noun: version\n');
    const keys = node('scripts/keys.ts', [join(terms, 'statements', versions[0]!), join(terms, 'statements', versions[1]!), '--apply']);
    expect(keys.status, keys.stdout + keys.stderr).toBe(0);
    const check = node('scripts/check-content.ts', [terms]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^0 errors/m);

    const build = node('scripts/build.ts', [], { CONTENT_DIR: terms, OUT_DIR: termsSite });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const compare = await readFile(join(termsSite, 'compare', 'terms-2025-03', 'terms-2025-06', 'index.html'), 'utf8');
    const inserted = [...compare.matchAll(/<ins>([\s\S]*?)<\/ins>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, '')).join(' | ');
    // The changed link target, the changed date line and the changed words are each shown as inserted.
    expect(inserted).toMatch(/2025/);
    expect(inserted).toMatch(/June 5/);
    expect(inserted).toMatch(/three/);
    expect(inserted).toMatch(/Crossings plc/);
    // The word joiner of the newer version leaves no empty insertion mark.
    expect(compare).not.toMatch(/\[inserted: <\/span>\s*<span class="visually-hidden">\]/);
    const home = await readFile(join(termsSite, 'index.html'), 'utf8');
    expect(home).toContain('Tollbridge terms of service');
    expect(home).toContain('Latest version');
    expect(home).not.toMatch(/Joint statements|formula/i);
  }, 180_000);
});
