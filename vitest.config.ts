import { defineConfig } from 'vitest/config';

// Unit tests: pure analysis in src/lib, and the content scripts.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000
  }
});
