import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { PostgresDocumentStore } from '../../server/storage/postgres-store';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { createDocumentFor } from '../helpers/api';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';
import { startTestServer } from '../helpers/server';

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let wsUrl: string;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer({ DATABASE_URL: database.url });
  wsUrl = `ws://127.0.0.1:${server.port}/sync`;
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

/** The document as PostgreSQL holds it, read through a store of its own. */
async function storedDoc(documentId: string): Promise<Y.Doc> {
  const store = await PostgresDocumentStore.open(database.url);
  const doc = new Y.Doc();
  for (const u of await store.loadUpdates(documentId)) Y.applyUpdate(doc, u);
  await store.close();
  return doc;
}

describe('the sync path on an asynchronous store (PostgreSQL)', () => {
  it('relays an update only once PostgreSQL committed it', async () => {
    const { token, documentId } = await createDocumentFor(server.url);
    const writer = connectClient(wsUrl, documentId, { token });
    const observer = connectClient(wsUrl, documentId, { token });
    await Promise.all([synced(writer.provider), synced(observer.provider)]);

    // Another session holds the table: the server's INSERT must wait for it.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE doc_updates IN EXCLUSIVE MODE');
    writer.doc.getText('t').insert(0, 'pas na de commit');
    // Barrier: the server's INSERT of this update is waiting on the lock right now.
    await expect
      .poll(async () => {
        const { rows } = await blocker.query(
          "SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'doc_updates' AND NOT l.granted",
        );
        return rows[0].n;
      })
      .toBeGreaterThan(0);
    expect(observer.doc.getText('t').toString()).toBe('');

    await blocker.query('COMMIT');
    await blocker.end();
    await waitFor(() => observer.doc.getText('t').toString() === 'pas na de commit', 5000, 'the relayed update');
    expect((await storedDoc(documentId)).getText('t').toString()).toBe('pas na de commit');
    destroyAll(writer.provider, observer.provider);
  });

  it('groups the updates that arrive during a slow commit into one commit, and stores every one', async () => {
    const { token, documentId } = await createDocumentFor(server.url);
    const writers = Array.from({ length: 20 }, () => connectClient(wsUrl, documentId, { token }));
    await Promise.all(writers.map((w) => synced(w.provider)));
    const commitsBefore = await commitCount();
    const framesBefore = await metric('stadskamer_sync_messages_in_total');
    // A slow commit: another session holds the table, so the first INSERT waits.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE doc_updates IN EXCLUSIVE MODE');
    // Every writer types 10 characters at once: 200 updates on one document.
    writers.forEach((w, i) => {
      for (let k = 0; k < 10; k++) w.doc.getArray<string>('items').push([`${i}.${k}`]);
    });
    // Barrier: the server has received all 200 frames while the first commit still waits.
    await expect.poll(() => metric('stadskamer_sync_messages_in_total'), { timeout: 10_000 }).toBeGreaterThanOrEqual(framesBefore + 200);
    expect(await commitCount()).toBe(commitsBefore);
    await blocker.query('COMMIT');
    await blocker.end();
    await waitFor(() => writers.every((w) => w.doc.getArray('items').length === 200), 15_000, 'every update everywhere');
    // The waiting INSERT (the first update), then everything that arrived meanwhile at once.
    expect((await commitCount()) - commitsBefore).toBe(2);
    const stored = (await storedDoc(documentId)).getArray<string>('items').toArray();
    expect(new Set(stored).size).toBe(200);
    destroyAll(...writers.map((w) => w.provider));
  });
});

/** Commits (batches) so far, from the server's own metric. */
function commitCount(): Promise<number> {
  return metric('stadskamer_update_commit_seconds_count');
}

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return Number(line?.split(' ').at(-1) ?? NaN);
}
