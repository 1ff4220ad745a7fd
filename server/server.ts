import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { serve } from '@hono/node-server';
import { createNodeWebSocket } from '@hono/node-ws';
import { Hono } from 'hono';
import type { Config } from './config';
import { createLogger, type Logger } from './log';
import { openDatabase } from './storage/db';
import { SqliteDocumentStore } from './storage/sqlite-store';
import { RoomRegistry } from './sync/rooms';
import { SyncServer } from './sync/sync-server';
import { healthRoutes } from './http/health';
import { errorBody } from './http/errors';
import { syncRoute, type SyncAuthorizer } from './sync/socket-route';
import { staticClient } from './http/static-client';

export interface RunningServer {
  port: number;
  url: string;
  log: Logger;
  close(): Promise<void>;
}

/** Opens storage, wires the HTTP API and the sync socket, and listens. */
export async function startServer(config: Config, authorize: SyncAuthorizer = anonymousEditor): Promise<RunningServer> {
  const log = createLogger(config.logLevel, config.instanceId);
  const db = openDatabase(config.dataDir);
  const store = new SqliteDocumentStore(db);

  const rooms = new RoomRegistry({
    store,
    log,
    graceMs: config.roomGraceMs,
    compactAfterUpdates: config.compactAfterUpdates,
    awarenessFlushMs: config.awarenessFlushMs,
    events: {},
  });
  const sync = new SyncServer({
    rooms,
    log,
    maxMessageBytes: config.maxMessageBytes,
    maxBufferedBytes: config.maxBufferedBytes,
  });

  const app = new Hono();
  const ws = createNodeWebSocket({ app });
  // ws rejects larger frames itself and closes with 1009 before buffering them whole.
  ws.wss.options.maxPayload = config.maxMessageBytes;

  app.route('/', healthRoutes([{ name: 'storage', check: () => store.ping() }]));
  app.route('/', syncRoute(ws.upgradeWebSocket, sync, authorize));
  app.route('/', staticClient());
  app.notFound((c) => c.json(errorBody('not_found', 'Nothing here.'), 404));
  app.onError((err, c) => {
    log.error({ event: 'http.unhandled', err, path: c.req.path }, 'unhandled error');
    return c.json(errorBody('internal_error', 'Something went wrong on our side.'), 500);
  });

  const httpServer = await new Promise<HttpServer>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s as HttpServer));
  });
  ws.injectWebSocket(httpServer);
  const port = (httpServer.address() as AddressInfo).port;
  log.info({ event: 'server.listening', port, host: config.host, dataDir: config.dataDir }, 'listening');

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
        await rooms.closeAll();
        db.close();
        httpServer.closeAllConnections();
        log.info({ event: 'server.stopped' }, 'stopped');
      })();
      return closing;
    },
  };
}

const anonymousEditor: SyncAuthorizer = async () => ({
  ok: true,
  identity: {
    user: { id: 'anonymous', name: 'Anonymous', organization: '', color: '#64748b' },
    role: 'editor',
    workspaceId: null,
  },
});
