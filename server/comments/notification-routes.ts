import { Hono } from 'hono';
import type { Access, AppEnv } from '../http/access';
import { readBody } from '../http/validation';
import { NEWEST_FIRST, pageQuery, paginate } from '../http/paginate';
import { MarkReadBody } from '../../shared/comments';
import type { NotificationRepository } from './notification-repository';

/** The caller's own mention notifications: list with unread count, mark read. */
export function notificationRoutes(notifications: NotificationRepository, access: Access): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/notifications', access.requireUser, async (c) => {
    const { notifications: all, unread } = await notifications.list(c.var.user.id);
    const page = paginate(all, NEWEST_FIRST, pageQuery(c));
    return c.json({ notifications: page.items, unread, nextCursor: page.nextCursor });
  });

  app.post('/api/notifications/read', access.requireUser, async (c) => {
    const { user } = c.var;
    const body = await readBody(c, MarkReadBody);
    await notifications.markRead(user.id, body);
    return c.json({ unread: await notifications.unread(user.id) });
  });

  return app;
}
