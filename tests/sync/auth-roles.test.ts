import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addMember, call, createDocumentFor, type TestUser } from '../helpers/api';
import { awarenessMarker, roundTrip } from '../helpers/barrier';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { TestRedis } from '../helpers/redis';
import { startTestServer, tempDataDir } from '../helpers/server';

/** What roles mean on the sync socket: read-only sockets, and role changes that reach open sockets. */
type Server = Awaited<ReturnType<typeof startTestServer>>;
const servers: Server[] = [];
const providers: WebsocketProvider[] = [];
afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy();
  for (const s of servers.splice(0)) await s.close();
});

async function start(dataDir = tempDataDir(), env: Record<string, string> = {}): Promise<Server> {
  const s = await startTestServer({ DATA_DIR: dataDir, ...env });
  servers.push(s);
  return s;
}

function client(server: Server, documentId: string, token: string, doc?: Y.Doc) {
  const c = connectClient(`ws://127.0.0.1:${server.port}/sync`, documentId, { token, doc });
  providers.push(c.provider);
  return c;
}

/**
 * A socket's frames are handled in order: once the awareness state `marker` sent after an
 * edit has reached `observer`, the server has dealt with the edit too. This makes "it never
 * arrived" a fact rather than a timeout.
 */
/** The document's content as the store holds it. */
function storedText(dataDir: string, documentId: string): string {
  const db = new BetterSqlite3(path.join(dataDir, 'stadskamer.db'), { readonly: true });
  try {
    const doc = new Y.Doc();
    for (const row of db.prepare('SELECT data FROM doc_updates WHERE doc_id = ? ORDER BY seq').pluck().all(documentId)) {
      Y.applyUpdate(doc, row as Buffer);
    }
    return doc.getText('t').toString();
  } finally {
    db.close();
  }
}

function closeCode(provider: WebsocketProvider, timeoutMs = 5_000): Promise<{ code: number; at: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket was not closed')), timeoutMs);
    provider.on('connection-close', (event: CloseEvent | null) => {
      clearTimeout(timer);
      resolve({ code: event?.code ?? -1, at: Date.now() });
    });
  });
}

describe.each(['viewer', 'commenter'] as const)('a %s socket is read-only', (role) => {
  it('its edits reach neither an editor nor the store, also after a restart', async () => {
    const dataDir = tempDataDir();
    let server = await start(dataDir);
    const owner = await createDocumentFor(server.url);
    const reader = await addMember(server.url, owner.token, owner.workspaceId, role);

    const editor = client(server, owner.documentId, owner.token);
    const readerDoc = new Y.Doc();
    const ro = client(server, owner.documentId, reader.token, readerDoc);
    await Promise.all([synced(editor.provider), synced(ro.provider)]);

    editor.doc.getText('t').insert(0, 'door de redactie');
    await waitFor(() => readerDoc.getText('t').toString() === 'door de redactie', 5_000, 'reader receives edits');

    readerDoc.getText('t').insert(0, 'VANDAL ');
    await awarenessMarker(ro.provider, editor.provider, 'after-vandal');
    expect(editor.doc.getText('t').toString()).toBe('door de redactie');
    expect(storedText(dataDir, owner.documentId)).toBe('door de redactie');

    // Restart: the reader's client keeps its local edit and offers it again on reconnect.
    for (const p of providers.splice(0)) p.destroy();
    await servers.pop()!.close();
    server = await start(dataDir);
    const again = client(server, owner.documentId, reader.token, readerDoc);
    const fresh = client(server, owner.documentId, owner.token);
    await Promise.all([synced(again.provider), synced(fresh.provider)]);
    readerDoc.getText('t').insert(0, 'NOG ');
    await awarenessMarker(again.provider, fresh.provider, 'after-restart');
    expect(fresh.doc.getText('t').toString()).toBe('door de redactie');
    expect(storedText(dataDir, owner.documentId)).toBe('door de redactie');
    expect(readerDoc.getText('t').toString()).toContain('VANDAL');
  });
});

