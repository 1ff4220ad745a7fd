import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentFor } from '../helpers/api';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { TestPostgresCluster } from '../helpers/postgres-cluster';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/server';

let cluster: TestPostgresCluster;
let server: ChildServer;

beforeAll(async () => {
  cluster = await TestPostgresCluster.start();
  server = await startChildServer({ DATA_DIR: tempDataDir(), DATABASE_URL: cluster.url });
});
afterAll(() => {
  server?.process.kill('SIGKILL');
  cluster?.destroy();
});

const ready = async () => (await fetch(`${server.url}/readyz`)).status;

describe('PostgreSQL restarting under load', { timeout: 90_000 }, () => {
  it('reports not-ready while it is down; edits wait on open sockets and nothing is lost', async () => {
    const { token, documentId } = await createDocumentFor(server.url);
    const writers = [0, 1].map(() => connectClient(server.wsUrl, documentId, { token }));
    await Promise.all(writers.map((w) => synced(w.provider)));
    let disconnects = 0;
    for (const w of writers) w.provider.on('status', ({ status }: { status: string }) => void (status === 'disconnected' && disconnects++));
    let n = 0;
    const storm = setInterval(() => writers.forEach((w, i) => w.doc.getArray<string>('items').push([`${i}:${n++}`])), 5);
    await waitFor(() => writers[1]!.doc.getArray('items').length > 100, 10_000, 'edits before the outage');

    cluster.stopServer('immediate');
    await expect.poll(ready, { timeout: 10_000 }).toBe(503);
    await new Promise((r) => setTimeout(r, 500)); // the writers keep typing through the outage
    cluster.startServer();
    await expect.poll(ready, { timeout: 20_000 }).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    clearInterval(storm);
    // The outage did reach the write path, and the edits waited: no socket was dropped.
    expect(server.logs.some((l) => l.includes('"room.commit_retry"'))).toBe(true);
    expect(disconnects).toBe(0);

    const typed = new Set([...writers[0]!.doc.getArray<string>('items'), ...writers[1]!.doc.getArray<string>('items')]);
    // Everyone converges, and a fresh reader (from PostgreSQL) has every edit anyone typed.
    await waitFor(() => writers.every((w) => w.doc.getArray('items').length === typed.size), 20_000, 'writers converge');
    const reader = connectClient(server.wsUrl, documentId, { token });
    await synced(reader.provider);
    await waitFor(() => reader.doc.getArray('items').length === typed.size, 10_000, 'the reader has everything');
    expect(new Set(reader.doc.getArray<string>('items').toArray())).toEqual(typed);
    destroyAll(reader.provider, ...writers.map((w) => w.provider));
  });
});
