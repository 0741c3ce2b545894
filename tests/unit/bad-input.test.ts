import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { formatDiagnostic } from '../../src/lib/model/diagnostics.ts';
import { cases, expectFixture, fixturesDir } from './fixtures.ts';

// Each case is a corpus with one problem: the build must stop with one clear
// message that names the file, line, column, rule and fix (expected.txt).
describe('loadCorpus(dir) on bad input', () => {
  for (const name of cases('bad')) {
    it(`stops on ${name} with a message naming file:line:column, rule and fix`, async () => {
      const dir = join(fixturesDir, 'bad', name);
      const corpus = await loadCorpus(dir, { today: '2026-01-01' });
      const errors = corpus.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.line).toBeGreaterThan(0);
        expect(error.column).toBeGreaterThan(0);
        expect(error.hint.length).toBeGreaterThan(10);
      }
      expectFixture(join(dir, 'expected.txt'), `${errors.map(formatDiagnostic).join('\n')}\n`);
    });
  }
});

describe('loadCorpus(dir) on an oversized file', () => {
  it('stops with file-too-large instead of parsing it', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'summit-diff-large-'));
    await mkdir(join(dir, 'statements'));
    await writeFile(join(dir, 'statements', 'huge.md'), `---\ntitle: x\n---\n${'The Parties met.\n\n'.repeat(130_000)}`);
    const corpus = await loadCorpus(dir, { today: '2026-01-01' });
    await rm(dir, { recursive: true, force: true });
    expect(corpus.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^statements\/huge\.md:1:1 {2}error {2}the file has \d+ characters, more than 2000000 {2}\[file-too-large\]/)
    ]);
  });
});