describe('membership changes reach open sockets', () => {
  async function setup() {
    const server = await start();
    const owner = await createDocumentFor(server.url);
    const editor = client(server, owner.documentId, owner.token);
    return { server, owner, editor };
  }

  const patchRole = (server: Server, owner: { token: string; workspaceId: string }, member: TestUser, role: string) =>
    call(server.url, 'PATCH', `/api/workspaces/${owner.workspaceId}/members/${member.user.id}`, {
      token: owner.token,
      body: { role },
    });

  it('closes a removed member’s open socket with 4403 within a second, and lets it not back in', async () => {
    const { server, owner, editor } = await setup();
    const member = await addMember(server.url, owner.token, owner.workspaceId, 'editor');
    const m = client(server, owner.documentId, member.token);
    await Promise.all([synced(editor.provider), synced(m.provider)]);
    const closed = closeCode(m.provider);

    const before = Date.now();
    const res = await call(server.url, 'DELETE', `/api/workspaces/${owner.workspaceId}/members/${member.user.id}`, {
      token: owner.token,
    });
    expect(res.status).toBe(204);
    const { code, at } = await closed;
    expect(code).toBe(4403);
    expect(at - before).toBeLessThan(1000);

    // The stock client treats 4403 as final; connecting again by hand is refused, and its
    // edits made meanwhile never arrive.
    let refused = 0;
    m.provider.on('connection-close', () => refused++);
    m.doc.getText('t').insert(0, 'na verwijdering');
    m.provider.connect();
    await waitFor(() => refused >= 1, 5_000, 'a refused reconnect'); // the server's answer, not a sleep
    expect(m.provider.wsconnected).toBe(false);
    await roundTrip(editor.provider);
    expect(editor.doc.getText('t').toString()).toBe('');
  });

  it('switches a demoted editor to read-only in place, and a promoted viewer to writing, without reconnecting', async () => {
    const { server, owner, editor } = await setup();
    const member = await addMember(server.url, owner.token, owner.workspaceId, 'editor');
    const m = client(server, owner.documentId, member.token);
    await Promise.all([synced(editor.provider), synced(m.provider)]);
    let closes = 0;
    m.provider.on('connection-close', () => closes++);

    m.doc.getText('t').insert(0, 'A');
    await waitFor(() => editor.doc.getText('t').toString() === 'A', 5_000, 'editor edit');

    expect((await patchRole(server, owner, member, 'viewer')).status).toBe(200);
    m.doc.getText('t').insert(1, 'B');
    await awarenessMarker(m.provider, editor.provider, 'as-viewer');
    expect(editor.doc.getText('t').toString()).toBe('A');

    expect((await patchRole(server, owner, member, 'editor')).status).toBe(200);
    m.doc.getText('t').insert(2, 'C');
    // C builds on B, which was dropped: the server asks the promoted client for what it lacks.
    await waitFor(() => editor.doc.getText('t').toString() === 'ABC', 5_000, 'edits after promotion');
    expect(closes).toBe(0);
  });

  it('reaches sockets on another instance behind Redis', async () => {
    const redis = await TestRedis.start();
    try {
      const dataDir = tempDataDir();
      const a = await start(dataDir, { REDIS_URL: redis.url });
      const b = await start(dataDir, { REDIS_URL: redis.url });
      const owner = await createDocumentFor(a.url);
      const [demoted, removed] = await Promise.all([
        addMember(a.url, owner.token, owner.workspaceId, 'editor'),
        addMember(a.url, owner.token, owner.workspaceId, 'editor'),
      ]);
      const watcher = client(b, owner.documentId, owner.token);
      const d = client(b, owner.documentId, demoted.token);
      const r = client(b, owner.documentId, removed.token);
      await Promise.all([synced(watcher.provider), synced(d.provider), synced(r.provider)]);
      const closed = closeCode(r.provider);

      expect((await patchRole(a, owner, demoted, 'viewer')).status).toBe(200);
      const res = await call(a.url, 'DELETE', `/api/workspaces/${owner.workspaceId}/members/${removed.user.id}`, {
        token: owner.token,
      });
      expect(res.status).toBe(204);
      expect((await closed).code).toBe(4403);

      d.doc.getText('t').insert(0, 'mag niet meer');
      await awarenessMarker(d.provider, watcher.provider, 'after-demotion');
      expect(watcher.doc.getText('t').toString()).toBe('');
    } finally {
      for (const p of providers.splice(0)) p.destroy();
      for (const s of servers.splice(0)) await s.close();
      await redis.kill();
    }
  });
});
