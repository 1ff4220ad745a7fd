import { Hono, type Context } from 'hono';
import { ChangeRoleBody } from '../../shared/api';
import { TransferOwnershipBody } from '../../shared/members';
import type { Role } from '../../shared/roles';
import type { UserRow } from '../auth/users';
import type { Access, AppEnv } from '../http/access';
import { AppError, notFound } from '../http/errors';
import { readBody } from '../http/validation';
import { changeMember, type MembershipChangeDeps } from './membership-changes';

export interface MemberRouteDeps extends MembershipChangeDeps {
  access: Access;
}

/** Members: owners change roles, remove people and hand over ownership; anyone may leave. */
export function memberRoutes(deps: MemberRouteDeps): Hono<AppEnv> {
  const { access, members } = deps;
  const app = new Hono<AppEnv>();

  app.patch('/api/workspaces/:wid/members/:uid', access.requireWorkspace('owner'), async (c) => {
    const { user, workspace } = c.var;
    const { role } = await readBody(c, ChangeRoleBody);
    const userId = c.req.param('uid');
    await changeMember(deps, { workspaceId: workspace.id, actor: user, userId, role });
    const member = (await members.list(workspace.id)).find((m) => m.user.id === userId)!;
    return c.json({ member });
  });

  // Anyone may remove themself (leave); only owners may remove somebody else.
  const removerRole = (c: Context, user: UserRow): Role => (c.req.param('uid') === user.id ? 'viewer' : 'owner');
  app.delete('/api/workspaces/:wid/members/:uid', access.requireWorkspace(removerRole), async (c) => {
    const { user, workspace } = c.var;
    const userId = c.req.param('uid');
    await changeMember(deps, { workspaceId: workspace.id, actor: user, userId, role: null, left: userId === user.id });
    return c.body(null, 204);
  });

  app.post('/api/workspaces/:wid/leave', access.requireWorkspace(), async (c) => {
    const { user, workspace } = c.var;
    await changeMember(deps, { workspaceId: workspace.id, actor: user, userId: user.id, role: null, left: true });
    return c.body(null, 204);
  });

  /** The target becomes owner first, then the caller steps down to editor: never a moment without an owner. */
  app.post('/api/workspaces/:wid/transfer-ownership', access.requireWorkspace('owner'), async (c) => {
    const { user, workspace } = c.var;
    const { userId } = await readBody(c, TransferOwnershipBody);
    if (userId === user.id) throw new AppError(422, 'invalid_field', 'userId: you are the owner already', 'userId');
    if (!(await members.role(workspace.id, userId))) throw notFound('member');
    await changeMember(deps, { workspaceId: workspace.id, actor: user, userId, role: 'owner' });
    await changeMember(deps, { workspaceId: workspace.id, actor: user, userId: user.id, role: 'editor' });
    return c.json({ members: await members.list(workspace.id) });
  });

  return app;
}
