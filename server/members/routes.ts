import { Hono } from 'hono';
import { ChangeRoleBody } from '../../shared/api';
import { TransferOwnershipBody } from '../../shared/members';
import { HttpError } from '../http/errors';
import { signedIn } from '../auth/middleware';
import type { ApiEnv, RouteContext } from '../api/context';
import { notFound, workspaceFor } from '../api/access';
import { readBody } from '../api/validate';
import { changeMember } from './membership-changes';

/** Members: owners change roles, remove people and hand over ownership; anyone may leave. */
export function memberRoutes(ctx: RouteContext): Hono<ApiEnv> {
  const { repos } = ctx;
  const app = new Hono<ApiEnv>();

  app.patch('/api/workspaces/:wid/members/:uid', async (c) => {
    const { user } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id, 'owner');
    const { role } = await readBody(c, ChangeRoleBody);
    const userId = c.req.param('uid');
    changeMember(ctx, { workspaceId: workspace.id, actorId: user.id, userId, role });
    const member = repos.members.list(workspace.id).find((m) => m.user.id === userId)!;
    return c.json({ member });
  });

  app.delete('/api/workspaces/:wid/members/:uid', (c) => {
    const { user } = signedIn(c);
    const userId = c.req.param('uid');
    // Anyone may remove themself (leave); only owners may remove somebody else.
    const self = userId === user.id;
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id, self ? 'viewer' : 'owner');
    changeMember(ctx, { workspaceId: workspace.id, actorId: user.id, userId, role: null, left: self });
    return c.body(null, 204);
  });

  app.post('/api/workspaces/:wid/leave', (c) => {
    const { user } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id);
    changeMember(ctx, { workspaceId: workspace.id, actorId: user.id, userId: user.id, role: null, left: true });
    return c.body(null, 204);
  });

  /** The target becomes owner and the caller steps down to editor, in that order (never no owner). */
  app.post('/api/workspaces/:wid/transfer-ownership', async (c) => {
    const { user } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id, 'owner');
    const { userId } = await readBody(c, TransferOwnershipBody);
    if (userId === user.id) throw new HttpError(422, 'invalid_field', 'userId: you are the owner already', 'userId');
    if (!repos.members.role(workspace.id, userId)) throw notFound('member');
    changeMember(ctx, { workspaceId: workspace.id, actorId: user.id, userId, role: 'owner' });
    changeMember(ctx, { workspaceId: workspace.id, actorId: user.id, userId: user.id, role: 'editor' });
    return c.json({ members: repos.members.list(workspace.id) });
  });

  return app;
}
