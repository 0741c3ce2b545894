/**
 * Load test: serve dist/ as `npm start` does and let 200 concurrent readers
 * fetch every page of the site on loopback; print throughput and latency
 * percentiles. Exits 1 on any failed request.
 * Usage: node scripts/load.ts [--readers 200] [--requests 6000]
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { serveSite } from './site-server.ts';

const { values } = parseArgs({ options: { readers: { type: 'string', default: '200' }, requests: { type: 'string', default: '6000' } } });
const readers = Number(values.readers);
const total = Number(values.requests);

const paths: string[] = [];
for (const entry of await readdir('dist', { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(html|json|csv|css|js|xml)$/.test(entry.name)) continue;
  const path = `/${relative('dist', join(entry.parentPath, entry.name)).split(sep).join('/')}`;
  if (path.startsWith('/pagefind/')) continue;
  paths.push(path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path);
}
paths.sort();

const server = await serveSite('dist');

const latencies: number[] = [];
const failures: string[] = [];
let next = 0;
let bytes = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: readers }, async () => {
    while (next < total) {
      const path = paths[next++ % paths.length] ?? '/';
      const begin = performance.now();
      try {
        const response = await fetch(`http://127.0.0.1:${server.port}${path}`, { headers: { 'accept-encoding': 'gzip' } });
        const body = await response.arrayBuffer();
        bytes += body.byteLength;
        if (response.status !== 200 && !(path === '/404.html')) failures.push(`${response.status} ${path}`);
      } catch (error) {
        failures.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
      latencies.push(performance.now() - begin);
    }
  })
);
const seconds = (performance.now() - started) / 1000;
server.close();

latencies.sort((a, b) => a - b);
const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
console.log(`${latencies.length} requests over ${paths.length} URLs by ${readers} concurrent readers in ${seconds.toFixed(2)} s`);
console.log(`throughput  ${(latencies.length / seconds).toFixed(0)} requests/s (${(bytes / seconds / 1e6).toFixed(1)} MB/s decoded)`);
console.log(`latency     p50 ${percentile(50).toFixed(1)} ms · p99 ${percentile(99).toFixed(1)} ms · max ${(latencies[latencies.length - 1] ?? 0).toFixed(1)} ms`);
console.log(`errors      ${failures.length}${failures.length ? `: ${failures.slice(0, 5).join('; ')}` : ''}`);
process.exit(failures.length > 0 ? 1 : 0);

