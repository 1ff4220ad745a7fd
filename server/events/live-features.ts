import type { RedisClientType } from 'redis';
import type { Repositories } from '../api/context';
import type { PubSub } from '../bus/pubsub';
import type { Logger } from '../log';
import { MemoryPresenceStore } from '../presence/memory-presence';
import { PresenceTracker } from '../presence/presence-tracker';
import { RedisPresenceStore } from '../presence/redis-presence';
import type { PresenceStore } from '../presence/presence-store';
import type { Database } from '../storage/db';
import type { SyncExtension } from '../sync/extensions';
import { Activity } from './activity';
import { EventLog } from './event-log';
import { liveRoutes } from './routes';
import type { OpenStream } from '../auth/revocation';

export interface LiveFeatures {
  activity: Activity;
  /** On the sync path: who is where (presence), who edited what (activity). */
  extension: SyncExtension;
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
  streams: Set<OpenStream>;
}): LiveFeatures {
  const events = new EventLog(deps.db, deps.bus);
  const activity = new Activity(events, deps.repos.users, deps.log, (documentId, at) => deps.repos.documents.touch(documentId, at));
  const presence: PresenceStore = deps.redis ? new RedisPresenceStore(deps.redis) : new MemoryPresenceStore();
  const tracker = new PresenceTracker(presence, deps.instanceId, deps.log, (conn, state) => activity.presenceChanged(conn, state));

  return {
    activity,
    extension: {
      name: 'live-features',
      onJoin(conn) {
        const workspaceId = conn.identity.workspaceId;
        if (!workspaceId) return;
        const { id, name, organization } = conn.identity.user;
        tracker.joined({ id: conn.id, documentId: conn.documentId, workspaceId, user: { id, name, organization }, since: new Date().toISOString() });
      },
      onLeave(conn) {
        tracker.left(conn.id);
      },
      afterCommit(room, _update, origin) {
        const workspaceId = origin?.identity.workspaceId;
        if (!origin || !workspaceId) return;
        const { id, name, organization } = origin.identity.user;
        activity.documentEdited(room.id, workspaceId, { id, name, organization });
      },
    },
    routes: liveRoutes({ repos: deps.repos, events, bus: deps.bus, presence, streams: deps.streams }),
    close: () => tracker.stop(),
  };
}
