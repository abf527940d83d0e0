import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure layers in Node, DOM layers in happy-dom by file-level environment comments) and
 * `browser` (the real reader served by Vite and driven in Debian's Chromium through playwright-core).
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/support/fast-check-seed.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
