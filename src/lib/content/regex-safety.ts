/**
 * Catastrophic backtracking (ReDoS) in the lexicon's patterns. The patterns run
 * on the JavaScript engine in several places (tagging, the aligner's
 * normaliser, the tracker, the search records), so instead of moving them all
 * to a linear-time engine one gate at load time refuses a pattern that can
 * backtrack exponentially, found by the `recheck` checker.
 *
 * recheck takes about 0.1 s a pattern and sees quadratic blow-up in nearly
 * every `word\w*` pattern of the corpus, which is harmless on a clause, so only
 * what can be exponential is sent to it: exponential backtracking needs a
 * repeated group (`(…)*`, `(…)+`, `(…){2,}`) or a backreference; a pattern
 * with neither is at most polynomial in the length of a clause, which the
 * limits keep short.
 */
import { checkSync } from 'recheck';

/** How long recheck may look at one pattern, in milliseconds. */
export const recheckTimeoutMs = 5_000;

const repeatedGroup = /\)(?:[*+]|\{\d*,\d*\}|\{\d{2,}\})|\\[1-9]|\\k</;

/** Whether the pattern could backtrack exponentially and so needs the checker. */
export function needsReDoSCheck(pattern: string): boolean {
  return repeatedGroup.test(pattern);
}

type Verdict = { problem?: string; unchecked?: string };
// Patterns repeat across loads (tests, the build and Astro's own load): check each once.
const verdicts = new Map<string, Verdict>();

function verdictOf(pattern: string): Verdict {
  const known = verdicts.get(pattern);
  if (known) return known;
  let verdict: Verdict = {};
  if (needsReDoSCheck(pattern)) {
    const result = checkSync(pattern, 'iu', { timeout: recheckTimeoutMs });
    if (result.status === 'vulnerable' && result.complexity.type === 'exponential') {
      verdict = { problem: `it can take exponential time (catastrophic backtracking), for example on ${result.attack.pattern}` };
    } else if (result.status === 'unknown') {
      // A timeout depends on the machine's load: a warning, so that the same content never passes on one machine and fails on another.
      verdict = { unchecked: `the checker could not decide within ${recheckTimeoutMs / 1000} s whether it can backtrack catastrophically` };
    }
  }
  verdicts.set(pattern, verdict);
  return verdict;
}

/**
 * Why `pattern` may hang the build, or undefined when it cannot.
 *
 * @param pattern a regular expression source, compiled with the flags `iu`.
 */
export function redosProblem(pattern: string): string | undefined {
  return verdictOf(pattern).problem;
}

/**
 * Why `pattern` could not be cleared in time, or undefined when it was (or needs no check).
 *
 * @param pattern a regular expression source, compiled with the flags `iu`.
 */
export function redosUnchecked(pattern: string): string | undefined {
  return verdictOf(pattern).unchecked;
}
