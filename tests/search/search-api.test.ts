import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addMember, call, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { connectClient, destroyAll, synced } from '../helpers/clients';
import { startTestServer } from '../helpers/server';
import type { SearchResult } from '../../shared/search';
import { startThread } from '../comments/fixtures';
import { searchIndexFor } from '../../server/search/search-feature';
import { withServerStore } from '../helpers/sql-stores';

type Server = Awaited<ReturnType<typeof startTestServer>>;

async function search(server: Server, token: string, query: string): Promise<SearchResult[]> {
  const res = await call(server.url, 'GET', `/api/search?${query}`, { token });
  expect(res.status).toBe(200);
  return res.body.results as SearchResult[];
}

/** Writes paragraphs into a document over the sync socket, as the editor would. */
async function writeParagraphs(server: Server, token: string, documentId: string, texts: string[]): Promise<void> {
  const { doc, provider } = connectClient(`ws://127.0.0.1:${server.port}/sync`, documentId, { token });
  try {
    await synced(provider);
    doc.transact(() => {
      const fragment = doc.getXmlFragment('default');
      for (const t of texts) {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(t)]);
        fragment.push([p]);
      }
    });
    // Barrier: the server answers our own step 1 only after it handled our update.
    await vi.waitFor(() => expect(provider.wsconnected).toBe(true));
    const other = connectClient(`ws://127.0.0.1:${server.port}/sync`, documentId, { token });
    await synced(other.provider);
    expect(other.doc.getXmlFragment('default').length).toBeGreaterThanOrEqual(texts.length);
    destroyAll(other.provider);
  } finally {
    destroyAll(provider);
  }
}

