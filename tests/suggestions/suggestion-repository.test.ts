import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationRepository } from '../../server/comments/notification-repository';
import { NotificationMailRepository } from '../../server/notifications/mail-repository';
import { openDatabase } from '../../server/storage/db';
import { migrateToLatest, migrationsFor } from '../../server/storage/sql/migrate';
import { ImmediateSqliteDialect } from '../../server/storage/sql/sqlite-dialect';
import type { Dialect } from '../../server/storage/sql/dialect';
import { SuggestionRepository } from '../../server/suggestions/suggestion-repository';
import { createTestDatabase } from '../helpers/postgres';
import { SQL_DIALECTS, openTestSql, type TestSql } from '../helpers/sql';
import { seedDocument, seedMember, seedUser, seedWorkspace } from '../comments/sql-fixtures';

const anchor = { start: 'AQID', end: 'BAUG' };
let n = 0;

describe.each(SQL_DIALECTS)('suggestion repository and document notifications (%s)', (dialect) => {
  let store: TestSql;
  let repo: SuggestionRepository;

  /** A document in a workspace of a fresh owner, plus a second member; ids unique per test. */
  async function seed() {
    const k = `${dialect}-${++n}`;
    const owner = await seedUser(store.db, `o-${k}`, { name: 'Olivia Eigenaar' });
    const karim = await seedUser(store.db, `k-${k}`, { name: 'Karim El Amrani', organization: 'Stad Gent' });
    const wid = await seedWorkspace(store.db, `w-${k}`, owner);
    await seedMember(store.db, wid, karim, 'commenter');
    const did = await seedDocument(store.db, `d-${k}`, wid, owner, 'Aanbeveling wonen');
    return { owner, karim, did };
  }

  beforeAll(async () => {
    store = await openTestSql(dialect);
    repo = new SuggestionRepository(store.db);
  });
  afterAll(async () => {
    await store.dispose();
  });

  it('creates, lists pending oldest first (all on request), counts, and grows only while pending', async () => {
    const { owner, karim, did } = await seed();
    const a = await repo.create({ documentId: did, authorId: karim, anchor, deletedText: 'duur', insertText: 'betaalbaar' });
    const b = await repo.create({ documentId: did, authorId: owner, anchor, deletedText: '', insertText: 'nieuw\nalinea' });
    expect(a).toMatchObject({ documentId: did, status: 'pending', author: { id: karim, name: 'Karim El Amrani', organization: 'Stad Gent' }, anchor, decidedBy: null, decidedAt: null });
    expect((await repo.pending(did)).map((s) => s.id)).toEqual([a.id, b.id]);
    expect(await repo.countPending(did)).toBe(2);

    const grown = await repo.update(a.id, { anchor: { start: 'Cg==', end: 'Cw==' }, deletedText: 'heel duur', insertText: 'betaalbaar' });
    expect(grown).toMatchObject({ deletedText: 'heel duur', anchor: { start: 'Cg==', end: 'Cw==' }, status: 'pending' });
    expect(grown!.updatedAt >= a.updatedAt).toBe(true);

    const decided = await repo.decide(a.id, { status: 'rejected', byUserId: owner });
    expect(decided).toMatchObject({ status: 'rejected', decidedBy: { id: owner, name: 'Olivia Eigenaar' } });
    expect(decided!.decidedAt).not.toBeNull();
    expect(await repo.decide(a.id, { status: 'accepted', byUserId: owner })).toBeUndefined();
    expect(await repo.update(a.id, { anchor, deletedText: 'x', insertText: 'y' })).toBeUndefined();
    expect((await repo.pending(did)).map((s) => s.id)).toEqual([b.id]);
    expect((await repo.list(did, 'all')).map((s) => [s.id, s.status])).toEqual([
      [a.id, 'rejected'],
      [b.id, 'pending'],
    ]);
    expect(await repo.countPending(did)).toBe(1);
  });

  it('reopens an accept that could not be applied; nothing else', async () => {
    const { owner, karim, did } = await seed();
    const s = await repo.create({ documentId: did, authorId: karim, anchor, deletedText: 'a', insertText: 'b' });
    await repo.decide(s.id, { status: 'accepted', byUserId: owner });
    await repo.reopen(s.id);
    expect(await repo.get(s.id)).toMatchObject({ status: 'pending', decidedBy: null, decidedAt: null });
    await repo.decide(s.id, { status: 'withdrawn', byUserId: karim });
    await repo.reopen(s.id);
    expect((await repo.get(s.id))!.status).toBe('withdrawn');
  });

  it('refuses an unknown status, and goes with its document', async () => {
    const { karim, did } = await seed();
    const s = await repo.create({ documentId: did, authorId: karim, anchor, deletedText: 'a', insertText: 'b' });
    await expect(store.db.updateTable('suggestions').set({ status: 'merged' }).where('id', '=', s.id).execute()).rejects.toThrow();
    await store.db.deleteFrom('documents').where('id', '=', did).execute();
    expect(await repo.get(s.id)).toBeUndefined();
  });

  it('a notification about a document (no thread) is listed, mailed and goes with its document', async () => {
    const { owner, karim, did } = await seed();
    const notifications = new NotificationRepository(store.db);
    expect(await notifications.add({ kind: 'suggestion_accepted', userIds: [karim], actorId: owner, documentId: did, body: 'duur → betaalbaar' })).toEqual([karim]);
    const { notifications: listed, unread } = await notifications.list(karim);
    expect(unread).toBe(1);
    expect(listed).toMatchObject([{ type: 'suggestion_accepted', documentId: did, documentTitle: 'Aanbeveling wonen', threadId: null, excerpt: 'duur → betaalbaar' }]);
    const mail = (await new NotificationMailRepository(store.db).pendingInstant()).filter((p) => p.user_id === karim);
    expect(mail).toMatchObject([{ kind: 'suggestion_accepted', document_id: did, thread_id: null, actor_name: 'Olivia Eigenaar' }]);
    await store.db.deleteFrom('documents').where('id', '=', did).execute();
    expect((await notifications.list(karim)).notifications).toEqual([]);
    expect(await store.db.selectFrom('notifications').select('id').where('user_id', '=', karim).execute()).toEqual([]);
  });

  it('a notification names a thread or a document', async () => {
    const { owner, karim } = await seed();
    const row = { id: `bare-${dialect}`, user_id: karim, actor_id: owner, excerpt: '', created_at: new Date().toISOString() };
    await expect(store.db.insertInto('notifications').values({ ...row, thread_id: null }).execute()).rejects.toThrow();
  });
});

