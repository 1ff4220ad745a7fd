import { Hono } from 'hono';
import type { Access, AppEnv } from '../http/access';
import { readBody } from '../http/validation';
import { MarkReadBody } from '../../shared/comments';
import type { NotificationRepository } from './notification-repository';

/** The caller's own mention notifications: list with unread count, mark read. */
export function notificationRoutes(notifications: NotificationRepository, access: Access): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/notifications', access.requireUser, (c) => c.json(notifications.list(c.var.user.id)));

  app.post('/api/notifications/read', access.requireUser, async (c) => {
    const { user } = c.var;
    const body = await readBody(c, MarkReadBody);
    notifications.markRead(user.id, body);
    return c.json({ unread: notifications.unread(user.id) });
  });

  return app;
}
