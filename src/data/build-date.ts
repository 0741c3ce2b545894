/**
 * The date of a build: SOURCE_DATE_EPOCH when set, else the time of the last
 * commit, else now. A fixed date keeps builds of one commit byte-identical.
 */
import { execFileSync } from 'node:child_process';

/** The build's date. */
export function buildDate(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  if (Number.isFinite(epoch) && epoch > 0) return new Date(epoch * 1000);
  try {
    const committed = execFileSync('git', ['log', '-1', '--format=%ct'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (committed) return new Date(Number(committed) * 1000);
  } catch {
    // Not a git checkout: fall back to now.
  }
  return new Date();
}

/** The build's date as YYYY-MM-DD (UTC), for citations. */
export function buildDay(): string {
  return buildDate().toISOString().slice(0, 10);
}
