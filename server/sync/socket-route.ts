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

/**
 * A room beside a document's own, at `/sync/:documentId/<name>` (a stock client's room
 * name `<documentId>/<name>`): e.g. a person's ballot on a board. The socket is authorised
 * for the document as usual; `open` then names the room it joins and its identity there.
 */
export interface SideRoom {
  name: string;
  /** null: this document has no such room (404). */
  open(documentId: string, identity: SyncIdentity): { roomId: string; identity: SyncIdentity } | null;
}

type Env = { Variables: { syncIdentity: SyncIdentity; syncAddress: string; syncRoom: string } };

/**
 * `GET /sync/:documentId` (and its side rooms): the authorisation step runs as ordinary
 * middleware, so a refused upgrade is a plain HTTP answer (401/403/404) and never reaches a room.
 */
export function syncRoute(
  upgradeWebSocket: UpgradeWebSocket<WebSocket>,
  sync: SyncServer,
  authorize: SyncAuthorizer,
  trustProxy = false,
  sideRooms: SideRoom[] = [],
): Hono<Env> {
  const app = new Hono<Env>();
  const upgrade = upgradeWebSocket((c: Context<Env, string>) => {
    const identity = c.get('syncIdentity');
    const address = c.get('syncAddress');
    const roomId = c.get('syncRoom');
    return {
      onOpen(_event, ws) {
        // The raw socket is used directly: the room needs its buffered amount and
        // binary frames without a copy per message.
        sync.accept(ws.raw as WebSocket, roomId, identity, address);
      },
    };
  });
  const mount = (path: string, side: SideRoom | null) =>
    app.get(
      path,
      async (c, next) => {
        const documentId = c.req.param('documentId') ?? '';
        if (!DOCUMENT_ID_PATTERN.test(documentId)) {
          return c.json(errorBody('not_found', 'No such document.'), 404);
        }
        const result = await authorize(c, documentId);
        if (!result.ok) return c.json(errorBody(result.code, result.message), result.status);
        const room = side ? side.open(documentId, result.identity) : { roomId: documentId, identity: result.identity };
        if (!room) return c.json(errorBody('not_found', 'No such room.'), 404);
        const address = clientAddress(c, trustProxy);
        const refusal = sync.admit(room.identity, address);
        if (refusal) return c.json(errorBody(refusal.code, refusal.message), refusal.status);
        c.set('syncIdentity', room.identity);
        c.set('syncAddress', address);
        c.set('syncRoom', room.roomId);
        await next();
      },
      upgrade,
    );
  mount('/sync/:documentId', null);
  for (const side of sideRooms) mount(`/sync/:documentId/${side.name}`, side);
  return app;
}