/** A store with every migration before suggestions applied, as a running deployment has it. */
async function olderStore(dialect: Dialect): Promise<{ db: Kysely<any>; dispose(): Promise<void> }> {
  if (dialect === 'postgres') {
    const database = await createTestDatabase();
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }) });
    return { db, dispose: async () => (await db.destroy(), await database.drop()) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadskamer-mig-'));
  const sqlite = openDatabase(dir);
  const db = new Kysely<any>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { db, dispose: async () => (sqlite.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

describe.each(SQL_DIALECTS)('migrating an existing store to suggestions (%s)', (dialect) => {
  it('keeps every notification and its indexes', async () => {
    const store = await olderStore(dialect);
    try {
      const all = migrationsFor(dialect);
      const before = Object.fromEntries(Object.entries(all).filter(([name]) => name < '0600'));
      await migrateToLatest(store.db, dialect, before);
      const db = store.db as unknown as Kysely<import('../../server/storage/sql/tables').Tables>;
      await seedUser(db, 'u1');
      await seedUser(db, 'u2');
      await seedWorkspace(db, 'w1', 'u1');
      await seedMember(db, 'w1', 'u2', 'commenter');
      await seedDocument(db, 'd1', 'w1', 'u1');
      const at = '2026-03-01T09:00:00.000Z';
      await db.insertInto('comment_threads').values({ id: 't1', document_id: 'd1', anchor_start: 'AQ==', anchor_end: 'AQ==', quote: 'q', author_id: 'u2', body: 'b', created_at: at }).execute();
      await db.insertInto('notifications').values({ id: 'n1', user_id: 'u2', thread_id: 't1', actor_id: 'u1', excerpt: 'hallo', created_at: at, kind: 'reply' }).execute();
      await migrateToLatest(store.db, dialect, all);
      expect(await db.selectFrom('notifications').selectAll().execute()).toMatchObject([{ id: 'n1', thread_id: 't1', document_id: null, kind: 'reply', excerpt: 'hallo' }]);
      const { notifications } = await new NotificationRepository(db).list('u2');
      expect(notifications).toMatchObject([{ id: 'n1', threadId: 't1', documentId: 'd1', type: 'reply' }]);
      // Deleting the thread still takes its notifications with it.
      await db.deleteFrom('comment_threads').where('id', '=', 't1').execute();
      expect(await db.selectFrom('notifications').select('id').execute()).toEqual([]);
      if (dialect === 'sqlite') {
        const indexes = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'notifications' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(db);
        expect(indexes.rows.map((r) => r.name)).toEqual(['notifications_by_user', 'notifications_unmailed']);
      }
    } finally {
      await store.dispose();
    }
  });
});
