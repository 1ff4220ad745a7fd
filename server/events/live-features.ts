import type { RedisClientType } from 'redis';
import type { Repositories } from '../api-context';
import type { PubSub } from '../bus/pubsub';
import type { Logger } from '../log';
import { MemoryPresenceStore } from '../presence/memory-presence';
import { PresenceTracker } from '../presence/presence-tracker';
import { RedisPresenceStore } from '../presence/redis-presence';
import type { PresenceStore } from '../presence/presence-store';
import type { Database } from '../storage/db';
import type { Connection } from '../sync/connection';
import { Activity } from './activity';
import { EventLog } from './event-log';
import { liveRoutes } from './routes';

export interface LiveFeatures {
  activity: Activity;
  /** Hooks for the sync server: who is where. */
  onJoin(conn: Connection): void;
  onLeave(conn: Connection): void;
  /** Hook for rooms: a socket changed a document's content. */
  onEdit(documentId: string, origin: unknown): void;
  routes: ReturnType<typeof liveRoutes>;
  close(): void;
}

/**
 * Domain events, the activity list and presence, over whichever bus and presence store
 * this instance runs with (Redis when given, in-process otherwise).
 */
export function createLiveFeatures(deps: {
  db: Database;
  bus: PubSub;
  redis: RedisClientType | null;
  repos: Repositories;
  instanceId: string;
  log: Logger;
}): LiveFeatures {
  const events = new EventLog(deps.db, deps.bus);
  const activity = new Activity(events, deps.repos.users, deps.log, (documentId, at) => deps.repos.documents.touch(documentId, at));
  const presence: PresenceStore = deps.redis ? new RedisPresenceStore(deps.redis) : new MemoryPresenceStore();
  const tracker = new PresenceTracker(presence, deps.instanceId, deps.log, (conn, state) => activity.presenceChanged(conn, state));
  const sockets = new WeakSet<object>();

  return {
    activity,
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
    routes: liveRoutes({ repos: deps.repos, events, bus: deps.bus, presence }),
    close: () => tracker.stop(),
  };
}
