import { defineConfig } from 'vitest/config';

/** The fault suite (`npm run test:chaos`): long, heavy, one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/chaos/**/*.test.ts'],
    testTimeout: 10 * 60_000,
    hookTimeout: 60_000,
    maxWorkers: 1,
    pool: 'forks',
  },
});
