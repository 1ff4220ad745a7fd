import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addMember, call, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { closeOf, openRawSocket } from '../helpers/raw-socket';
import { startTestServer } from '../helpers/server';
import { startThread } from '../comments/fixtures';
import { databaseFor } from '../helpers/postgres';
import { PostgresDocumentStore } from '../../server/storage/postgres-store';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** Rows of a document's update log, read from wherever the test server keeps them. */
async function storedUpdates(dataDir: string, documentId: string): Promise<number> {
  if (process.env.TEST_STORE === 'postgres') {
    const store = await PostgresDocumentStore.open(await databaseFor(path.resolve(dataDir)));
    try {
      return await store.countUpdates(documentId);
    } finally {
      await store.close();
    }
  }
  const db = new BetterSqlite3(path.join(dataDir, 'stadskamer.db'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ?').get(documentId) as { n: number }).n;
  } finally {
    db.close();
  }
}
const text = (doc: Y.Doc) => doc.getText('t').toString();

describe('document and workspace life cycle', () => {
  let server: Server;
  let owner: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let outsider: TestUser;
  let wid: string;
  const ws = () => `ws://127.0.0.1:${server.port}/sync`;

  async function documentWith(content: string, title = 'Aanbevelingen wonen'): Promise<string> {
    const doc = await createDocument(server.url, editor.token, wid, { title, tags: ['wonen'] });
    const { doc: ydoc, provider } = connectClient(ws(), doc.id, { token: editor.token });
    await synced(provider);
    ydoc.getText('t').insert(0, content);
    const check = connectClient(ws(), doc.id, { token: editor.token });
    await synced(check.provider);
    await waitFor(() => text(check.doc) === content, 5_000, 'content stored');
    destroyAll(provider, check.provider);
    return doc.id;
  }

  beforeAll(async () => {
    server = await startTestServer();
    owner = await registerUser(server.url, { name: 'Olivia Eigenaar' });
    wid = (await createWorkspace(server.url, owner.token, 'Atelier wonen')).id;
    editor = await addMember(server.url, owner.token, wid, 'editor', { name: 'Eddy Bewerker' });
    viewer = await addMember(server.url, owner.token, wid, 'viewer', { name: 'Vera Lezer' });
    outsider = await registerUser(server.url, { name: 'Otto Buiten' });
  });

  afterAll(async () => {
    await server.close();
  });

  it('trash: gone from lists, the socket and the API; listed in the trash; restored with its content', async () => {
    const did = await documentWith('Tekst die blijft');
    const raw = await openRawSocket(`${ws()}/${did}?token=${viewer.token}`);
    const closed = closeOf(raw);
    expect((await call(server.url, 'DELETE', `/api/documents/${did}`, { token: viewer.token })).status).toBe(403);
    expect((await call(server.url, 'DELETE', `/api/documents/${did}`, { token: outsider.token })).status).toBe(404);
    expect((await call(server.url, 'DELETE', `/api/documents/${did}`, { token: editor.token })).status).toBe(204);
    expect((await closed).code).toBe(4403);
    await expect(openRawSocket(`${ws()}/${did}?token=${owner.token}`)).rejects.toThrow(/404/);
    expect((await call(server.url, 'GET', `/api/documents/${did}`, { token: owner.token })).status).toBe(404);
    const list = await call(server.url, 'GET', `/api/workspaces/${wid}/documents`, { token: owner.token });
    expect(list.body.documents.map((d: { id: string }) => d.id)).not.toContain(did);
    const trash = await call(server.url, 'GET', `/api/workspaces/${wid}/trash`, { token: editor.token });
    const entry = trash.body.documents.find((d: { id: string }) => d.id === did);
    expect(Date.parse(entry.purgeAt) - Date.parse(entry.deletedAt)).toBe(30 * 24 * 3600 * 1000);
    expect((await call(server.url, 'GET', `/api/workspaces/${wid}/trash`, { token: viewer.token })).status).toBe(403);
    expect((await call(server.url, 'POST', `/api/documents/${did}/restore`, { token: viewer.token })).status).toBe(403);
    expect((await call(server.url, 'POST', `/api/documents/${did}/restore`, { token: outsider.token })).status).toBe(404);
    expect((await call(server.url, 'POST', `/api/documents/${did}/restore`, { token: editor.token })).status).toBe(200);
    const back = connectClient(ws(), did, { token: viewer.token });
    await synced(back.provider);
    expect(text(back.doc)).toBe('Tekst die blijft');
    destroyAll(back.provider);
  });

  it('archive: hidden from lists but listed in the archive, read-only on the socket and the API', async () => {
    const did = await documentWith('Gearchiveerde tekst');
    const archived = await call(server.url, 'POST', `/api/documents/${did}/archive`, { token: editor.token, body: { archived: true } });
    expect(archived.status).toBe(200);
    expect(archived.body.document.archivedAt).not.toBeNull();
    const list = await call(server.url, 'GET', `/api/workspaces/${wid}/documents`, { token: owner.token });
    expect(list.body.documents.map((d: { id: string }) => d.id)).not.toContain(did);
    const archive = await call(server.url, 'GET', `/api/workspaces/${wid}/archive`, { token: viewer.token });
    expect(archive.body.documents.map((d: { id: string }) => d.id)).toEqual([did]);
    expect((await call(server.url, 'PATCH', `/api/documents/${did}`, { token: editor.token, body: { title: 'Nieuw' } })).status).toBe(409);

    const writer = connectClient(ws(), did, { token: editor.token });
    const observer = connectClient(ws(), did, { token: owner.token });
    await Promise.all([synced(writer.provider), synced(observer.provider)]);
    writer.doc.getText('t').insert(0, 'VERBODEN ');
    // Barrier: the writer's later awareness reached the observer, so its update was handled.
    writer.provider.awareness.setLocalStateField('marker', 'na-de-wijziging');
    await waitFor(() => (observer.provider.awareness.getStates().get(writer.doc.clientID) as { marker?: string } | undefined)?.marker === 'na-de-wijziging');
    expect(text(observer.doc)).toBe('Gearchiveerde tekst');
    destroyAll(writer.provider, observer.provider);
    const fresh = connectClient(ws(), did, { token: owner.token });
    await synced(fresh.provider);
    expect(text(fresh.doc)).toBe('Gearchiveerde tekst');
    destroyAll(fresh.provider);

    expect((await call(server.url, 'POST', `/api/documents/${did}/archive`, { token: viewer.token, body: { archived: false } })).status).toBe(403);
    expect((await call(server.url, 'POST', `/api/documents/${did}/archive`, { token: editor.token, body: { archived: 'ja' } })).status).toBe(422);
    const back = await call(server.url, 'POST', `/api/documents/${did}/archive`, { token: editor.token, body: { archived: false } });
    expect(back.body.document.archivedAt).toBeNull();
  });

  it('duplicate: a new document with the same content, the source untouched', async () => {
    const did = await documentWith('Origineel');
    expect((await call(server.url, 'POST', `/api/documents/${did}/duplicate`, { token: viewer.token })).status).toBe(403);
    const dup = await call(server.url, 'POST', `/api/documents/${did}/duplicate`, { token: editor.token });
    expect(dup.status).toBe(201);
    expect(dup.body.document.id).not.toBe(did);
    expect(dup.body.document.title).toBe('Aanbevelingen wonen (kopie)');
    const copy = connectClient(ws(), dup.body.document.id, { token: editor.token });
    await synced(copy.provider);
    expect(text(copy.doc)).toBe('Origineel');
    copy.doc.getText('t').insert(0, 'Kopie: ');
    const source = connectClient(ws(), did, { token: editor.token });
    await synced(source.provider);
    expect(text(source.doc)).toBe('Origineel');
    destroyAll(copy.provider, source.provider);
  });

  it('move: only an owner of both workspaces; comments go along; old members lose it', async () => {
    const did = await documentWith('Te verhuizen');
    const thread = await startThread(server.url, did, editor.token, 'Blijft deze opmerking?');
    const target = (await createWorkspace(server.url, owner.token, 'Atelier armoede')).id;
    const strangersOwn = (await createWorkspace(server.url, outsider.token, 'Andermans werkruimte')).id;
    const body = { workspaceId: target };
    expect((await call(server.url, 'POST', `/api/documents/${did}/move`, { token: editor.token, body })).status).toBe(403);
    const foreign = await call(server.url, 'POST', `/api/documents/${did}/move`, { token: owner.token, body: { workspaceId: strangersOwn } });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.field).toBe('workspaceId');
    const moved = await call(server.url, 'POST', `/api/documents/${did}/move`, { token: owner.token, body });
    expect(moved.status).toBe(200);
    expect(moved.body.document.workspaceId).toBe(target);
    expect((await call(server.url, 'GET', `/api/documents/${did}`, { token: editor.token })).status).toBe(404);
    const threads = await call(server.url, 'GET', `/api/documents/${did}/comments`, { token: owner.token });
    expect(threads.body.threads.map((t: { id: string }) => t.id)).toEqual([thread.id]);
  });

  it('workspace: owners rename it, delete it by typing its name, and restore it', async () => {
    const other = (await createWorkspace(server.url, owner.token, 'Tijdelijke werkruimte')).id;
    const member = await addMember(server.url, owner.token, other, 'editor');
    const doc = await createDocument(server.url, member.token, other, { title: 'Binnenin' });
    expect((await call(server.url, 'PATCH', `/api/workspaces/${other}`, { token: member.token, body: { name: 'X' } })).status).toBe(403);
    const renamed = await call(server.url, 'PATCH', `/api/workspaces/${other}`, { token: owner.token, body: { name: 'Atelier leegstand', description: 'Kerken en winkels' } });
    expect(renamed.body.workspace).toMatchObject({ name: 'Atelier leegstand', description: 'Kerken en winkels' });
    expect((await call(server.url, 'PATCH', `/api/workspaces/${other}`, { token: owner.token, body: {} })).status).toBe(422);
    const wrong = await call(server.url, 'DELETE', `/api/workspaces/${other}`, { token: owner.token, body: { confirm: 'Tijdelijke werkruimte' } });
    expect(wrong.status).toBe(422);
    expect((await call(server.url, 'GET', `/api/workspaces/${other}`, { token: member.token })).status).toBe(200);
    expect((await call(server.url, 'DELETE', `/api/workspaces/${other}`, { token: member.token, body: { confirm: 'Atelier leegstand' } })).status).toBe(403);
    expect((await call(server.url, 'DELETE', `/api/workspaces/${other}`, { token: owner.token, body: { confirm: 'Atelier leegstand' } })).status).toBe(200);
    expect((await call(server.url, 'GET', `/api/workspaces/${other}`, { token: member.token })).status).toBe(404);
    expect((await call(server.url, 'GET', `/api/documents/${doc.id}`, { token: member.token })).status).toBe(404);
    const mine = await call(server.url, 'GET', '/api/workspaces', { token: member.token });
    expect(mine.body.workspaces.map((w: { id: string }) => w.id)).not.toContain(other);
    expect((await call(server.url, 'POST', `/api/workspaces/${other}/restore`, { token: member.token })).status).toBe(404);
    expect((await call(server.url, 'POST', `/api/workspaces/${other}/restore`, { token: owner.token })).status).toBe(200);
    expect((await call(server.url, 'GET', `/api/documents/${doc.id}`, { token: member.token })).status).toBe(200);
  });

  /** Sessions last 14 days: after a month's jump in time, sign in again. */
  async function signIn(who: TestUser): Promise<string> {
    const res = await call(server.url, 'POST', '/api/auth/login', { body: { email: who.email, password: who.password } });
    expect(res.status).toBe(200);
    return res.body.token as string;
  }

  it('purges the trash for good after 30 days', async () => {
    const did = await documentWith('Weg na dertig dagen');
    expect((await call(server.url, 'DELETE', `/api/documents/${did}`, { token: editor.token })).status).toBe(204);
    const dataDir = server.dataDir;
    await server.close();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 29 * 24 * 3600 * 1000);
      server = await startTestServer({ DATA_DIR: dataDir });
      const token = await signIn(editor);
      expect((await call(server.url, 'GET', `/api/workspaces/${wid}/trash`, { token })).body.documents.map((d: { id: string }) => d.id)).toContain(did);
      await server.close();
      vi.setSystemTime(Date.now() + 2 * 24 * 3600 * 1000);
      server = await startTestServer({ DATA_DIR: dataDir });
      const later = await signIn(editor);
      await vi.waitFor(async () => {
        const trash = await call(server.url, 'GET', `/api/workspaces/${wid}/trash`, { token: later });
        expect(trash.status).toBe(200);
        expect(trash.body.documents.map((d: { id: string }) => d.id)).not.toContain(did);
      });
    } finally {
      vi.useRealTimers();
    }
    expect((await call(server.url, 'POST', `/api/documents/${did}/restore`, { token: await signIn(editor) })).status).toBe(404);
    expect(await storedUpdates(dataDir, did)).toBe(0);
  });
});

describe('life cycle within the workspace quota', () => {
  it('refuses a duplicate or a move that would exceed the document quota', async () => {
    const server = await startTestServer({ MAX_DOCUMENTS_PER_WORKSPACE: '2' });
    try {
      const owner = await registerUser(server.url);
      const full = (await createWorkspace(server.url, owner.token, 'Vol')).id;
      const one = await createDocument(server.url, owner.token, full, { title: 'Een' });
      await createDocument(server.url, owner.token, full, { title: 'Twee' });
      const dup = await call(server.url, 'POST', `/api/documents/${one.id}/duplicate`, { token: owner.token });
      expect(dup.status).toBe(429);
      expect(dup.body.error.code).toBe('document_quota_reached');
      const other = (await createWorkspace(server.url, owner.token, 'Ander')).id;
      const elsewhere = await createDocument(server.url, owner.token, other, { title: 'Drie' });
      const move = await call(server.url, 'POST', `/api/documents/${elsewhere.id}/move`, { token: owner.token, body: { workspaceId: full } });
      expect(move.status).toBe(429);
      expect((await call(server.url, 'GET', `/api/documents/${elsewhere.id}`, { token: owner.token })).body.document.workspaceId).toBe(other);
    } finally {
      await server.close();
    }
  });
});
