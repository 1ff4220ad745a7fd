import { afterEach, describe, expect, it } from 'vitest';
import { CommentRepository } from '../../server/comments/comment-repository';
import { NotificationRepository } from '../../server/comments/notification-repository';
import { isForeignKeyViolation } from '../../server/storage/sql/errors';
import { SQL_DIALECTS, openTestSql, type TestSql } from '../helpers/sql';
import { seedDocument, seedMember, seedUser, seedWorkspace } from './sql-fixtures';

const opened: TestSql[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.dispose();
});

const anchor = { start: 'AQID', end: 'BAUG' };

/** Ann owns workspace w1 with document d1 (and d2); Bob is a member; Cas is not. */
async function setUp(dialect: (typeof SQL_DIALECTS)[number]) {
  const store = await openTestSql(dialect);
  opened.push(store);
  const { db } = store;
  await seedUser(db, 'ann', { name: 'Ann', organization: 'Stad Gent' });
  await seedUser(db, 'bob', { name: 'Bob', organization: 'Stad Leuven' });
  await seedUser(db, 'cas', { name: 'Cas', organization: 'Elders' });
  await seedWorkspace(db, 'w1', 'ann');
  await seedMember(db, 'w1', 'bob', 'commenter');
  await seedDocument(db, 'd1', 'w1', 'ann', 'Aanbeveling wonen');
  await seedDocument(db, 'd2', 'w1', 'ann');
  return { store, comments: new CommentRepository(db), notifications: new NotificationRepository(db) };
}

describe.each(SQL_DIALECTS)('comment threads and replies (%s)', (dialect) => {
  it('stores threads and replies and lists them per document, oldest first, with their authors', async () => {
    const { comments } = await setUp(dialect);
    const first = await comments.create({ documentId: 'd1', anchor, quote: 'Wonen', authorId: 'ann', body: 'Eerste vraag', mentions: ['bob'] });
    const second = await comments.create({ documentId: 'd1', anchor, quote: 'Wonen', authorId: 'bob', body: 'Tweede', mentions: [] });
    await comments.create({ documentId: 'd2', anchor, quote: 'x', authorId: 'ann', body: 'Elders', mentions: [] });
    const reply = (await comments.reply({ threadId: first.id, authorId: 'bob', body: 'Een antwoord', mentions: ['ann'] }))!;
    expect(first).toMatchObject({
      documentId: 'd1',
      anchor,
      quote: 'Wonen',
      author: { id: 'ann', name: 'Ann', organization: 'Stad Gent', color: expect.any(String) },
      mentions: ['bob'],
      resolved: false,
      resolvedBy: null,
      replies: [],
    });
    expect(reply).toMatchObject({ author: { id: 'bob', name: 'Bob' }, body: 'Een antwoord', mentions: ['ann'], editedAt: null });

    const listed = await comments.list('d1');
    const order = [first, second].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
    expect(listed.map((t) => t.id)).toEqual(order.map((t) => t.id));
    expect(listed.find((t) => t.id === first.id)!.replies).toEqual([reply]);
    expect(await comments.get(first.id)).toEqual(listed.find((t) => t.id === first.id));
    expect(await comments.find(second.id)).toEqual({ id: second.id, documentId: 'd1', authorId: 'bob', resolved: false });
    expect(await comments.findReply(first.id, reply.id)).toEqual({ id: reply.id, threadId: first.id, authorId: 'bob' });
  });

  it('edits, resolves and reopens in one statement each', async () => {
    const { comments } = await setUp(dialect);
    const t = await comments.create({ documentId: 'd1', anchor, quote: 'q', authorId: 'ann', body: 'Oud', mentions: [] });
    await comments.updateThread(t.id, { body: { text: 'Nieuw', mentions: ['bob'] }, resolved: { value: true, byUserId: 'bob' } });
    const resolved = (await comments.get(t.id))!;
    expect(resolved).toMatchObject({ body: 'Nieuw', mentions: ['bob'], resolved: true, resolvedBy: { id: 'bob', name: 'Bob' } });
    expect(resolved.editedAt).not.toBeNull();
    await comments.updateThread(t.id, { resolved: { value: false, byUserId: 'ann' } });
    expect(await comments.get(t.id)).toMatchObject({ body: 'Nieuw', resolved: false, resolvedBy: null, resolvedAt: null });
    const r = (await comments.reply({ threadId: t.id, authorId: 'bob', body: 'a', mentions: [] }))!;
    expect(await comments.editReply(t.id, r.id, 'b', ['ann'])).toMatchObject({ id: r.id, body: 'b', mentions: ['ann'], editedAt: expect.any(String) });
  });

  it('finds nothing across threads or for unknown ids, and never edits a reply through another thread', async () => {
    const { comments } = await setUp(dialect);
    const a = await comments.create({ documentId: 'd1', anchor, quote: 'q', authorId: 'ann', body: 'A', mentions: [] });
    const b = await comments.create({ documentId: 'd1', anchor, quote: 'q', authorId: 'ann', body: 'B', mentions: [] });
    const r = (await comments.reply({ threadId: a.id, authorId: 'bob', body: 'op A', mentions: [] }))!;
    expect(await comments.findReply(b.id, r.id)).toBeUndefined();
    expect(await comments.editReply(b.id, r.id, 'gekaapt', [])).toBeUndefined();
    expect((await comments.get(a.id))!.replies[0]!.body).toBe('op A');
    expect(await comments.get('nope')).toBeUndefined();
    expect(await comments.find('nope')).toBeUndefined();
    expect(await comments.list('d-unknown')).toEqual([]);
  });

  it("deletes a thread only while nobody else replied, and says why not", async () => {
    const { comments } = await setUp(dialect);
    const own = await comments.create({ documentId: 'd1', anchor, quote: 'q', authorId: 'ann', body: 'Mijn', mentions: [] });
    await comments.reply({ threadId: own.id, authorId: 'ann', body: 'zelf', mentions: [] });
    expect(await comments.deleteThread(own.id, 'ann')).toBe('deleted');
    expect(await comments.get(own.id)).toBeUndefined();

    const shared = await comments.create({ documentId: 'd1', anchor, quote: 'q', authorId: 'ann', body: 'Gedeeld', mentions: [] });
    const theirs = (await comments.reply({ threadId: shared.id, authorId: 'bob', body: 'van Bob', mentions: [] }))!;
    expect(await comments.deleteThread(shared.id, 'ann')).toBe('replied');
    expect((await comments.get(shared.id))!.replies.map((r) => r.id)).toEqual([theirs.id]);
    await comments.deleteReply(theirs.id);
    expect(await comments.deleteThread(shared.id, 'ann')).toBe('deleted');
    expect(await comments.deleteThread(shared.id, 'ann')).toBe('gone');
  });

  it('writes no reply to a thread deleted meanwhile and says so, instead of failing on the foreign key', async () => {
    const { comments } = await setUp(dialect);
    const t = await comments.create({ documentId: 'd1', anchor, quote: 'q', authorId: 'ann', body: 'Weg', mentions: [] });
    // What a reply route sees when the deletion commits between its lookup and its insert.
    expect(await comments.deleteThread(t.id, 'ann')).toBe('deleted');
    expect(await comments.reply({ threadId: t.id, authorId: 'bob', body: 'te laat', mentions: [] })).toBeUndefined();
    expect(await comments.get(t.id)).toBeUndefined();
    // Any other refused reference is still an error: the thread is there, the author is not.
    const kept = await comments.create({ documentId: 'd1', anchor, quote: 'q', authorId: 'ann', body: 'Blijft', mentions: [] });
    await expect(comments.reply({ threadId: kept.id, authorId: 'niemand', body: 'x', mentions: [] })).rejects.toSatisfy(isForeignKeyViolation);
  });
});

