import { defineConfig } from 'vitest/config';

// Unit tests: pure analysis in src/lib, and the content scripts.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Fixtures load in a beforeEach (tests/unit/README.md); on a loaded machine a corpus takes longer than the 10 s default.
    testTimeout: 20_000,
    hookTimeout: 60_000
  }
});
