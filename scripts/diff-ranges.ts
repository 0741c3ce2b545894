/**
 * The lines a change wrote, from `git diff --unified=0`: for each file, the line ranges of its
 * new side (what `npm run mutate:changed` hands Stryker to mutate).
 */

/** The new-side line ranges of each changed file, from a zero-context diff's hunk headers. */
export function changedRanges(diff: string): Map<string, Array<[number, number]>> {
  const ranges = new Map<string, Array<[number, number]>>();
  let file: string | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      // A deleted file has no new side.
      file = /^\+\+\+ b\/(.+)$/.exec(line)?.[1];
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (!hunk || !file) continue;
    const start = Number(hunk[1]);
    const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
    // A hunk that only removes lines leaves nothing to mutate on the new side.
    if (count === 0) continue;
    ranges.set(file, [...(ranges.get(file) ?? []), [start, start + count - 1]]);
  }
  return ranges;
}
