/**
 * Lighthouse (mobile settings, simulated throttling) on one page of each
 * type, in Debian's Chromium, against the site served from dist/.
 * Prints performance and accessibility scores; exits 1 below the targets
 * (performance ≥ 95, accessibility 100).
 * Usage: node scripts/lighthouse.ts [path …]
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/browser/chromium.ts';
import { loadCorpus } from '../src/lib/load.ts';

const targets = { performance: 95, accessibility: 100 };

async function defaultPaths(): Promise<string[]> {
  const corpus = await loadCorpus(process.env.CONTENT_DIR ?? 'content');
  const statements = corpus.statements.filter((statement) => statement.series === corpus.series[0]?.id);
  const newest = statements[statements.length - 1];
  const previous = statements[statements.length - 2];
  return ['/', newest ? `/statements/${newest.id}/` : '', previous && newest ? `/compare/${previous.id}/${newest.id}/` : '', '/formulas/', '/graph/', '/search/'].filter(Boolean);
}

const paths = process.argv.length > 2 ? process.argv.slice(2) : await defaultPaths();
const sitePort = await freePort();
const debugPort = await freePort();
const server = spawn(process.execPath, ['scripts/serve.ts', '--port', String(sitePort)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout?.once('data', resolve));
const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, `--remote-debugging-port=${debugPort}`] });

let failed = false;
console.log('page                                          performance  accessibility');
for (const path of paths) {
  const result = await lighthouse(`http://localhost:${sitePort}${path}`, {
    port: debugPort,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility']
  });
  const categories = result?.lhr.categories;
  const performance = Math.round((categories?.performance?.score ?? 0) * 100);
  const accessibility = Math.round((categories?.accessibility?.score ?? 0) * 100);
  const ok = performance >= targets.performance && accessibility >= targets.accessibility;
  if (!ok) failed = true;
  console.log(`${path.padEnd(46)}${String(performance).padStart(11)}  ${String(accessibility).padStart(13)}  ${ok ? 'PASS' : 'FAIL'}`);
  if (!ok && result) {
    for (const audit of Object.values(result.lhr.audits)) {
      if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable') {
        console.log(`    ${audit.id}: ${audit.displayValue ?? ''} (${audit.score})`);
      }
    }
  }
}
console.log(`Targets: performance ≥ ${targets.performance}, accessibility ${targets.accessibility} (mobile settings).`);
await browser.close();
server.kill();
process.exit(failed ? 1 : 0);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
