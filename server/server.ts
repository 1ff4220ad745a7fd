import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { serve } from '@hono/node-server';
import { createNodeWebSocket } from '@hono/node-ws';
import { Hono } from 'hono';
import type { Config } from './config';
import { createLogger, type Logger } from './log';
import { openDatabase } from './storage/db';
import { openSql } from './storage/sql/open-sql';
import { openDocumentStore } from './storage/open-document-store';
import { RoomRegistry } from './sync/rooms';
import { SyncServer } from './sync/sync-server';
import { healthRoutes } from './http/health';
import { answerNotFound, handleErrors } from './http/errors';
import { syncRoute, type SyncAuthorizer } from './sync/socket-route';
import { staticClient } from './http/static-client';
import { createApi } from './api';
import { MembershipRelay } from './workspaces/membership-relay';
import { createBus } from './bus/create-bus';
import { DocumentRelay } from './bus/document-relay';
import { createMetrics } from './metrics';
import { createLiveFeatures } from './events/live-features';
import { SyncHooks } from './sync/extensions';
import { readOnlyPolicy } from './sync/policies/read-only';
import { updateLimits } from './sync/policies/update-limits';
import { awarenessLimits } from './sync/policies/awareness-limits';
import { connectionCaps } from './sync/policies/connection-caps';
import { documentSize } from './sync/policies/document-size';
import { boardRules } from './boards/rules-extension';
import { ballotExtension, ballotSideRoom } from './boards/ballot-extension';
import { parseBallotRoomId } from './boards/ballot-box';
import { Revocation } from './auth/revocation';
import { DomainEvents } from './events/emit';
import { createMailer } from './mail/mailer';
import { outboxRoutes } from './mail/outbox-routes';
import { securityHeaders } from './http/security-headers';
import { capConnections, httpServerOptions } from './http/connection-caps';

/** Remote cursors not renewed for this long are dropped (clients renew every 15 s). */
const REMOTE_AWARENESS_MAX_AGE_MS = 35_000;

export interface RunningServer {
  port: number;
  url: string;
  log: Logger;
  close(): Promise<void>;
}

/**
 * Opens storage and the bus, wires the HTTP API, the live features and the sync socket,
 * and listens. `authorize` replaces the API's session-and-membership check of the sync
 * socket (for tools and benchmarks only).
 */
