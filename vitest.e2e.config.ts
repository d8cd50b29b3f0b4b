import { defineConfig } from 'vitest/config';

// Real-browser tests: one file at a time (each launches a browser), generous timeouts for a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    reporters: ['default'],
  },
});
