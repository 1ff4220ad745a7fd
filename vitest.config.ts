import { defineConfig } from 'vitest/config';

/** The sync, durability, auth and scale tests (and a few feature APIs) run a second time with everything in PostgreSQL. */
const ON_POSTGRES = [
  'tests/sync/convergence.test.ts',
  'tests/sync/durability.test.ts',
  'tests/sync/auth.test.ts',
  'tests/api/auth.test.ts',
  'tests/sync/compaction.test.ts',
  'tests/scale/two-instances.test.ts',
  'tests/images/upload.test.ts',
  'tests/boards/join-api.test.ts',
  'tests/documents/lifecycle.test.ts',
  'tests/search/search-api.test.ts',
  'tests/api/events.test.ts',
  'tests/api/notification-mail.test.ts',
  'tests/api/accounts.test.ts',
  'tests/api/members.test.ts',
  'tests/api/comments-access.test.ts',
  'tests/versions/versions-api.test.ts',
  'tests/versions/shutdown-version.test.ts',
  'tests/suggestions/suggestions-api.test.ts',
  'tests/suggestions/suggestion-mail.test.ts',
  'tests/templates/templates.test.ts',
];

export default defineConfig({
  test: {
    // The fault suite has its own config and command (npm run test:chaos).
    exclude: ['tests/chaos/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Servers, browsers and Redis per file: two cores cannot take many files at once.
    maxWorkers: 2,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['tests/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ON_POSTGRES,
          env: { TEST_STORE: 'postgres' },
          globalSetup: ['tests/helpers/postgres-setup.ts'],
        },
      },
    ],
  },
});
