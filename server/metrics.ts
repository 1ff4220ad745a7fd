import { Hono } from 'hono';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SyncExtension } from './sync/extensions';

/** Live figures the metrics read at scrape time instead of tracking them on every change. */
export interface MetricsSources {
  openConnections(): number;
  loadedDocuments(): number;
}

export interface ServerMetrics {
  registry: Registry;
  /** The sync path's counters, as the first entry of its hook list (it sees every frame). */
  extension: SyncExtension;
  /** Seconds between an update's publication on one instance and its arrival on another. */
  observeRelayLag(seconds: number): void;
  /** `GET /metrics` in the Prometheus text format. */
  routes(): Hono;
}

const PREFIX = 'stadskamer_';

/**
 * Prometheus metrics for one server, on its own Registry so that several servers in one
 * process (tests) never share or clash. Per-frame counters are plain numbers folded into
 * prom-client at scrape time: the message path pays an increment, not a label lookup.
 */
export function createMetrics(sources: MetricsSources): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  let messagesIn = 0;
  let bytesIn = 0;
  let messagesOut = 0;
  let bytesOut = 0;
  const rejected = new Map<string, number>();

  new Gauge({
    name: `${PREFIX}open_connections`,
    help: 'Sync sockets currently open.',
    registers: [registry],
    collect() {
      this.set(sources.openConnections());
    },
  });
  new Gauge({
    name: `${PREFIX}loaded_documents`,
    help: 'Documents currently held in memory (rooms).',
    registers: [registry],
    collect() {
      this.set(sources.loadedDocuments());
    },
  });

  // A collect() on a counter adds what accumulated since the last scrape.
  const folded = (name: string, help: string, take: () => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        const delta = take();
        if (delta > 0) this.inc(delta);
      },
    });
  folded(`${PREFIX}sync_messages_in_total`, 'Binary frames received on sync sockets.', () => {
    const n = messagesIn;
    messagesIn = 0;
    return n;
  });
  folded(`${PREFIX}sync_bytes_in_total`, 'Bytes received in frames on sync sockets.', () => {
    const n = bytesIn;
    bytesIn = 0;
    return n;
  });
  folded(`${PREFIX}sync_messages_out_total`, 'Frames queued to sync sockets by room broadcasts (updates and awareness), one per receiver.', () => {
    const n = messagesOut;
    messagesOut = 0;
    return n;
  });
  folded(`${PREFIX}sync_bytes_out_total`, 'Bytes queued to sync sockets by room broadcasts, counted per receiver.', () => {
    const n = bytesOut;
    bytesOut = 0;
    return n;
  });
  new Counter({
    name: `${PREFIX}sync_rejected_frames_total`,
    help: 'Frames or updates refused, by reason (malformed, unknown_message, too_big, invalid_update, read_only, socket_error).',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      for (const [reason, n] of rejected) this.inc({ reason }, n);
      rejected.clear();
    },
  });

  const commitSeconds = new Histogram({
    name: `${PREFIX}update_commit_seconds`,
    help: 'Time to commit one batch of updates (those that arrived meanwhile) to storage before they are broadcast.',
    buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const fanOut = new Histogram({
    name: `${PREFIX}broadcast_fanout`,
    help: 'Receivers of one room broadcast.',
    buckets: [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000],
    registers: [registry],
  });
  // Stays empty until Redis relaying exists; declared now so dashboards can be built.
  const relayLag = new Histogram({
    name: `${PREFIX}redis_relay_lag_seconds`,
    help: 'Delay between an update being published by one instance and applied by another.',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  const onRejected = (reason: string) => rejected.set(reason, (rejected.get(reason) ?? 0) + 1);

  return {
    registry,
    extension: {
      name: 'metrics',
      onFrame(_conn, bytes) {
        messagesIn++;
        bytesIn += bytes;
        return null;
      },
      onBroadcast(_room, receivers, bytes) {
        messagesOut += receivers;
        bytesOut += receivers * bytes;
        fanOut.observe(receivers);
      },
      onRejected,
      afterCommitBatch(_room, _updates, seconds) {
        commitSeconds.observe(seconds);
      },
    },
    observeRelayLag(seconds) {
      relayLag.observe(seconds);
    },
    routes() {
      const app = new Hono();
      app.get('/metrics', async (c) => {
        const text = await registry.metrics();
        return c.body(text, 200, { 'Content-Type': registry.contentType });
      });
      return app;
    },
  };
}
