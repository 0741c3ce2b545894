// Mutation testing of src/lib: `npm run mutate` prints the score per folder. Not part of
// npm test: a full run takes long on two cores. Incremental, so a second run only tests
// the mutants of what changed; narrow a run with
//   npx stryker run --mutate 'src/lib/align/**/*.ts' && npm run mutate:scores
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts' },
  // The index files only re-export.
  mutate: ['src/lib/**/*.ts', '!src/lib/**/index.ts'],
  // Each mutant runs only the tests that reach its code.
  coverageAnalysis: 'perTest',
  reporters: ['progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 20000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
};
