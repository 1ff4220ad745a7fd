import { Hono } from 'hono';
import type { ApiEnv } from '../api/context';
import { readBody } from '../api/validate';
import { signedIn } from '../auth/middleware';
import { NEWEST_FIRST, pageQuery, paginate } from '../http/paginate';
import { MarkReadBody } from '../../shared/comments';
import type { NotificationRepository } from './notification-repository';

/** The caller's own mention notifications: list with unread count, mark read. */
export function notificationRoutes(notifications: NotificationRepository): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.get('/api/notifications', (c) => {
    const { user } = signedIn(c);
    const { notifications: all, unread } = notifications.list(user.id);
    const page = paginate(all, NEWEST_FIRST, pageQuery(c));
    return c.json({ notifications: page.items, unread, nextCursor: page.nextCursor });
  });

  app.post('/api/notifications/read', async (c) => {
    const { user } = signedIn(c);
    const body = await readBody(c, MarkReadBody);
    notifications.markRead(user.id, body);
    return c.json({ unread: notifications.unread(user.id) });
  });

  return app;
}
