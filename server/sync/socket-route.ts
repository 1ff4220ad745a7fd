import { Hono, type Context } from 'hono';
import type { UpgradeWebSocket } from 'hono/ws';
import type { WebSocket } from 'ws';
import { DOCUMENT_ID_PATTERN } from '../../shared/protocol';
import { errorBody } from '../http/errors';
import { clientAddress } from '../http/client-address';
import type { SyncIdentity } from './connection';
import type { SyncServer } from './sync-server';

export type SyncAuthorization =
  | { ok: true; identity: SyncIdentity }
  | { ok: false; status: 401 | 403 | 404; code: string; message: string };

/** Decides, before a socket joins a room, who it is and what it may do there. */
export type SyncAuthorizer = (c: Context, documentId: string) => Promise<SyncAuthorization>;

type Env = { Variables: { syncIdentity: SyncIdentity; syncAddress: string } };

/**
 * `GET /sync/:documentId`: the authorisation step runs as ordinary middleware, so a
 * refused upgrade is a plain HTTP answer (401/403/404) and never reaches a room.
 */
export function syncRoute(
  upgradeWebSocket: UpgradeWebSocket<WebSocket>,
  sync: SyncServer,
  authorize: SyncAuthorizer,
  trustProxy = false,
): Hono<Env> {
  const app = new Hono<Env>();
  app.get(
    '/sync/:documentId',
    async (c, next) => {
      const documentId = c.req.param('documentId');
      if (!DOCUMENT_ID_PATTERN.test(documentId)) {
        return c.json(errorBody('not_found', 'No such document.'), 404);
      }
      const result = await authorize(c, documentId);
      if (!result.ok) return c.json(errorBody(result.code, result.message), result.status);
      const address = clientAddress(c, trustProxy);
      const refusal = sync.admit(result.identity, address);
      if (refusal) return c.json(errorBody(refusal.code, refusal.message), refusal.status);
      c.set('syncIdentity', result.identity);
      c.set('syncAddress', address);
      await next();
    },
    upgradeWebSocket((c: Context<Env, string>) => {
      const identity = c.get('syncIdentity');
      const address = c.get('syncAddress');
      const documentId = c.req.param('documentId') ?? '';
      return {
        onOpen(_event, ws) {
          // The raw socket is used directly: the room needs its buffered amount and
          // binary frames without a copy per message.
          sync.accept(ws.raw as WebSocket, documentId, identity, address);
        },
      };
    }),
  );
  return app;
}
