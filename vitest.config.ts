import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The fault suite has its own config and command (npm run test:chaos).
    exclude: ['tests/chaos/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Servers, browsers and Redis per file: two cores cannot take many files at once.
    maxWorkers: 2,
    pool: 'forks',
  },
});
