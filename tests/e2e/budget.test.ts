import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { latestPair } from '../../src/view/series.ts';

// The JavaScript budget of a page: every script it loads (<script src>, modulepreload and their static imports), gzip-compressed.
const dist = 'dist';
const corpus = await loadCorpus(process.env.CONTENT_DIR ?? 'content');
const statements = corpus.statements.filter((s) => s.series === corpus.series[0]!.id);
const pair = latestPair(statements)!;
const formula = corpus.formulas[0]!;
const KB = 1024;

const budgets: Array<[string, number]> = [
  [`/statements/${pair.newer.id}/`, 30 * KB],
  [`/compare/${pair.older.id}/${pair.newer.id}/`, 30 * KB],
  ['/formulas/', 30 * KB],
  [`/formulas/${formula.id}/`, 30 * KB],
  [`/topics/${formula.topic}/`, 30 * KB],
  ['/', 30 * KB],
  ['/graph/', 120 * KB],
  // Comparisons computed in the browser carry the analysis code (npm run bench:anypair prints the figures).
  ['/compare/pair/', 120 * KB],
  ['/compare/yours/', 120 * KB]
];

async function scriptsOf(path: string): Promise<Set<string>> {
  const html = await readFile(join(dist, path, 'index.html'), 'utf8');
  const found = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) found.add(match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) found.add(match[1]!);
  const queue = [...found];
  while (queue.length > 0) {
    const src = queue.shift()!;
    const code = await readFile(join(dist, src), 'utf8');
    for (const match of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      const resolved = new URL(match[1]!, `http://x${src}`).pathname;
      if (!found.has(resolved)) {
        found.add(resolved);
        queue.push(resolved);
      }
    }
  }
  return found;
}

describe('JavaScript budget', () => {
  for (const [path, budget] of budgets) {
    it(`${path} loads at most ${budget / KB} KB of compressed JavaScript`, async () => {
      let total = 0;
      for (const src of await scriptsOf(path)) total += gzipSync(await readFile(join(dist, src))).length;
      expect(total).toBeLessThanOrEqual(budget);
    });
  }
});
