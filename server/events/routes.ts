import { Hono } from 'hono';
import { z } from 'zod';
import type { ApiEnv, Repositories } from '../api/context';
import { workspaceFor } from '../api/access';
import { readQuery } from '../api/validate';
import { signedIn } from '../auth/middleware';
import { HttpError } from '../http/errors';
import { decodeCursor, encodeCursor } from '../http/paginate';
import type { PubSub } from '../bus/pubsub';
import type { PresenceStore } from '../presence/presence-store';
import type { EventLog } from './event-log';
import { streamWorkspaceEvents } from './event-stream';

const ActivityQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional(),
  cursor: z.string().min(1).max(200).optional(),
});

function eventIdOf(cursor: string): number {
  const id = decodeCursor(cursor, 1)[0];
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    throw new HttpError(422, 'invalid_field', 'cursor is not one this server gave out', 'cursor');
  }
  return id;
}

export interface LiveDeps {
  repos: Repositories;
  events: EventLog;
  bus: PubSub;
  presence: PresenceStore;
}

/** What is happening in a workspace: the event stream, the activity list, who is online. */
export function liveRoutes({ repos, events, bus, presence }: LiveDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.get('/api/workspaces/:wid/events', (c) => {
    const { user } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id);
    return streamWorkspaceEvents(c, workspace.id, events, bus);
  });

  app.get('/api/workspaces/:wid/activity', (c) => {
    const { user } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id);
    const q = readQuery(c, ActivityQuery);
    // The cursor is the id of the last event sent; `before` is the older spelling of the same.
    const before = q.cursor === undefined ? (q.before ?? null) : eventIdOf(q.cursor);
    const rows = events.page(workspace.id, before, q.limit + 1);
    const page = rows.slice(0, q.limit);
    const nextCursor = rows.length > q.limit ? encodeCursor([Number(page[page.length - 1]!.id)]) : null;
    return c.json({ events: page, nextCursor });
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
