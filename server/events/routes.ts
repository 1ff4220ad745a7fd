import { Hono } from 'hono';
import { z } from 'zod';
import type { Access, AppEnv } from '../http/access';
import { readQuery } from '../http/validation';
import type { PubSub } from '../bus/pubsub';
import type { EventLog } from './event-log';
import { streamWorkspaceEvents } from './event-stream';

const ActivityQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional(),
});

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
    return c.json({ events: events.page(c.var.workspace.id, q.before ?? null, q.limit) });
  });

  return app;
}
