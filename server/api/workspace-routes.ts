import { Hono } from 'hono';
import { CreateWorkspaceBody } from '../../shared/api';
import { signedIn } from '../auth/middleware';
import type { ApiEnv, RouteContext } from './context';
import { workspaceFor } from './access';
import { readBody } from './validate';

/** Workspaces (members and invites: server/members/). */
export function workspaceRoutes({ deps, repos }: RouteContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post('/api/workspaces', async (c) => {
    const { user } = signedIn(c);
    const body = await readBody(c, CreateWorkspaceBody);
    const workspace = repos.workspaces.create({ name: body.name, description: body.description ?? '', ownerId: user.id });
    deps.log.info({ event: 'workspace.created', workspaceId: workspace.id, userId: user.id }, 'workspace created');
    return c.json({ workspace }, 201);
  });

  app.get('/api/workspaces', (c) => {
    const { user } = signedIn(c);
    return c.json({ workspaces: repos.workspaces.listForUser(user.id) });
  });

  app.get('/api/workspaces/:wid', (c) => {
    const { user } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id);
    return c.json({ workspace, members: repos.members.list(workspace.id) });
  });

  return app;
}
