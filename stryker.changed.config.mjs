// The short mutation run of `npm run mutate:changed` (scripts/mutate-changed.ts): the main
// configuration, with the lines to mutate given on the command line, no incremental file,
// and a report of its own, so a full run's report and incremental file stay as they are.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  incremental: false,
  reporters: ['progress-append-only', 'json'],
  jsonReporter: { fileName: 'reports/mutation/changed.json' }
};
