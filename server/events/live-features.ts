import { Hono } from 'hono';
import type { RedisClientType } from 'redis';
import type { PubSub } from '../bus/pubsub';
import type { Access, AppEnv } from '../http/access';
import type { Logger } from '../log';
import { MemoryPresenceStore } from '../presence/memory-presence';
import { PresenceTracker } from '../presence/presence-tracker';
import { RedisPresenceStore } from '../presence/redis-presence';
import type { PresenceStore } from '../presence/presence-store';
import { presenceRoutes } from '../presence/routes';
import type { Database } from '../storage/db';
import type { Connection } from '../sync/connection';
import { SocketActivity } from './activity';
import type { DomainEvents } from './emit';
import { EventLog } from './event-log';
import { eventRoutes } from './routes';

export interface LiveFeatures {
  /** Hooks for the sync server: who is where. */
  onJoin(conn: Connection): void;
  onLeave(conn: Connection): void;
  /** Hook for rooms: a socket changed a document's content. */
  onEdit(documentId: string, origin: unknown): void;
  routes: Hono<AppEnv>;
  close(): void;
}

/**
 * The event log (subscribed to every emitted event), the activity list and presence, over
 * whichever bus and presence store this instance runs with (Redis when given, in-process otherwise).
 */
export function createLiveFeatures(deps: {
  db: Database;
  bus: PubSub;
  redis: RedisClientType | null;
  events: DomainEvents;
  access: Access;
  /** A socket edited a document: its `updatedAt` moves. */
  touchDocument(documentId: string, at: string): void;
  instanceId: string;
  log: Logger;
}): LiveFeatures {
  const log = new EventLog(deps.db, deps.bus);
  deps.events.subscribe((e) => log.record(e));
  const activity = new SocketActivity(deps.events.emit, deps.touchDocument);
  const presence: PresenceStore = deps.redis ? new RedisPresenceStore(deps.redis) : new MemoryPresenceStore();
  const tracker = new PresenceTracker(presence, deps.instanceId, deps.log, (conn, state) => activity.presenceChanged(conn, state));
  const sockets = new WeakSet<object>();
  const routes = new Hono<AppEnv>()
    .route('/', eventRoutes({ access: deps.access, events: log, bus: deps.bus }))
    .route('/', presenceRoutes({ access: deps.access, presence }));

  return {
    onJoin(conn) {
      const workspaceId = conn.identity.workspaceId;
      if (!workspaceId) return;
      sockets.add(conn);
      const { id, name, organization } = conn.identity.user;
      tracker.joined({ id: conn.id, documentId: conn.documentId, workspaceId, user: { id, name, organization }, since: new Date().toISOString() });
    },
    onLeave(conn) {
      tracker.left(conn.id);
    },
    onEdit(documentId, origin) {
      if (!origin || !sockets.has(origin as object)) return;
      const conn = origin as Connection;
      const { id, name, organization } = conn.identity.user;
      activity.documentEdited(documentId, conn.identity.workspaceId!, { id, name, organization });
    },
    routes,
    close: () => tracker.stop(),
  };
}
