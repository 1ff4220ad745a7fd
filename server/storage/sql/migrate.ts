import { Migrator, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './dialect';
import { identityBaseline } from './migrations/0001-identity';
import { contentBaseline } from './migrations/0002-content';
import { presenceEventsByAge } from './migrations/0003-presence-events-by-age';
import { insertionOrder } from './migrations/0200-insertion-order';
import { oneOpenJoinSession } from './migrations/0201-one-open-join-session';
import { eventLocks } from './migrations/0300-event-locks';
import { searchPostgres } from './migrations/0301-search-postgres';
import { ssoTables } from './migrations/0400-sso';
import { versionTables } from './migrations/0500-versions';
import { suggestionTables } from './migrations/0600-suggestions';
import { notificationDocuments } from './migrations/0601-notification-documents';

/**
 * The schema's migrations, by name, applied in name order and recorded in
 * `kysely_migration`. Append new ones with a higher number; never edit a shipped one.
 * Migrations receive the dialect for the few types that differ (see dialect.ts).
 */
export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-identity': identityBaseline(),
    '0002-content': contentBaseline(dialect),
    '0003-presence-events-by-age': presenceEventsByAge(),
    '0200-insertion-order': insertionOrder(dialect),
    '0201-one-open-join-session': oneOpenJoinSession(),
    '0300-event-locks': eventLocks(),
    '0301-search-postgres': searchPostgres(dialect),
    '0400-sso': ssoTables(),
    '0500-versions': versionTables(dialect),
    '0600-suggestions': suggestionTables(),
    '0601-notification-documents': notificationDocuments(dialect),
  };
}

/**
 * Brings the schema up to date. On PostgreSQL kysely serialises concurrent migrators with
 * an advisory lock. On SQLite the migration transaction is BEGIN IMMEDIATE (see
 * sqlite-dialect.ts), but kysely creates its own bookkeeping tables before that: two
 * instances starting together on a fresh file may collide there, so a busy or
 * already-exists answer is retried, and the second instance then finds nothing to do.
 */
export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect, migrations = migrationsFor(dialect)): Promise<void> {
  // Features land in any order (each has its own number range): a migration numbered below
  // one already applied still runs, instead of the database refusing to open.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return;
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    if (dialect !== 'sqlite' || !isTransient(error) || Date.now() > deadline) {
      throw new Error(`migration ${failed ?? '(bookkeeping)'} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, { cause: error });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isTransient(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_BUSY') || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /already exists/.test(String(error));
}
