import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser end-to-end suites have their own config (vitest.e2e.config.ts).
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Model inference on a 2-core machine: let one file use the cores at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
