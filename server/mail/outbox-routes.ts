import { Hono } from 'hono';
import type { Mailer } from './mailer';

/** `/dev/outbox`: the mails a development server wrote instead of sending, newest first. Absent in production. */
export function outboxRoutes(mailer: Mailer): Hono {
  const app = new Hono();
  const outbox = mailer.outbox;
  if (!outbox) return app;
  app.get('/dev/outbox', (c) => c.json({ mails: [...outbox].reverse() }));
  return app;
}
