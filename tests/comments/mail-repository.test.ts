import { afterEach, describe, expect, it } from 'vitest';
import { CommentRepository } from '../../server/comments/comment-repository';
import { NotificationRepository } from '../../server/comments/notification-repository';
import { NotificationMailRepository } from '../../server/notifications/mail-repository';
import { SQL_DIALECTS, openTestSql, type TestSql } from '../helpers/sql';
import { seedDocument, seedMember, seedUser, seedWorkspace } from './sql-fixtures';

const opened: TestSql[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.dispose();
});

/** Ann comments; Bob wants mail at once, Dag a daily digest, Eva none; Fien was removed. */
async function setUp(dialect: (typeof SQL_DIALECTS)[number]) {
  const store = await openTestSql(dialect);
  opened.push(store);
  const { db } = store;
  await seedUser(db, 'ann', { name: 'Ann' });
  await seedUser(db, 'bob', { notifyMail: 'instant' });
  await seedUser(db, 'dag', { notifyMail: 'daily' });
  await seedUser(db, 'eva', { notifyMail: 'off' });
  await seedUser(db, 'fien', { notifyMail: 'instant' });
  await seedWorkspace(db, 'w1', 'ann');
  for (const u of ['bob', 'dag', 'eva']) await seedMember(db, 'w1', u, 'commenter');
  await seedDocument(db, 'd1', 'w1', 'ann', 'Aanbeveling wonen');
  const thread = await new CommentRepository(db).create({ documentId: 'd1', anchor: { start: 'a', end: 'b' }, quote: 'q', authorId: 'ann', body: 'Vraag', mentions: [] });
  await new NotificationRepository(db).add({ kind: 'reply', userIds: ['bob', 'dag', 'eva', 'fien'], actorId: 'ann', threadId: thread.id, body: 'Antwoord' });
  return { store, mail: new NotificationMailRepository(db), threadId: thread.id };
}

describe.each(SQL_DIALECTS)('notification mail bookkeeping (%s)', (dialect) => {
  it('finds what is due per choice, and each notification is claimed by one sender only', async () => {
    const { store, mail, threadId } = await setUp(dialect);
    const instant = await mail.pendingInstant();
    expect(instant).toEqual([
      expect.objectContaining({ user_id: 'bob', email: 'bob@example.be', kind: 'reply', actor_name: 'Ann', document_id: 'd1', document_title: 'Aanbeveling wonen', thread_id: threadId, excerpt: 'Antwoord' }),
    ]);
    const id = instant[0]!.id;
    // Two instances flushing at once: exactly one gets it.
    const claims = await Promise.all([mail.claim([id], new Date()), mail.claim([id], new Date())]);
    expect(claims.map((c) => c.length).sort()).toEqual([0, 1]);
    expect(await mail.pendingInstant()).toEqual([]);
    await mail.release([id]);
    expect((await mail.pendingInstant()).map((p) => p.id)).toEqual([id]);

    // A notification read in the app is not mailed any more.
    await store.db.updateTable('notifications').set({ read_at: new Date().toISOString() }).where('id', '=', id).execute();
    expect(await mail.pendingInstant()).toEqual([]);
  });

  it('sends a digest once per period, whoever asks, and again after a failed send', async () => {
    const { mail } = await setUp(dialect);
    const boundary = Date.UTC(2030, 0, 4, 6);
    const later = new Date(boundary + 60_000);
    const due = await mail.pendingDigests(boundary, later);
    expect(due.map((p) => p.user_id)).toEqual(['dag']);
    expect(await mail.pendingDigests(boundary, new Date('2000-01-01T00:00:00Z'))).toEqual([]);
    const claims = await Promise.all([mail.claimDigest('dag', boundary, later), mail.claimDigest('dag', boundary, later)]);
    expect(claims.sort()).toEqual([false, true]);
    expect(await mail.pendingDigests(boundary, later)).toEqual([]);
    await mail.releaseDigest('dag');
    expect(await mail.claimDigest('dag', boundary, later)).toBe(true);
    expect(await mail.claimDigest('dag', boundary + 86_400_000, new Date(boundary + 86_400_000))).toBe(true);
  });

  it('one unsubscribe token per person; unknown tokens change nothing', async () => {
    const { store, mail } = await setUp(dialect);
    const [a, b] = await Promise.all([mail.unsubscribeToken('bob'), mail.unsubscribeToken('bob')]);
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(20);
    expect(await mail.unsubscribe('not-a-token')).toBe(false);
    expect(await mail.unsubscribe(a)).toBe(true);
    const bob = await store.db.selectFrom('users').select('notify_mail').where('id', '=', 'bob').executeTakeFirst();
    expect(bob).toEqual({ notify_mail: 'off' });
    expect(await mail.pendingInstant()).toEqual([]);
  });
});
