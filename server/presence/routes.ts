import { Hono } from 'hono';
import type { Access, AppEnv } from '../http/access';
import { AppError } from '../http/errors';
import type { PresenceStore } from './presence-store';

/** Who is online in which document of a workspace, across every instance (members). */
export function presenceRoutes({ access, presence }: { access: Access; presence: PresenceStore }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/workspaces/:wid/presence', access.requireWorkspace(), async (c) => {
    try {
      return c.json({ online: await presence.list(c.var.workspace.id) });
    } catch {
      throw new AppError(503, 'presence_unavailable', 'Who is online cannot be read right now; try again shortly.');
    }
  });

  return app;
}
