import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrations as defaultMigrations, type Migration } from './migrations';

export type { Database };

/**
 * Opens (or creates) the SQLite database in `dataDir` and brings its schema up to date.
 * WAL lets readers run beside the single writer; synchronous=NORMAL keeps every commit
 * safe against a killed process (the WAL is in the OS cache) at a fraction of FULL's cost.
 * The relational schema itself comes from `openSql` (./sql/open-sql.ts), which runs after.
 */
export function openDatabase(dataDir: string, migrations: Migration[] = defaultMigrations): Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new BetterSqlite3(path.join(dataDir, 'stadskamer.db'));
  // Several instances on one host may share the file: wait for the writer instead of failing.
  // Set first: switching a fresh file to WAL needs a lock another starting instance may hold.
  db.pragma('busy_timeout = 5000');
  // Changing the journal mode of a fresh file can answer SQLITE_BUSY at once, without waiting
  // for busy_timeout, while another instance is doing the same: retry for a while.
  whileBusy(() => db.pragma('journal_mode = WAL'));
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  return db;
}

/** Runs `fn`, retrying for up to `timeoutMs` while SQLite answers SQLITE_BUSY. */
function whileBusy<T>(fn: () => T, timeoutMs = 10_000): T {
  const deadline = Date.now() + timeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return fn();
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw err;
      // A synchronous pause: opening the database happens before the server serves anything.
      Atomics.wait(pause, 0, 0, 20);
    }
  }
}

/**
 * Frozen: the numbered migrations below are how SQLite files were versioned before the
 * schema moved to kysely (./sql/migrate.ts); new tables and columns go there.
 *
 * Applies the migrations newer than the database's `user_version`, each in its own
 * transaction. The version is read inside that transaction, after BEGIN IMMEDIATE took the
 * write lock: two instances starting together on a fresh file cannot both see version 0
 * and both create the same tables; the second waits and then finds nothing left to do.
 */
export function migrate(db: Database, migrations: Migration[]): void {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const apply = db.transaction((m: Migration) => {
    const current = db.pragma('user_version', { simple: true }) as number;
    // A fresh file (version 0) gets its schema from the kysely migrations (./sql/migrate.ts)
    // instead; the numbered ones only finish a file that an earlier release began.
    if (current === 0 || m.version <= current) return;
    m.up(db);
    db.pragma(`user_version = ${m.version}`);
  });
  for (const m of ordered) apply.immediate(m);
}
