/**
 * Reproducible builds: build the same commit twice into fresh folders and
 * compare every file's hash. Exits 1 when any file differs.
 * Usage: node scripts/check-reproducible.ts
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildDate } from '../src/data/build-date.ts';

// Files allowed to differ between two builds, with the reason. None so far.
const exceptions: Record<string, string> = {};

async function hashes(dir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    result.set(relative(dir, full), createHash('sha256').update(await readFile(full)).digest('hex'));
  }
  return result;
}

const scratch = await mkdtemp(join(tmpdir(), 'summit-diff-repro-'));
const epoch = String(Math.floor(buildDate().getTime() / 1000));
const builds: Array<Map<string, string>> = [];
for (const name of ['first', 'second']) {
  const outDir = join(scratch, name);
  const run = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, OUT_DIR: outDir, SOURCE_DATE_EPOCH: epoch } });
  if (run.status !== 0) {
    console.error(`The ${name} build failed.`);
    process.exit(1);
  }
  builds.push(await hashes(outDir));
}
await rm(scratch, { recursive: true, force: true });

const [first = new Map(), second = new Map()] = builds;
const names = [...new Set([...first.keys(), ...second.keys()])].sort();
const differing = names.filter((name) => first.get(name) !== second.get(name));
const unexpected = differing.filter((name) => !(name in exceptions));
for (const name of differing) console.log(`${name in exceptions ? 'allowed' : 'DIFFERS'}  ${name}${name in exceptions ? `  (${exceptions[name]})` : ''}`);
console.log(`Two builds: ${names.length} files, ${differing.length} differ (${unexpected.length} unexpected).`);
process.exit(unexpected.length > 0 ? 1 : 0);
