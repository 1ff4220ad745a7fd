import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql as raw } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../server/storage/db';
import { migrations as legacyMigrations } from '../../server/storage/migrations';
import { migrationsFor } from '../../server/storage/sql/migrate';
import { openSql } from '../../server/storage/sql/open-sql';
import type { Tables } from '../../server/storage/sql/tables';
import { SQL_DIALECTS, openTestSql, type TestSql } from '../helpers/sql';

const TABLES: (keyof Tables)[] = [
  'users', 'sessions', 'workspaces', 'documents', 'events', 'comment_threads', 'comment_replies', 'notifications',
  'members', 'invites', 'invite_uses', 'password_resets', 'join_sessions', 'guest_accounts', 'board_drafts', 'images',
  'search_entries', 'templates', 'document_versions', 'authorship',
];

async function columnsOf(store: Pick<TestSql, 'db' | 'dialect'>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES) {
    const rows =
      store.dialect === 'sqlite'
        ? (await raw<{ name: string }>`SELECT name FROM pragma_table_info(${t})`.execute(store.db)).rows
        : (
            await raw<{ name: string }>`SELECT column_name AS name FROM information_schema.columns
              WHERE table_schema = current_schema() AND table_name = ${t}`.execute(store.db)
          ).rows;
    out[t] = rows.map((r) => r.name).sort();
  }
  return out;
}

const opened: TestSql[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.dispose();
});

describe('the relational schema from the kysely migrations', () => {
  it('is the same set of tables and columns on SQLite and PostgreSQL', async () => {
    const [lite, pg] = await Promise.all(SQL_DIALECTS.map((d) => openTestSql(d)));
    opened.push(lite!, pg!);
    const liteColumns = await columnsOf(lite!);
    expect(liteColumns.users).toContain('password_hash');
    for (const t of TABLES) expect(liteColumns[t]!.length, t).toBeGreaterThan(1);
    expect(await columnsOf(pg!)).toEqual(liteColumns);
  });

  it.each(SQL_DIALECTS)('records the migrations by name and applies none twice (%s)', async (dialect) => {
    const store = await openTestSql(dialect);
    opened.push(store);
    const names = async () =>
      (await raw<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(store.db)).rows.map((r) => r.name);
    const before = await names();
    expect(before.slice(0, 3)).toEqual(['0001-identity', '0002-content', '0003-presence-events-by-age']);
    expect(before).toEqual(Object.keys(migrationsFor(dialect)).sort());
    // Opening again (a restart) must find nothing to do and keep the data.
    await store.db.insertInto('users').values({
      id: 'u1', email: 'a@b.be', password_hash: 'x', name: 'A', organization: 'Stad Gent', created_at: new Date().toISOString(),
    }).execute();
    const again = store.dialect === 'sqlite' ? await openSql({ sqlite: store.sqlite! }) : null;
    if (again) expect(await names()).toEqual(before);
    expect((await store.db.selectFrom('users').select('email').execute()).map((r) => r.email)).toEqual(['a@b.be']);
  });

  it('finishes a SQLite file from an earlier release and then leaves its schema alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-legacy-'));
    // A file that an earlier release left at version 40, with an account in it.
    const old = new BetterSqlite3(path.join(dir, 'stadskamer.db'));
    const upTo40 = legacyMigrations.filter((m) => m.version <= 40);
    old.pragma('user_version = 0');
    for (const m of upTo40) old.transaction(() => { m.up(old); old.pragma(`user_version = ${m.version}`); })();
    old.prepare("INSERT INTO users (id, email, password_hash, name, organization, created_at) VALUES ('u1', 'k@gent.be', 'h', 'K', 'Stad Gent', '2026-01-01T00:00:00Z')").run();
    old.close();

    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(95);
    const store = await openSql({ sqlite: db });
    const fresh = await openTestSql('sqlite');
    opened.push(fresh);
    const upgraded = await columnsOf(store);
    expect(upgraded).toEqual(await columnsOf(fresh));
    expect(await store.db.selectFrom('users').select('language').where('id', '=', 'u1').executeTakeFirst()).toEqual({ language: 'nl' });
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
    // migrate() on a fresh file leaves it alone: its schema comes from kysely.
    const empty = new BetterSqlite3(':memory:');
    migrate(empty, legacyMigrations);
    expect(empty.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
  });

  it('lets two instances open one fresh SQLite file at the same moment', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-race-'));
    const a = openDatabase(dir);
    const b = openDatabase(dir);
    const [sa, sb] = await Promise.all([openSql({ sqlite: a }), openSql({ sqlite: b })]);
    await sa.db.insertInto('users').values({
      id: 'u1', email: 'a@b.be', password_hash: 'x', name: 'A', organization: 'O', created_at: 'now',
    }).execute();
    expect(await sb.db.selectFrom('users').select('id').execute()).toEqual([{ id: 'u1' }]);
    a.close();
    b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
