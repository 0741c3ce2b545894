import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { formatDiagnostic } from '../../src/lib/model/diagnostics.ts';
import { limits } from '../../src/lib/content/limits.ts';

const head = (date: string) => `---\ntitle: T\nshortTitle: T\ndate: ${date}\nplace: P\nseries: test\nkind: joint-statement\nedition: full\nsources:\n  - label: S\n    url: https://example.org/\n---\n\n`;

async function corpusOf(files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'summit-diff-limits-'));
  await mkdir(join(dir, 'statements'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, 'statements', name), text);
  try {
    return await loadCorpus(dir, { today: '2026-01-01' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const errorsOf = (corpus: Awaited<ReturnType<typeof loadCorpus>>) => corpus.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);

describe('limits', () => {
  it('stops a 1.8 MB statement of 100,000 keyed paragraphs before parsing it, naming the limit', async () => {
    const body = Array.from({ length: 100_000 }, (_, i) => `P ${i}. {#k${i}}`).join('\n\n');
    expect(body.length).toBeGreaterThan(1_700_000);
    const corpus = await corpusOf({ 'test-2020.md': head('2020-01-01') + body });
    expect(corpus.statements).toEqual([]);
    expect(errorsOf(corpus)).toEqual([expect.stringMatching(/^statements\/test-2020\.md:4014:1 {2}error {2}the file has more than 2000 paragraphs and headings \(limit `paragraphs`\).*\n.*raise `limits\.paragraphs` in src\/lib\/content\/limits\.ts/)]);
  });

  it('refuses more clauses than the limit, at the first clause beyond it', async () => {
    // One paragraph of short sentences on short lines: under the paragraph and line limits.
    const sentences = Array.from({ length: limits.clauses + 1 }, (_, i) => `S${i} met.`).join('\n');
    const corpus = await corpusOf({ 'test-2020.md': `${head('2020-01-01')}${sentences} {#met}\n` });
    expect(corpus.statements).toEqual([]);
    expect(errorsOf(corpus)).toEqual([expect.stringMatching(new RegExp(`^statements/test-2020\\.md:${14 + limits.clauses}:1 {2}error {2}the statement has more than 10000 clauses \\(limit \`clauses\`\\)`))]);
  });

  it('refuses more statement files in a series than the limit, naming the first one beyond it', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i <= limits.statementsPerSeries; i++) {
      const date = new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10);
      files[`s-${date}.md`] = `${head(date)}The Parties met. {#met}\n`;
    }
    const last = Object.keys(files).sort().at(-1);
    const errors = errorsOf(await corpusOf(files));
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^statements/${last}:1:1 {2}error {2}series \`test\` has more than ${limits.statementsPerSeries} statement files \\(limit \`statementsPerSeries\`\\)`))]);
  });
});
