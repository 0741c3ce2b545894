import { defineConfig } from 'vitest/config';

// Integration tests: the scripts run as child processes on the project's Node (full builds,
// the importer's command line, the README walkthrough). Slower than unit tests, so a suite of their own.
export default defineConfig({
  test: {
    include: ['tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000
  }
});
