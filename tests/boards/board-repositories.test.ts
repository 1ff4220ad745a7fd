import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoardDraftRepository } from '../../server/boards/board-drafts';
import { DocumentRepository } from '../../server/documents/document-repository';
import { JoinRepository } from '../../server/join/join-repository';
import { SQL_DIALECTS } from '../helpers/sql';
import { openSeeded, type SqlInstances } from '../helpers/sql-stores';

describe.each(SQL_DIALECTS)('workshop sessions, guests and board drafts in the relational store (%s)', (dialect) => {
  let store: SqlInstances;
  let a: JoinRepository;
  let b: JoinRepository;
  let owner: string;
  let wid: string;
  let boardId: string;

  beforeEach(async () => {
    ({ store, owner, wid } = await openSeeded(dialect));
    a = new JoinRepository(store.a.db);
    b = new JoinRepository(store.b.db);
    boardId = (await new DocumentRepository(store.a.db).create({ workspaceId: wid, kind: 'board', title: 'Atelier', tags: [], createdBy: owner })).id;
  });
  afterEach(() => store.dispose());

  const start = (repo: JoinRepository, hours = 2) => repo.startOrGet({ workspaceId: wid, documentId: boardId, createdBy: owner, hours, requireEmail: false });
  const openRows = () => store.a.db.selectFrom('join_sessions').select('id').where('document_id', '=', boardId).where('ended_at', 'is', null).execute();

  it('six owners starting a session at once on two instances get one and the same session', async () => {
    const rows = await Promise.all(Array.from({ length: 6 }, (_, i) => start(i % 2 ? b : a)));
    expect(new Set(rows.map((r) => r.code)).size).toBe(1);
    expect(await openRows()).toHaveLength(1);
    expect(await a.active(boardId)).toEqual(rows[0]);
    expect(await a.findByCode(rows[0]!.code)).toEqual(rows[0]);
  });

  it('an expired session makes room for a new code; an ended one is found by code but not active', async () => {
    const expired = await start(a, -1);
    expect(await a.active(boardId)).toBeUndefined();
    const [x, y] = await Promise.all([start(a), start(b)]);
    expect(x.code).toBe(y.code);
    expect(x.code).not.toBe(expired.code);
    expect(await openRows()).toHaveLength(1);
    expect((await a.findByCode(expired.code))?.ended_at).toBe(expired.expires_at);
    expect(await Promise.all([a.endFor(boardId), b.endFor(boardId)])).toContain(true);
    expect(await a.endFor(boardId)).toBe(false);
    expect(await a.active(boardId)).toBeUndefined();
    expect((await a.findByCode(x.code))?.ended_at).toEqual(expect.any(Number));
    expect(await a.findByCode('ZZZZZZ')).toBeUndefined();
  });

  it('makes a guest with membership in one go, previews, and upgrades it; an e-mail taken meanwhile changes nothing', async () => {
    const session = await start(a);
    const guest = await a.createGuest({ session, name: 'Gast', organization: 'Buurt', contactEmail: 'gast@buurt.test' });
    const member = await store.a.db.selectFrom('members').select('role').where('user_id', '=', guest.id).executeTakeFirst();
    expect(member?.role).toBe('participant');
    expect(await store.a.db.selectFrom('users').select('notify_mail').where('id', '=', guest.id).executeTakeFirst()).toEqual({ notify_mail: 'off' });
    expect(await b.guest(guest.id)).toEqual({ workspaceId: wid, documentId: boardId });
    expect(await a.preview(session)).toEqual({ workspaceName: expect.stringContaining('Atelier'), boardTitle: 'Atelier' });
    const ownerEmail = (await store.a.db.selectFrom('users').select('email').where('id', '=', owner).executeTakeFirstOrThrow()).email;
    expect(await a.upgrade(guest.id, ownerEmail, 'hash')).toBe(false);
    expect(await a.guest(guest.id)).toBeDefined();
    expect(await a.upgrade(guest.id, 'gast@stad.test', 'hash')).toBe(true);
    expect(await a.guest(guest.id)).toBeUndefined();
  });

  it('remembers the newest draft of a board, also two made in the same millisecond; a trashed one no longer counts', async () => {
    const drafts = new BoardDraftRepository(store.a.db);
    const docs = new DocumentRepository(store.a.db);
    const make = async () => (await docs.create({ workspaceId: wid, kind: 'recommendation', title: 'Aanbevelingen', tags: [], createdBy: owner })).id;
    expect(await drafts.latest(boardId)).toBeUndefined();
    const first = await make();
    const second = await make();
    await drafts.record(boardId, first);
    await drafts.record(boardId, second);
    expect(await drafts.latest(boardId)).toBe(second);
    await store.a.db.updateTable('documents').set({ deleted_at: new Date().toISOString() }).where('id', '=', second).execute();
    expect(await drafts.latest(boardId)).toBe(first);
    await store.a.db.deleteFrom('documents').where('id', '=', first).execute();
    expect(await drafts.latest(boardId)).toBeUndefined();
  });
});
