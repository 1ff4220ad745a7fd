import { Hono } from 'hono';
import { z } from 'zod';
import type { Access, AppEnv } from '../http/access';
import { readQuery } from '../http/validation';
import { AppError } from '../http/errors';
import { decodeCursor, encodeCursor } from '../http/paginate';
import type { PubSub } from '../bus/pubsub';
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
    throw new AppError(422, 'invalid_field', 'cursor is not one this server gave out', 'cursor');
  }
  return id;
}

export interface EventRouteDeps {
  access: Access;
  events: EventLog;
  bus: PubSub;
}

/** What is happening in a workspace: the event stream and the activity list (members). */
export function eventRoutes({ access, events, bus }: EventRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/workspaces/:wid/events', access.requireWorkspace(), (c) =>
    streamWorkspaceEvents(c, c.var.workspace.id, events, bus),
  );

  app.get('/api/workspaces/:wid/activity', access.requireWorkspace(), (c) => {
    const q = readQuery(c, ActivityQuery);
    // The cursor is the id of the last event sent; `before` is the older spelling of the same.
    const before = q.cursor === undefined ? (q.before ?? null) : eventIdOf(q.cursor);
    const rows = events.page(c.var.workspace.id, before, q.limit + 1);
    const page = rows.slice(0, q.limit);
    const nextCursor = rows.length > q.limit ? encodeCursor([Number(page[page.length - 1]!.id)]) : null;
    return c.json({ events: page, nextCursor });
  });

  return app;
}
