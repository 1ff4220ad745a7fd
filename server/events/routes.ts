import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiEnv, Repositories } from '../api/context';
import { workspaceFor } from '../api/access';
import { readQuery } from '../api/validate';
import { signedIn } from '../auth/middleware';
import { HttpError } from '../http/errors';
import type { PubSub } from '../bus/pubsub';
import type { PresenceStore } from '../presence/presence-store';
import type { EventLog } from './event-log';
import { streamWorkspaceEvents } from './event-stream';
import type { OpenStream } from '../auth/revocation';

const ActivityQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional(),
});

export interface LiveDeps {
  repos: Repositories;
  events: EventLog;
  bus: PubSub;
  presence: PresenceStore;
  /** Open event streams, so that logout and removal can end them (server/auth/revocation.ts). */
  streams: Set<OpenStream>;
}

/** What is happening in a workspace: the event stream, the activity list, who is online. */
export function liveRoutes({ repos, events, bus, presence, streams }: LiveDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.get('/api/workspaces/:wid/events', (c) => {
    const { user, tokenHash } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id);
    return streamWorkspaceEvents(c, workspace.id, events, bus, (end) => {
      const open = { tokenHash, userId: user.id, workspaceId: workspace.id, end };
      streams.add(open);
      return () => streams.delete(open);
    });
  });

  app.get('/api/workspaces/:wid/activity', (c) => {
    const { user } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id);
    const q = readQuery(c, ActivityQuery);
    return c.json({ events: events.page(workspace.id, q.before ?? null, q.limit) });
  });

  app.get('/api/workspaces/:wid/presence', async (c) => {
    const { user } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id);
    try {
      return c.json({ online: await presence.list(workspace.id) });
    } catch {
      throw new HttpError(503, 'presence_unavailable', 'Who is online cannot be read right now; try again shortly.');
    }
  });

  return app;
}
