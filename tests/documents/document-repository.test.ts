import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentRepository } from '../../server/documents/document-repository';
import { LifecycleRepository } from '../../server/documents/lifecycle-repository';
import type { DocumentStore } from '../../server/storage/document-store';
import type { Db } from '../../server/storage/sql/open-sql';
import { SQL_DIALECTS } from '../helpers/sql';
import { openSeeded, seedWorkspace, seedUser, type SqlInstances } from '../helpers/sql-stores';

const DAY = 24 * 3600_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe.each(SQL_DIALECTS)('documents and their lifecycle (%s)', (dialect) => {
  let store: SqlInstances;
  let db: Db;
  let documents: DocumentRepository;
  let lifecycle: LifecycleRepository;
  let owner: string;
  let wid: string;

  beforeEach(async () => {
    ({ store, owner, wid } = await openSeeded(dialect));
    db = store.a.db;
    documents = new DocumentRepository(db);
    lifecycle = new LifecycleRepository(db, dialect);
  });
  afterEach(() => store.dispose());

  const make = (title: string, kind: 'note' | 'board' = 'note') => documents.create({ workspaceId: wid, kind, title, tags: ['wonen'], createdBy: owner });

  it('creates, finds, lists most recently changed first and counts', async () => {
    const a = await make('Eerste');
    const b = await make('Tweede', 'board');
    expect(a).toMatchObject({ workspaceId: wid, kind: 'note', title: 'Eerste', tags: ['wonen'], status: 'draft', archivedAt: null });
    expect(await documents.find(a.id)).toEqual(a);
    await documents.touch(a.id, new Date(Date.now() + 60_000).toISOString());
    expect((await documents.list(wid)).map((d) => d.id)).toEqual([a.id, b.id]);
    expect((await documents.list(wid, 'board')).map((d) => d.id)).toEqual([b.id]);
    expect(await documents.count(wid)).toBe(2);
    expect(await documents.find('unknown')).toBeUndefined();
  });

  it('patches only the fields given, so concurrent patches of different fields both stay', async () => {
    const doc = await make('Oud');
    const other = new DocumentRepository(store.b.db);
    await Promise.all([documents.patch(doc.id, { title: 'Nieuw' }), other.patch(doc.id, { status: 'review' }), other.patch(doc.id, { tags: ['a', 'b'] })]);
    expect(await documents.find(doc.id)).toMatchObject({ title: 'Nieuw', status: 'review', tags: ['a', 'b'] });
    expect(await documents.patch('gone', { title: 'x' })).toBeUndefined();
  });

  it('hides a trashed document and every document of a trashed workspace; restores both', async () => {
    const doc = await make('Weg');
    await lifecycle.trashDocument(doc.id, owner, ago(0));
    expect(await documents.find(doc.id)).toBeUndefined();
    expect(await lifecycle.findTrashed(doc.id)).toMatchObject({ id: doc.id, workspaceId: wid, deletedBy: owner });
    expect((await lifecycle.trash(wid)).map((t) => t.id)).toEqual([doc.id]);
    await lifecycle.restoreDocument(doc.id);
    expect(await documents.find(doc.id)).toBeDefined();

    const outsider = await seedUser(db, 'Bart');
    await lifecycle.trashWorkspace(wid, owner, ago(0));
    expect(await documents.find(doc.id)).toBeUndefined();
    expect(await lifecycle.findTrashedWorkspace(wid, outsider)).toBeUndefined();
    expect(await lifecycle.findTrashedWorkspace(wid, owner)).toMatchObject({ id: wid });
    await lifecycle.restoreWorkspace(wid);
    expect(await documents.find(doc.id)).toBeDefined();
  });

  it('archives and moves', async () => {
    const doc = await make('Archief');
    await lifecycle.setArchived(doc.id, ago(0));
    expect(await documents.list(wid)).toEqual([]);
    expect(await lifecycle.archived(wid)).toEqual([doc.id]);
    const target = await seedWorkspace(db, owner);
    await lifecycle.moveDocument(doc.id, target, ago(0));
    expect((await documents.find(doc.id))?.workspaceId).toBe(target);
    await lifecycle.renameWorkspace(target, { description: 'Nieuwe omschrijving' });
    expect(await db.selectFrom('workspaces').select(['name', 'description']).where('id', '=', target).executeTakeFirst()).toMatchObject({ description: 'Nieuwe omschrijving' });
  });

  async function withContent(content: DocumentStore, title: string) {
    const doc = await make(title);
    await content.appendUpdate(doc.id, new Uint8Array([1, 2, 3]));
    const at = new Date().toISOString();
    const entry = await db
      .insertInto('search_entries')
      .values({ key: `doc:${doc.id}`, type: 'document', workspace_id: wid, document_id: doc.id, title, body: '', tags: '', kind: 'note', status: 'draft', organizations: '', updated_at: at })
      .returning('rowid')
      .executeTakeFirstOrThrow();
    if (dialect === 'sqlite') await sql`INSERT INTO search_fts (rowid, title, body, tags) VALUES (${entry.rowid}, ${title}, '', '')`.execute(db);
    await db.insertInto('comment_threads').values({ id: `t${doc.id}`, document_id: doc.id, anchor_start: '', anchor_end: '', quote: '', author_id: owner, body: 'Ok', created_at: at }).execute();
    return doc;
  }

  it('purges what was trashed before the cutoff with its content, and leaves younger trash alone', async () => {
    const content = await store.documents();
    const old = await withContent(content, 'Oud');
    const young = await withContent(content, 'Jong');
    await lifecycle.trashDocument(old.id, owner, ago(31));
    await lifecycle.trashDocument(young.id, owner, ago(29));
    const purged = await lifecycle.purge(ago(30));
    expect(purged).toEqual({ documents: [old.id], workspaces: [] });
    expect(await content.countUpdates(old.id)).toBe(0);
    expect(await content.countUpdates(young.id)).toBe(1);
    const left = await db.selectFrom('search_entries').select('document_id').execute();
    expect(left.map((r) => r.document_id)).toEqual([young.id]);
    expect((await db.selectFrom('comment_threads').select('document_id').execute()).map((r) => r.document_id)).toEqual([young.id]);
    if (dialect === 'sqlite') expect((await sql<{ n: number }>`SELECT count(*) AS n FROM search_fts`.execute(db)).rows[0]!.n).toBe(1);
    // Twice (another instance's hourly run) deletes nothing more.
    expect(await new LifecycleRepository(store.b.db, dialect).purge(ago(30))).toEqual({ documents: [], workspaces: [] });
  });

  it('purges a whole workspace: its documents, members, invites and events', async () => {
    const content = await store.documents();
    const doc = await withContent(content, 'In de werkruimte');
    const keep = await seedWorkspace(db, owner);
    await db.insertInto('events').values({ workspace_id: wid, type: 'document.created', actor: '{}', subject: doc.id, data: '{}', at: ago(40) }).execute();
    await db.insertInto('events').values({ workspace_id: keep, type: 'document.created', actor: '{}', subject: 'x', data: '{}', at: ago(40) }).execute();
    await db
      .insertInto('invites')
      .values({ token_hash: 'h', id: 'i1', workspace_id: wid, role: 'editor', created_by: owner, created_at: ago(40), expires_at: Date.now(), seq: 1 })
      .execute();
    await lifecycle.trashWorkspace(wid, owner, ago(31));
    expect(await lifecycle.purge(ago(30))).toEqual({ documents: [doc.id], workspaces: [wid] });
    expect(await content.countUpdates(doc.id)).toBe(0);
    expect((await db.selectFrom('members').select('workspace_id').execute()).map((r) => r.workspace_id)).toEqual([keep]);
    expect((await db.selectFrom('events').select('workspace_id').execute()).map((r) => r.workspace_id)).toEqual([keep]);
    expect(await db.selectFrom('invites').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('workspaces').select('id').where('id', '=', wid).execute()).toEqual([]);
  });
});
