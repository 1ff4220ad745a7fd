import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ImmediateSqliteDialect } from '../../server/storage/sql/sqlite-dialect';
import { cachingStatements } from '../../server/storage/sql/statement-cache';

/** Kysely's SQLite driver prepares every query; the cache prepares each SQL text once. */
describe('prepared statement cache (SQLite)', () => {
  const opened: Database.Database[] = [];
  afterEach(() => {
    for (const d of opened.splice(0)) d.close();
  });
  function open() {
    const raw = new Database(':memory:');
    opened.push(raw);
    raw.exec('create table t (a integer)');
    raw.exec('insert into t values (1), (2), (3)');
    let prepared = 0;
    const counting = Object.assign(Object.create(raw) as Database.Database, {
      prepare: (text: string) => {
        prepared++;
        return raw.prepare(text);
      },
      close: () => raw.close(),
    });
    return { db: cachingStatements(counting), prepared: () => prepared, raw };
  }

  it('prepares one SQL text once and answers correctly every time', async () => {
    const { db, prepared } = open();
    const k = new Kysely<{ t: { a: number } }>({ dialect: new ImmediateSqliteDialect({ database: db }) });
    for (let i = 1; i <= 3; i++) {
      const row = await k.selectFrom('t').select('a').where('a', '=', i).executeTakeFirst();
      expect(row?.a).toBe(i);
    }
    expect(prepared()).toBe(1);
    await k.insertInto('t').values({ a: 4 }).execute();
    expect((await sql<{ n: number }>`select count(*) as n from t`.execute(k)).rows[0]?.n).toBe(4);
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    const { db } = open();
    const first = db.prepare('select a from t');
    const iterator = first.iterate([]);
    iterator.next();
    const second = db.prepare('select a from t');
    expect(second).not.toBe(first);
    expect(second.all([])).toHaveLength(3);
    iterator.return?.();
    expect(db.prepare('select a from t')).toBe(first);
  });

  it('keeps at most 256 texts, dropping the least recently used', () => {
    const { db, prepared } = open();
    const hot = db.prepare('select a from t where a = 0');
    for (let i = 1; i <= 300; i++) {
      db.prepare(`select a from t where a = ${i}`);
      db.prepare('select a from t where a = 0');
    }
    expect(db.prepare('select a from t where a = 0')).toBe(hot);
    const before = prepared();
    db.prepare('select a from t where a = 1');
    expect(prepared()).toBe(before + 1);
  });
});