export async function startServer(config: Config, authorize?: SyncAuthorizer): Promise<RunningServer> {
  const log = createLogger(config.logLevel, config.instanceId);
  // With DATABASE_URL every kind of data lives in PostgreSQL: DATA_DIR is not even opened,
  // so instances on several hosts need nothing but the database and Redis.
  const sqlite = config.databaseUrl ? null : openDatabase(config.dataDir);
  const sql = await openSql({
    databaseUrl: config.databaseUrl,
    sqlite: sqlite ?? undefined,
    onPoolError: (err) => log.warn({ event: 'storage.connection_lost', err }, 'a PostgreSQL connection was lost'),
  });
  const store = await openDocumentStore(config.databaseUrl, sqlite, log);
  const { bus, redis } = await createBus(config, log);

  // One ordered hook list on the sync path (server/sync/extensions.ts); filled below,
  // before the server listens. Order matters: the first refusal wins.
  const hooks = new SyncHooks();
  const rooms = new RoomRegistry({
    store,
    log,
    hooks,
    graceMs: config.roomGraceMs,
    compactAfterUpdates: config.compactAfterUpdates,
    awarenessFlushMs: config.awarenessFlushMs,
  });
  const sync = new SyncServer({
    rooms,
    log,
    hooks,
    maxMessageBytes: config.maxMessageBytes,
    maxBufferedBytes: config.maxBufferedBytes,
    pingIntervalMs: config.syncLimits.pingIntervalMs,
    // A stock client echoes every state it receives, a joiner's whole snapshot too: a frame
    // may carry a full room; the policy still allows 4 ids of a connection's own.
    maxAwarenessEntries: config.syncLimits.awarenessStatesPerRoom + config.syncLimits.awarenessClientsPerConnection,
  });
  const metrics = createMetrics({ openConnections: () => sync.connections.size, loadedDocuments: () => rooms.size });
  const relay = new DocumentRelay(bus, store, config.instanceId, rooms, log, (lagMs) => metrics.observeRelayLag(lagMs / 1000));
  const sweep = setInterval(() => {
    for (const room of rooms.all()) room.sweepRemoteAwareness(REMOTE_AWARENESS_MAX_AGE_MS);
  }, 10_000);
  sweep.unref();

  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, production: config.production, log });

  // The API reads the public origin per request; see below for PORT=0.
  const apiConfig = { ...config };
  const events = new DomainEvents(log);
  const api = createApi({
    config: apiConfig,
    log,
    sql,
    store,
    rooms,
    mailer,
    onMembershipChange: (workspaceId, userId, role) => membership.changed(workspaceId, userId, role),
    onSessionEnded: (tokenHash) => revocation.sessionEnded(tokenHash),
    events,
  });
  const revocation = new Revocation(bus, sync, api.sessions, api.members, log, config.accessRecheckMs);
  await revocation.start();
  const membership = new MembershipRelay(
    bus,
    (w, u, role) => {
      sync.applyMembershipChange(w, u, role);
      revocation.membershipChanged(w, u, role);
    },
    log,
  );
  await membership.start();
  const live = createLiveFeatures({
    sql,
    bus,
    redis: redis?.commands ?? null,
    events,
    access: api.access,
    touchDocument: (documentId, at) =>
      api.documents.touch(documentId, at).catch((err: unknown) => log.warn({ event: 'document.touch_failed', documentId, err }, 'could not record an edit time')),
    instanceId: config.instanceId,
    log,
    streams: revocation.streams,
    limits: config.limits,
  });
  // Off only in a bench that prices them (BENCH_UNHARDENED; config.ts refuses it in production).
  const hardened = <T,>(...extensions: T[]): T[] => (config.hardening ? extensions : []);
  hooks.use(
    metrics.extension,
    ...hardened(connectionCaps(config.syncLimits)),
    readOnlyPolicy,
    ...hardened(updateLimits(config.syncLimits), awarenessLimits(config.syncLimits), documentSize(config.limits.maxDocumentBytes), boardRules),
    ballotExtension(rooms, api.ballots, log),
    relay.extension,
    live.extension,
    // A ballot is no document: nothing to index.
    { name: 'search', afterCommit: (room) => void (parseBallotRoomId(room.id) ?? api.search.changed(room.id)) },
    api.versions.extension,
  );
  // Mounted inside the API so that its authentication applies.
  api.routes.route('/', live.routes);

  const app = new Hono();
  const ws = createNodeWebSocket({ app });
  // ws rejects larger frames itself and closes with 1009 before buffering them whole.
  ws.wss.options.maxPayload = config.maxMessageBytes;

  app.use('*', securityHeaders(() => apiConfig.publicOrigin));
  const checks = [{ name: 'storage', check: () => store.ping() }];
  if (config.redisUrl) checks.push({ name: 'redis', check: () => bus.ping() });
  app.route('/', healthRoutes(checks));
  app.route('/', metrics.routes());
  app.route('/', outboxRoutes(mailer));
  app.route('/', api.routes);
  app.route('/', syncRoute(ws.upgradeWebSocket, sync, authorize ?? api.authorizeSync, config.trustProxy, [ballotSideRoom]));
  app.route('/', staticClient());
  app.notFound(answerNotFound);
  app.onError(handleErrors(log));

  const httpServer = await new Promise<HttpServer>((resolve) => {
    const s = serve(
      { fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: httpServerOptions(config.limits) },
      () => resolve(s as HttpServer),
    );
    capConnections(s as HttpServer, config.limits, config.trustProxy, log);
  });
  ws.injectWebSocket(httpServer);
  const port = (httpServer.address() as AddressInfo).port;
  // With PORT=0 and no PUBLIC_ORIGIN the default names port 0; only now is the real one known.
  if (apiConfig.publicOrigin === 'http://localhost:0') apiConfig.publicOrigin = `http://localhost:${port}`;
  log.info({ event: 'server.listening', port, host: config.host, dataDir: config.dataDir }, 'listening');
  if (!config.hardening) log.warn({ event: 'sync.unhardened' }, 'BENCH_UNHARDENED: hostile-client limits and board rules are OFF (benchmarks only)');

  let closing: Promise<void> | null = null;
  return {
    port,
    url: `http://${config.host}:${port}`,
    log,
    close() {
      closing ??= (async () => {
        log.info({ event: 'server.stopping' }, 'stopping');
        httpServer.close();
        sync.shutdown();
        clearInterval(sweep);
        live.close();
        revocation.stop();
        hooks.destroy();
        await rooms.closeAll();
        // Events still being handled write to the store that closes below.
        await events.idle();
        await api.close();
        mailer.close();
        await bus.close();
        // Also on SQLite: its compaction threads stop here (the shared connection closes with them).
        await store.close();
        await sql.close();
        sqlite?.close();
        httpServer.closeAllConnections();
        log.info({ event: 'server.stopped' }, 'stopped');
      })();
      return closing;
    },
  };
}
