import { afterEach, describe, expect, it } from 'vitest';
import { COPY_ORDER, copyTables, verifyTables } from '../../server/storage/sql/copy-tables';
import { openTestSql, type TestSql } from '../helpers/sql';

const opened: TestSql[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.dispose();
});

async function seed(store: TestSql): Promise<void> {
  const at = '2026-12-01T09:00:00.000Z';
  await store.db.insertInto('users').values([
    { id: 'u1', email: 'karim@gent.be', password_hash: 'h1', name: 'Karim El Amrani', organization: 'Stad Gent', created_at: at },
    { id: 'u2', email: 'an@leuven.be', password_hash: 'h2', name: 'An Peeters', organization: 'Stad Leuven', created_at: at, deleted_at: at },
  ]).execute();
  await store.db.insertInto('sessions').values({ token_hash: 't1', user_id: 'u1', created_at: at, expires_at: 1_900_000_000_000 }).execute();
  await store.db.insertInto('workspaces').values({ id: 'w1', name: 'Wonen', description: '', created_by: 'u1', created_at: at }).execute();
  await store.db.insertInto('members').values({ workspace_id: 'w1', user_id: 'u1', role: 'owner', joined_at: at }).execute();
  await store.db.insertInto('documents').values({ id: 'd1', workspace_id: 'w1', kind: 'note', title: 'Één notitie', created_by: 'u1', created_at: at, updated_at: at }).execute();
  for (let i = 0; i < 450; i++) {
    await store.db.insertInto('events').values({ workspace_id: 'w1', type: 'document.updated', actor: 'u1', subject: 'd1', data: `{"i":${i}}`, at }).execute();
  }
  await store.db.insertInto('images').values({
    id: 'i1', workspace_id: 'w1', document_id: 'd1', content_type: 'image/png', width: 2, height: 1,
    bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]), created_by: 'u1', created_at: at,
  }).execute();
  // A suggestion decided by someone, and the notification about it (a document, no thread).
  await store.db.insertInto('suggestions').values({
    id: 's1', document_id: 'd1', author_id: 'u2', anchor_start: 'AQ==', anchor_end: 'Ag==', deleted_text: 'duur', insert_text: 'betaalbaar\nvoor iedereen',
    status: 'accepted', created_at: at, updated_at: at, decided_by: 'u1', decided_at: at,
  }).execute();
  await store.db.insertInto('notifications').values({
    id: 'n1', user_id: 'u2', thread_id: null, document_id: 'd1', actor_id: 'u1', excerpt: 'duur → betaalbaar', created_at: at, kind: 'suggestion_accepted',
  }).execute();
}

describe('copyTables from SQLite to PostgreSQL', () => {
  it('copies every row of every table, verified, and the target continues the event ids', async () => {
    const [source, target] = await Promise.all([openTestSql('sqlite'), openTestSql('postgres')]);
    opened.push(source, target);
    await seed(source);
    const counts = await copyTables(source, target);
    expect(counts.map((c) => c.table)).toEqual(COPY_ORDER.map((c) => c.table));
    expect(Object.fromEntries(counts.filter((c) => c.rows > 0).map((c) => [c.table, c.rows]))).toEqual({
      users: 2, sessions: 1, workspaces: 1, members: 1, documents: 1, events: 450, images: 1, suggestions: 1, notifications: 1,
    });
    const image = await target.db.selectFrom('images').select('bytes').executeTakeFirstOrThrow();
    expect(Buffer.from(image.bytes)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]));
    const next = await target.db
      .insertInto('events')
      .values({ workspace_id: 'w1', type: 'x', actor: 'u1', subject: 'd1', data: '{}', at: 'now' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(next.id).toBe(451);
    await target.db.deleteFrom('events').where('id', '=', 451).execute();
    await verifyTables(source, target);
    // One changed letter in one column is a difference.
    await target.db.updateTable('users').set({ organization: 'Stad Gent ' }).where('id', '=', 'u1').execute();
    await expect(verifyTables(source, target)).rejects.toThrow(/Table users/);
  });

  it('refuses a target that already holds rows, and changes nothing there', async () => {
    const [source, target] = await Promise.all([openTestSql('sqlite'), openTestSql('postgres')]);
    opened.push(source, target);
    await seed(source);
    await target.db.insertInto('users').values({ id: 'x', email: 'x@x.be', password_hash: 'h', name: 'X', organization: 'O', created_at: 'now' }).execute();
    await expect(copyTables(source, target)).rejects.toThrow(/already holds rows in users/);
    expect(await target.db.selectFrom('users').select('id').execute()).toEqual([{ id: 'x' }]);
  });
});
