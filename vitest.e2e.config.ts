import { defineConfig } from 'vitest/config';

// Browser tests: Debian's Chromium through playwright-core, on the built site in dist/.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false
  }
});
