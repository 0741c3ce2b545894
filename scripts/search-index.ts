/**
 * Index the corpus for search with Pagefind's Node API: one custom record per
 * clause (src/lib/export/search-records.ts), linked to the clause on its reading
 * page. HTML pages are not indexed, so compare and other derived pages never
 * show up and no clause is found twice.
 *
 * The records come from the build itself (`build-search-records.json`, written by
 * src/pages/build-search-records.json.ts from the build's one analysis); this
 * script reads them, indexes them and deletes the file from the site.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { BuildSearchRecords } from '../src/data/search-records.ts';
import type { SearchRecord } from '../src/lib/export/search-records.ts';

/** Where the build leaves the search records, in the built site. */
export const recordsFile = 'build-search-records.json';

/**
 * Write the Pagefind index into `<siteDir>/pagefind/` from the records the build wrote, and remove those.
 *
 * @param siteDir the built site.
 * @returns how many clauses were indexed, how long it took, and the build's analysis time.
 */
export async function indexSearch(siteDir: string): Promise<{ records: number; milliseconds: number; analysisMs: number; comparisons: number }> {
  const file = join(siteDir, recordsFile);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new Error(`${file} is missing: the Astro build writes it (src/pages/build-search-records.json.ts); build with npm run build.`);
  });
  const { records, analysisMs, comparisons } = JSON.parse(text) as BuildSearchRecords;
  const indexed = await indexRecords(siteDir, records);
  await rm(file, { force: true });
  return { ...indexed, analysisMs, comparisons };
}

/**
 * Write the Pagefind index of some records into `<siteDir>/pagefind/`.
 *
 * @param siteDir the built site.
 * @param records the records (src/data/search-records.ts).
 */
export async function indexRecords(siteDir: string, records: readonly SearchRecord[]): Promise<{ records: number; milliseconds: number }> {
  const started = performance.now();
  // No forced language: each record's `language` gives it an index of its own, with that language's
  // segmentation and stemming (Chinese cut into words); the search page merges them.
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (const record of records) {
    const added = await index.addCustomRecord(record);
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await pagefind.close();
  const milliseconds = performance.now() - started;
  console.log(`Search index: ${records.length} clauses in ${milliseconds.toFixed(0)} ms.`);
  return { records: records.length, milliseconds };
}
