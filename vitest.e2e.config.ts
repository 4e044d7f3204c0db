import { defineConfig } from 'vitest/config';

/** The browser suites: real Chromium and Firefox driving the built extension (`npm run build` first). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
