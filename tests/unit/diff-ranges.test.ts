import { describe, expect, it } from 'vitest';
import { changedRanges } from '../../scripts/diff-ranges.ts';

// A zero-context diff written by hand: one file with a changed line, two added lines and a
// removal only; a new file; a deleted file.
const diff = `diff --git a/src/lib/align/order.ts b/src/lib/align/order.ts
index 1111111..2222222 100644
--- a/src/lib/align/order.ts
+++ b/src/lib/align/order.ts
@@ -12 +12 @@ export function order() {
-  return a;
+  return b;
@@ -40,0 +41,2 @@ function next() {
+  const c = 1;
+  const d = 2;
@@ -60,3 +62,0 @@ function gone() {
-  one();
-  two();
-  three();
diff --git a/src/lib/align/fresh.ts b/src/lib/align/fresh.ts
new file mode 100644
--- /dev/null
+++ b/src/lib/align/fresh.ts
@@ -0,0 +1,3 @@
+export const a = 1;
+export const b = 2;
+export const c = 3;
diff --git a/src/lib/align/old.ts b/src/lib/align/old.ts
deleted file mode 100644
--- a/src/lib/align/old.ts
+++ /dev/null
@@ -1,2 +0,0 @@
-export const x = 1;
-export const y = 2;
`;

describe('changedRanges', () => {
  it('gives the new-side lines of each hunk, skips removals and deleted files', () => {
    expect([...changedRanges(diff)]).toEqual([
      ['src/lib/align/order.ts', [[12, 12], [41, 42]]],
      ['src/lib/align/fresh.ts', [[1, 3]]]
    ]);
  });

  it('gives nothing for an empty diff', () => {
    expect(changedRanges('').size).toBe(0);
  });
});
