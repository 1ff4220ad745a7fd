import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Servers, browsers and Redis per file: two cores cannot take many files at once.
    maxWorkers: 2,
    pool: 'forks',
  },
});
