import { Hono } from 'hono';
import type { RedisClientType } from 'redis';
import type { PubSub } from '../bus/pubsub';
import type { Access, AppEnv } from '../http/access';
import type { Logger } from '../log';
import { MemoryPresenceStore } from '../presence/memory-presence';
import { PresenceTracker } from '../presence/presence-tracker';
import { PresenceThrottle } from '../presence/presence-throttle';
import { RedisPresenceStore } from '../presence/redis-presence';
import type { PresenceStore } from '../presence/presence-store';
import { presenceRoutes } from '../presence/routes';
import type { Sql } from '../storage/sql/open-sql';
import type { Database } from '../storage/db';
import type { SyncExtension } from '../sync/extensions';
import type { OpenStream } from '../auth/revocation';
import { SocketActivity } from './activity';
import type { DomainEvents } from './emit';
import { EventLog } from './event-log';
import { eventRoutes } from './routes';
import { PresenceRetention } from './presence-retention';
import type { Limits } from '../limits-config';

export interface LiveFeatures {
  /** On the sync path: who is where (presence), who edited what (activity). */
  extension: SyncExtension;
  routes: Hono<AppEnv>;
  close(): void;
}

/**
 * The event log (subscribed to every emitted event), the activity list and presence, over
 * whichever bus and presence store this instance runs with (Redis when given, in-process otherwise).
 */
export function createLiveFeatures(deps: {
  db: Database;
  sql: Sql;
  bus: PubSub;
  redis: RedisClientType | null;
  events: DomainEvents;
  access: Access;
  /** A socket edited a document: its `updatedAt` moves. */
  touchDocument(documentId: string, at: string): void;
  instanceId: string;
  log: Logger;
  /** Open event streams, so that revocation can end them. */
  streams: Set<OpenStream>;
  limits: Pick<Limits, 'presenceEventsPerPerson' | 'presenceEventsWindowMs' | 'presenceEventsRetentionMs'>;
}): LiveFeatures {
  const log = new EventLog(deps.db, deps.bus);
  deps.events.subscribe((e) => log.record(e));
  const activity = new SocketActivity(deps.events.emit, deps.touchDocument);
  const presence: PresenceStore = deps.redis ? new RedisPresenceStore(deps.redis) : new MemoryPresenceStore();
  // Presence events cost every subscriber: a few per person per window, and not kept for long.
  const throttle = new PresenceThrottle(deps.limits.presenceEventsPerPerson, deps.limits.presenceEventsWindowMs, (conn, state) =>
    activity.presenceChanged(conn, state),
  );
  const retention = new PresenceRetention(deps.db, deps.limits.presenceEventsRetentionMs, deps.log);
  const tracker = new PresenceTracker(presence, deps.instanceId, deps.log, (conn, state) => throttle.changed(conn, state));
  const routes = new Hono<AppEnv>()
    .route('/', eventRoutes({ access: deps.access, events: log, bus: deps.bus, streams: deps.streams }))
    .route('/', presenceRoutes({ access: deps.access, presence }));

  return {
    extension: {
      name: 'live-features',
      onJoin(conn) {
        const workspaceId = conn.identity.workspaceId;
        // A person's ballot socket is not a second presence on the board, nor an edit to show.
        if (!workspaceId || conn.identity.documentKind === 'ballot') return;
        const { id, name, organization } = conn.identity.user;
        tracker.joined({ id: conn.id, documentId: conn.documentId, workspaceId, user: { id, name, organization }, since: new Date().toISOString() });
      },
      onLeave(conn) {
        tracker.left(conn.id);
      },
      afterCommit(room, _update, origin) {
        const workspaceId = origin?.identity.workspaceId;
        if (!origin || !workspaceId || origin.identity.documentKind === 'ballot') return;
        const { id, name, organization } = origin.identity.user;
        activity.documentEdited(room.id, workspaceId, { id, name, organization });
      },
    },
    routes,
    close: () => {
      tracker.stop();
      throttle.stop();
      retention.stop();
    },
  };
}
