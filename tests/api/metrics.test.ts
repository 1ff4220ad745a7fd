import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { serve } from '@hono/node-server';
import { createNodeWebSocket } from '@hono/node-ws';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { createLogger } from '../../server/log';
import { createMetrics } from '../../server/metrics';
import { openDatabase } from '../../server/storage/db';
import { SqliteDocumentStore } from '../../server/storage/sqlite-store';
import { SyncHooks } from '../../server/sync/extensions';
import { RoomRegistry } from '../../server/sync/rooms';
import { syncRoute, type SyncAuthorizer } from '../../server/sync/socket-route';
import { SyncServer } from '../../server/sync/sync-server';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { tempDataDir } from '../helpers/server';

/**
 * The real sync stack (storage, rooms, sync server, socket route) wired with the metrics
 * hooks the way server.ts is meant to wire them, on a random port.
 */
async function startMetricsServer() {
  const log = createLogger('silent', 'metrics-test');
  const db = openDatabase(tempDataDir());
  const store = new SqliteDocumentStore(db);
  const metrics = createMetrics({
    openConnections: () => sync.connections.size,
    loadedDocuments: () => rooms.size,
  });
  const hooks = new SyncHooks().use(metrics.extension);
  const rooms = new RoomRegistry({ store, log, graceMs: 200, compactAfterUpdates: 500, awarenessFlushMs: 30, hooks });
  const sync = new SyncServer({ rooms, log, hooks, maxMessageBytes: 1024 * 1024, maxBufferedBytes: 32 * 1024 * 1024 });
  const editor: SyncAuthorizer = async () => ({
    ok: true,
    identity: { user: { id: 'u1', name: 'Test', organization: 'Stad Gent', color: '#000000' }, role: 'editor', workspaceId: null },
  });
  const app = new Hono();
  const ws = createNodeWebSocket({ app });
  app.route('/', metrics.routes());
  app.route('/', syncRoute(ws.upgradeWebSocket, sync, editor));
  const http = await new Promise<HttpServer>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as HttpServer));
  });
  ws.injectWebSocket(http);
  const port = (http.address() as AddressInfo).port;
  return {
    port,
    metrics,
    async close() {
      sync.shutdown();
      await rooms.closeAll();
      http.close();
      http.closeAllConnections();
      db.close();
    },
  };
}

/** Parses the Prometheus text format into `name{labels}` → value. */
function parseMetrics(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    values.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return values;
}

let server: Awaited<ReturnType<typeof startMetricsServer>>;
beforeAll(async () => {
  server = await startMetricsServer();
});
afterAll(() => server.close());

async function scrape(): Promise<{ text: string; values: Map<string, number>; contentType: string | null }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
  expect(res.status).toBe(200);
  const text = await res.text();
  return { text, values: parseMetrics(text), contentType: res.headers.get('content-type') };
}

describe('GET /metrics', () => {
  it('reports connections, documents, traffic, commits and fan-out after real clients synced and edited', async () => {
    const wsUrl = `ws://127.0.0.1:${server.port}/sync`;
    const a = connectClient(wsUrl, 'metrics-doc');
    const b = connectClient(wsUrl, 'metrics-doc');
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.doc.getText('t').insert(0, 'Stad Leuven');
    await waitFor(() => b.doc.getText('t').toString() === 'Stad Leuven', 5000, 'edit to arrive');

    const { text, values, contentType } = await scrape();
    expect(contentType).toContain('text/plain');
    expect(text).toContain('# TYPE stadskamer_open_connections gauge');
    expect(values.get('stadskamer_open_connections')).toBe(2);
    expect(values.get('stadskamer_loaded_documents')).toBe(1);
    // Each client sent at least sync step 1, step 2 and its awareness; a also the edit.
    expect(values.get('stadskamer_sync_messages_in_total')).toBeGreaterThanOrEqual(7);
    expect(values.get('stadskamer_sync_bytes_in_total')).toBeGreaterThan(values.get('stadskamer_sync_messages_in_total')!);
    expect(values.get('stadskamer_sync_messages_out_total')).toBeGreaterThanOrEqual(1);
    expect(values.get('stadskamer_sync_bytes_out_total')).toBeGreaterThan(0);
    expect(values.get('stadskamer_update_commit_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(values.get('stadskamer_update_commit_seconds_sum')).toBeLessThan(1);
    expect(values.get('stadskamer_broadcast_fanout_count')).toBeGreaterThanOrEqual(1);
    expect(values.get('stadskamer_broadcast_fanout_bucket{le="1"}')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('# TYPE stadskamer_redis_relay_lag_seconds histogram');
    expect(values.get('process_resident_memory_bytes')).toBeGreaterThan(0);

    destroyAll(a.provider, b.provider);
    const after = await scrapeUntil((v) => v.get('stadskamer_open_connections') === 0);
    expect(after.get('stadskamer_open_connections')).toBe(0);
    // Counters never go down between scrapes.
    expect(after.get('stadskamer_sync_messages_in_total')).toBeGreaterThanOrEqual(values.get('stadskamer_sync_messages_in_total')!);
  });

  it('counts rejected frames by reason', async () => {
    const before = (await scrape()).values;
    const bad = new WebSocket(`ws://127.0.0.1:${server.port}/sync/metrics-bad`);
    await new Promise<void>((resolve, reject) => {
      bad.once('open', () => resolve());
      bad.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => bad.once('close', (code) => resolve(code)));
    bad.send(Buffer.from([0x07]));
    expect(await closed).toBe(4400);
    const bad2 = new WebSocket(`ws://127.0.0.1:${server.port}/sync/metrics-bad`);
    await new Promise<void>((resolve) => bad2.once('open', () => resolve()));
    const closed2 = new Promise<number>((resolve) => bad2.once('close', (code) => resolve(code)));
    bad2.send(Buffer.from([0x00, 0x00, 0xff]));
    expect(await closed2).toBe(1007);

    const after = (await scrape()).values;
    const count = (v: Map<string, number>, reason: string) => v.get(`stadskamer_sync_rejected_frames_total{reason="${reason}"}`) ?? 0;
    expect(count(after, 'unknown_message') - count(before, 'unknown_message')).toBe(1);
    expect(count(after, 'malformed') - count(before, 'malformed')).toBe(1);
  });
});

async function scrapeUntil(predicate: (values: Map<string, number>) => boolean): Promise<Map<string, number>> {
  return vi.waitFor(
    async () => {
      const { values } = await scrape();
      if (!predicate(values)) throw new Error('the metrics did not reach the expected values');
      return values;
    },
    { timeout: 5000, interval: 20 },
  );
}
