/**
 * Build the site all or nothing: check the content first, build into a
 * temporary folder, index it for search (from the records the Astro build wrote
 * from its one analysis, which also carry the analysis time), and only then
 * replace dist/.
 * A content error stops the build before anything is written.
 * Then it writes the host files (scripts/host-files.ts): _headers, _redirects,
 * nginx.conf and robots.txt.
 * A build for publishing (`--production`, or NODE_ENV=production) needs SITE_URL:
 * without it, or with the example address, it stops before building.
 * Usage: node scripts/build.ts [--production]   (CONTENT_DIR=… to build another corpus, BASE_PATH=/sub/ for a sub-path)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadCorpus, reading } from '../src/data/load.ts';
import { formatReport, hasErrors } from '../src/lib/model/diagnostics.ts';
import { buildDate, checkDay } from '../src/data/build-date.ts';
import { indexSearch } from './search-index.ts';
import { handleInternalErrors, progress } from './fatal.ts';
import { writeHostFiles } from './host-files.ts';
import { exampleSite, productionProblem } from './production.ts';

handleInternalErrors();

const problem = productionProblem(process.argv.slice(2), process.env);
if (problem) {
  console.error(problem);
  process.exit(1);
}

const contentDir = resolve(process.env.CONTENT_DIR ?? 'content');
const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const tempDir = `${outDir}.partial`;
const started = performance.now();

progress.phase = 'loading the content';
const today = checkDay();
const corpus = await loadCorpus(contentDir, { today });
if (corpus.diagnostics.length > 0) console.error(formatReport(corpus.diagnostics));
if (hasErrors(corpus.diagnostics)) {
  console.error(`\nThe build stopped: fix the errors above in ${contentDir}. No site was written.`);
  process.exit(1);
}
const analysed = performance.now();
progress.phase = 'building the site';
reading.file = undefined;

await rm(tempDir, { recursive: true, force: true });
// Vite's own variables (BASE_URL, MODE, …) when the caller sets them, as a test runner does, would win over
// the config in server-side modules: BASE_URL=/ in the environment put open data at the root. BASE_PATH sets the base.
const { BASE_URL: _baseUrl, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...environment } = process.env;
const astro = spawnSync('astro', ['build', '--outDir', tempDir], {
  stdio: 'inherit',
  env: { ...environment, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', SUMMIT_DIFF_TODAY: today, SOURCE_DATE_EPOCH: String(Math.floor(buildDate().getTime() / 1000)) },
  shell: process.platform === 'win32'
});
if (astro.status !== 0) {
  await rm(tempDir, { recursive: true, force: true });
  console.error('\nThe build failed (see above). No site was written; dist/ is unchanged.');
  process.exit(astro.status ?? 1);
}
progress.phase = 'indexing the site for search';
const indexed = await indexSearch(tempDir);
progress.phase = 'writing the host files';
await writeHostFiles(tempDir, { base: process.env.BASE_PATH || '/', site: process.env.SITE_URL ?? exampleSite });
progress.phase = 'replacing dist/';

if (existsSync(outDir)) await rm(outDir, { recursive: true, force: true });
await rename(tempDir, outDir);
const seconds = (performance.now() - started) / 1000;
// The analysis time comes with the search records the build wrote (one analysis for pages and search).
const { analysisMs, comparisons } = indexed;
const share = `; analysis ${analysisMs.toFixed(0)} ms, ${((100 * analysisMs) / 1000 / seconds).toFixed(1)}% of the build (target < 10%; ${comparisons} pairs compared)`;
console.log(`\nBuilt ${corpus.statements.length} statements into ${outDir} in ${seconds.toFixed(1)} s (content check ${((analysed - started) / 1000).toFixed(2)} s${share}).`);