describe('search across workspaces', () => {
  let server: Server;
  let lotte: TestUser;
  let karim: TestUser;
  let stranger: TestUser;
  let mechelen: string;
  let gent: string;
  let noteId: string;

  beforeAll(async () => {
    server = await startTestServer({ SEARCH_INDEX_DELAY_MS: '50' });
    lotte = await registerUser(server.url, { name: 'Lotte Peeters', organization: 'Kenniscentrum Vlaamse Steden' });
    stranger = await registerUser(server.url, { name: 'Buiten Staander', organization: 'Elders' });
    mechelen = (await createWorkspace(server.url, lotte.token, 'Stadskamer Mechelen')).id;
    gent = (await createWorkspace(server.url, stranger.token, 'Atelier Gent')).id;
    karim = await addMember(server.url, lotte.token, mechelen, 'editor', { name: 'Karim El Amrani', organization: 'Stad Gent' });
    const note = await createDocument(server.url, karim.token, mechelen, { title: 'Netwerknotitie burgerbegroting', kind: 'note', tags: ['participatie'] });
    noteId = note.id;
    await writeParagraphs(server, karim.token, noteId, [
      'In Antwerpen liep de burgerbegroting drie jaar.',
      'Wat we leerden over verkeersveilige schoolomgevingen en beleidsmatige keuzes.',
    ]);
    const secret = await createDocument(server.url, stranger.token, gent, { title: 'Geheime burgerbegroting Gent', kind: 'recommendation' });
    await writeParagraphs(server, stranger.token, secret.id, ['Alleen voor Gent: burgerbegroting en verkeersveiligheid.']);
  }, 60_000);

  afterAll(async () => {
    await server.close();
  });

  it('finds content written over the socket within seconds, with a highlighted snippet', async () => {
    await vi.waitFor(async () => {
      const results = await search(server, karim.token, 'q=verkeersveiligheid');
      expect(results.map((r) => r.documentId)).toEqual([noteId]);
      expect(results[0]!.snippet.some((p) => p.match && p.text === 'verkeersveilige')).toBe(true);
      expect(results[0]!.workspaceName).toBe('Stadskamer Mechelen');
    }, 2_000);
  });

  it('never shows another workspace: the stranger finds only their own document', async () => {
    await vi.waitFor(async () => {
      const mine = await search(server, stranger.token, 'q=burgerbegroting');
      expect(mine.map((r) => r.workspaceId)).toEqual([gent]);
    }, 2_000);
    const lottes = await search(server, lotte.token, 'q=burgerbegroting');
    expect(lottes.length).toBeGreaterThan(0);
    expect(lottes.every((r) => r.workspaceId === mechelen)).toBe(true);
  });

  it('follows title, tag and comment changes, and filters by kind, tag and organisation', async () => {
    const renamed = await call(server.url, 'PATCH', `/api/documents/${noteId}`, {
      token: karim.token,
      body: { title: 'Netwerknotitie burgerbegroting en wonen', tags: ['participatie', 'wonen'] },
    });
    expect(renamed.status).toBe(200);
    await vi.waitFor(async () => {
      const hits = await search(server, lotte.token, 'q=wonen&tag=wonen&kind=note');
      expect(hits.map((r) => r.documentId)).toEqual([noteId]);
    }, 2_000);
    expect(await search(server, lotte.token, 'q=wonen&kind=board')).toEqual([]);
    const thread = await startThread(server.url, noteId, lotte.token, 'Kunnen we de Gentse wijkbudgetten toevoegen?');
    await vi.waitFor(async () => {
      const hits = await search(server, karim.token, 'q=wijkbudget');
      expect(hits.map((r) => [r.type, r.threadId])).toEqual([['comment', thread.id]]);
    }, 2_000);
    expect((await search(server, lotte.token, 'q=burgerbegroting&organization=Stad%20Gent')).length).toBeGreaterThan(0);
    expect(await search(server, lotte.token, 'q=burgerbegroting&organization=Stad%20Brugge')).toEqual([]);
  });

  it('finds board cards', async () => {
    const board = await createDocument(server.url, lotte.token, mechelen, { title: 'Atelierbord', kind: 'board' });
    const { doc, provider } = connectClient(`ws://127.0.0.1:${server.port}/sync`, board.id, { token: lotte.token });
    await synced(provider);
    doc.transact(() => {
      const card = new Y.Map<unknown>();
      card.set('id', 'c1');
      card.set('columnId', 'col1');
      card.set('text', 'Deelsteden samen laten aankopen');
      card.set('authorId', lotte.user.id);
      card.set('votes', new Y.Map());
      doc.getMap('cards').set('c1', card);
    });
    await vi.waitFor(async () => {
      const hits = await search(server, lotte.token, 'q=aankoop');
      expect(hits.map((r) => r.documentId)).toContain(board.id);
    }, 3_000);
    destroyAll(provider);
  });

  it('stops showing a workspace at once after removal', async () => {
    const visitor = await addMember(server.url, lotte.token, mechelen, 'viewer', { organization: 'UGent' });
    expect((await search(server, visitor.token, 'q=burgerbegroting')).length).toBeGreaterThan(0);
    const removed = await call(server.url, 'DELETE', `/api/workspaces/${mechelen}/members/${visitor.user.id}`, { token: lotte.token });
    expect(removed.status).toBe(204);
    expect(await search(server, visitor.token, 'q=burgerbegroting')).toEqual([]);
  });

  it('refuses bad queries with the error shape and needs a session', async () => {
    expect((await call(server.url, 'GET', '/api/search?q=wonen')).status).toBe(401);
    const empty = await call(server.url, 'GET', '/api/search?q=%20', { token: lotte.token });
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('invalid_field');
    const long = await call(server.url, 'GET', `/api/search?q=${'a'.repeat(201)}`, { token: lotte.token });
    expect(long.status).toBe(422);
    const badKind = await call(server.url, 'GET', '/api/search?q=wonen&kind=secret', { token: lotte.token });
    expect(badKind.status).toBe(422);
    const syntax = await call(server.url, 'GET', `/api/search?q=${encodeURIComponent('") OR 1=1 --')}`, { token: lotte.token });
    expect(syntax.status).toBe(200);
  });

  it('a rebuild from storage gives the same index as the incremental one', async () => {
    const read = () =>
      withServerStore(server.dataDir, (store) =>
        store.db
          .selectFrom('search_entries')
          .select(['key', 'type', 'workspace_id', 'document_id', 'thread_id', 'title', 'body', 'tags', 'kind', 'status', 'organizations'])
          .orderBy('key')
          .execute(),
      );
    await vi.waitFor(async () => expect(await read()).toHaveLength(4), 3_000);
    const incremental = await read();
    await server.close();
    await withServerStore(server.dataDir, (store) => searchIndexFor(store).clear());
    expect(await read()).toEqual([]);
    server = await startTestServer({ DATA_DIR: server.dataDir, SEARCH_INDEX_DELAY_MS: '50' });
    await vi.waitFor(async () => expect(await read()).toEqual(incremental), 5_000);
    expect((await search(server, karim.token, 'q=verkeersveiligheid')).map((r) => r.documentId)).toEqual([noteId]);
  });
});
