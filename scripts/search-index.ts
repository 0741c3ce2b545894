/**
 * Index the corpus for search with Pagefind's Node API: one custom record per
 * clause (src/lib/search-records.ts), linked to the clause on its reading
 * page. HTML pages are not indexed, so compare and other derived pages never
 * show up and no clause is found twice.
 */
import { resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { loadCorpus, type Corpus } from '../src/data/load.ts';
import { analyse } from '../src/data/analysis.ts';
import { searchRecords } from '../src/lib/export/search-records.ts';

/**
 * Write the Pagefind index into `<siteDir>/pagefind/`.
 *
 * @param siteDir the built site.
 * @param corpus the corpus of the build (default: loaded from CONTENT_DIR or content/).
 * @returns how many clauses were indexed and how long it took.
 */
export async function indexSearch(siteDir: string, corpus?: Corpus): Promise<{ records: number; milliseconds: number }> {
  const started = performance.now();
  const loaded = corpus ?? (await loadCorpus(resolve(process.env.CONTENT_DIR ?? 'content')));
  const analysis = analyse(loaded);
  const lineageOfNode = new Map<string, string>();
  for (const series of analysis.series) for (const lineage of series.graph.lineages) for (const node of lineage.nodes) lineageOfNode.set(node, lineage.id);
  const records = searchRecords({
    statements: analysis.series.flatMap((series) => series.statements),
    formulas: loaded.formulas,
    topics: loaded.topics,
    pairsOf: (older, newer) => analysis.comparison(older, newer)?.pairs,
    evidenceOf: (older, newer) => analysis.comparison(older, newer)?.evidence,
    lineageOf: (statementId, clauseId) => lineageOfNode.get(`${statementId}/${clauseId}`)
  });
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
