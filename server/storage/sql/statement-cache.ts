import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared; `in (?, ?, …)` lists of every length would grow it without end. */
const MAX_STATEMENTS = 256;

interface CachedStatement extends SqliteStatement {
  /** better-sqlite3: true while an `iterate()` over it is open. */
  readonly busy?: boolean;
}

/**
 * The database as kysely's SQLite driver sees it, with each SQL text prepared once.
 * The driver prepares every query anew, and preparing costs more than running the small
 * lookups of the hot paths (a connect storm authorises hundreds of sockets with the same
 * two queries). A statement still being iterated (a streamed select) is busy: the next
 * query of that text gets a fresh one. Least recently used texts leave first.
 */
export function cachingStatements(db: SqliteDatabase & { prepare(sql: string): CachedStatement }): SqliteDatabase {
  const cache = new Map<string, CachedStatement>();
  return {
    close: () => db.close(),
    prepare(sql) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        // Map order is insertion order: re-inserting marks it as the most recent.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = db.prepare(sql);
      if (!hit) {
        cache.set(sql, stmt);
        if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
      }
      return stmt;
    },
  };
}
