import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { evaluationPairs, goldLinks } from '../../src/lib/eval/evaluate.ts';
import { openPage, useBrowser } from './browser.ts';
import { projectNode } from '../node.ts';

const contentDir = process.env.CONTENT_DIR ?? 'content';
const corpus = await loadCorpus(contentDir);
const { browser, baseUrl } = useBrowser();

describe('method page', () => {
  it('scores each consecutive pair against its shared keys and prints the figures eval:align prints', async () => {
    const { page, problems } = await openPage(browser(), `${baseUrl}/method/`);
    const scored = evaluationPairs(corpus.statements).filter(([older, newer]) => goldLinks(older, newer).size > 0);
    const rows = page.locator('#quality-table tbody tr');
    expect(await rows.count()).toBe(scored.length);
    for (const [at, [older, newer]] of scored.entries()) {
      const row = rows.nth(at);
      expect(await row.locator(`a[href="/compare/${older.id}/${newer.id}/"]`).count()).toBe(1);
      await expect(row.locator('td').first().textContent()).resolves.toBe(String(goldLinks(older, newer).size));
    }
    // The evaluation script, run on the same content, prints the same F1 for the program and with the corrections.
    const run = spawnSync(projectNode, ['scripts/eval-align.ts', contentDir], { encoding: 'utf8' });
    const aligner = /^corpus\s+aligner P [\d.]+ R [\d.]+ F1 ([\d.]+)/m.exec(run.stdout)?.[1];
    const corrected = /^site\s+.*F1 ([\d.]+)/m.exec(run.stdout)?.[1];
    const keysOnly = /^keys only\s+aligner P [\d.]+ R [\d.]+ F1 ([\d.]+)/m.exec(run.stdout)?.[1];
    const second = /^second\s+annotation .* F1 ([\d.]+)$/m.exec(run.stdout)?.[1];
    expect(aligner, run.stdout + run.stderr).toBeDefined();
    // The page rounds to two decimals, the script to three: they agree within half a hundredth.
    const shown = async (selector: string) => Number(await page.locator(selector).textContent());
    expect(Math.abs((await shown('#quality-f1')) - Number(aligner))).toBeLessThanOrEqual(0.0051);
    if (corrected) expect(Math.abs((await shown('#quality-f1-corrected')) - Number(corrected))).toBeLessThanOrEqual(0.0051);
    // With a concordance, the page also gives the figure that counts every link between different keys as wrong.
    expect(await page.locator('#quality-f1-keys-only').count()).toBe(corpus.concordance.length > 0 ? 1 : 0);
    if (keysOnly) expect(Math.abs((await shown('#quality-f1-keys-only')) - Number(keysOnly))).toBeLessThanOrEqual(0.0051);
    // With a second annotation of the concordance, the page gives the F1 with it too.
    expect(await page.locator('#quality-f1-second').count()).toBe(corpus.secondConcordance.length > 0 && corpus.concordance.length > 0 ? 1 : 0);
    if (second) expect(Math.abs((await shown('#quality-f1-second')) - Number(second))).toBeLessThanOrEqual(0.0051);
    // Every page's footer leads here, and each compare summary to the part on pairing.
    expect(await page.locator('footer a[href="/method/"]').count()).toBe(1);
    const [older, newer] = scored[0]!;
    const compare = await openPage(browser(), `${baseUrl}/compare/${older.id}/${newer.id}/`);
    expect(await compare.page.locator('.summary a[href="/method/#method-align"]').count()).toBe(1);
    expect(await page.locator('#method-align').count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
