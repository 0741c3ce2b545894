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

/**
 * "Today" for the check that no statement is dated in the future: the
 * SUMMIT_DIFF_TODAY the build hands to Astro, else SOURCE_DATE_EPOCH when set
 * (a reproducible build of an old commit), else the real date. Never the last
 * commit's date: a statement signed after the last commit is not in the future.
 *
 * @param env the environment.
 * @param now the real time.
 */
export function checkDay(env: Record<string, string | undefined> = process.env, now: Date = new Date()): string {
  const given = env.SUMMIT_DIFF_TODAY;
  if (given && /^\d{4}-\d{2}-\d{2}$/.test(given)) return given;
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return (Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : now).toISOString().slice(0, 10);
}