describe.each(SQL_DIALECTS)('in-app notifications (%s)', (dialect) => {
  it('notifies each person once, never the actor, lists newest first and counts unread', async () => {
    const { comments, notifications } = await setUp(dialect);
    const t = await comments.create({ documentId: 'd1', anchor, quote: 'q', authorId: 'ann', body: 'Vraag', mentions: [] });
    expect(await notifications.mentioned({ userIds: ['bob', 'bob', 'ann'], actorId: 'ann', threadId: t.id, body: 'Bob, kijk eens' })).toEqual(['bob']);
    await notifications.add({ kind: 'reply', userIds: ['bob'], actorId: 'ann', threadId: t.id, body: 'x'.repeat(500) });
    const { notifications: list, unread } = await notifications.list('bob');
    expect(unread).toBe(2);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ workspaceId: 'w1', documentId: 'd1', documentTitle: 'Aanbeveling wonen', threadId: t.id, actor: { id: 'ann', name: 'Ann' }, read: false });
    expect(list.map((n) => n.type).sort()).toEqual(['mention', 'reply']);
    expect(list.find((n) => n.type === 'reply')!.excerpt).toHaveLength(140);
    expect(list[0]!.createdAt >= list[1]!.createdAt).toBe(true);
    expect(await notifications.list('ann')).toEqual({ notifications: [], unread: 0 });

    await notifications.markRead('bob', { ids: [list[0]!.id] });
    expect(await notifications.unread('bob')).toBe(1);
    await notifications.markRead('bob', { all: true });
    expect(await notifications.unread('bob')).toBe(0);
  });

  it("ignores someone else's ids when marking read, and hides what happens in a workspace one left", async () => {
    const { store, comments, notifications } = await setUp(dialect);
    const t = await comments.create({ documentId: 'd1', anchor, quote: 'q', authorId: 'ann', body: 'Vraag', mentions: [] });
    await notifications.add({ kind: 'reply', userIds: ['bob', 'cas'], actorId: 'ann', threadId: t.id, body: 'hallo' });
    // Cas is no member: the row exists, but Cas is never shown it.
    expect(await notifications.list('cas')).toEqual({ notifications: [], unread: 0 });
    const [bobs] = (await notifications.list('bob')).notifications;
    await notifications.markRead('ann', { ids: [bobs!.id] });
    expect(await notifications.unread('bob')).toBe(1);
    await store.db.deleteFrom('members').where('user_id', '=', 'bob').execute();
    expect(await notifications.list('bob')).toEqual({ notifications: [], unread: 0 });
  });
});
