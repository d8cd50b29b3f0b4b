import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Real-browser tests: one file at a time (each launches a browser), generous timeouts for a 2-core machine.
export default defineConfig({
  // lib/ modules the tests share (dates, pages) import the UI messages by WXT's alias.
  resolve: { alias: { '#i18n': fileURLToPath(new URL('./.wxt/i18n/index.ts', import.meta.url)) } },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    reporters: ['default'],
  },
});
