import { Hono } from 'hono';
import { ChangeRoleBody, CreateWorkspaceBody } from '../../shared/api';
import { HttpError } from '../http/errors';
import { signedIn } from '../auth/middleware';
import { LastOwnerError } from '../workspaces/members';
import type { Role } from '../../shared/roles';
import type { ApiEnv, RouteContext } from './context';
import { notFound, workspaceFor } from './access';
import { readBody } from './validate';
import { MEMBERS_BY_ROLE, NEWEST_FIRST, pageQuery, paginate } from '../http/paginate';

/** Workspaces and their members. */
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
    const page = paginate(repos.workspaces.listForUser(user.id), NEWEST_FIRST, pageQuery(c));
    return c.json({ workspaces: page.items, nextCursor: page.nextCursor });
  });

  app.get('/api/workspaces/:wid', (c) => {
    const { user } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id);
    // The members are the long part of this answer: they are what `?limit=&cursor=` pages through.
    const page = paginate(repos.members.list(workspace.id), MEMBERS_BY_ROLE, pageQuery(c));
    return c.json({ workspace, members: page.items, nextCursor: page.nextCursor });
  });

  /** Changes a member's role, or removes them (role null), and tells their open sockets. */
  const changeMember = (workspaceId: string, actorId: string, userId: string, role: Role | null) => {
    const before = repos.members.role(workspaceId, userId);
    if (!before) throw notFound('member');
    try {
      repos.members.change(workspaceId, userId, role);
    } catch (err) {
      if (err instanceof LastOwnerError) {
        throw new HttpError(409, 'last_owner', 'A workspace needs at least one owner; make someone else owner first.');
      }
      throw err;
    }
    deps.log.info({ event: 'member.changed', workspaceId, userId, actorId, from: before, to: role }, 'membership changed');
    deps.onMembershipChange?.(workspaceId, userId, role);
    if (role === null) deps.onEvent?.({ type: 'member.removed', workspaceId, actorId, userId });
    else if (role !== before) deps.onEvent?.({ type: 'member.role_changed', workspaceId, actorId, userId, from: before, to: role });
  };

  app.patch('/api/workspaces/:wid/members/:uid', async (c) => {
    const { user } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id, 'owner');
    const { role } = await readBody(c, ChangeRoleBody);
    const userId = c.req.param('uid');
    changeMember(workspace.id, user.id, userId, role);
    const member = repos.members.list(workspace.id).find((m) => m.user.id === userId)!;
    return c.json({ member });
  });

  app.delete('/api/workspaces/:wid/members/:uid', (c) => {
    const { user } = signedIn(c);
    const userId = c.req.param('uid');
    // Anyone may leave a workspace; only owners may remove somebody else.
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id, userId === user.id ? 'viewer' : 'owner');
    changeMember(workspace.id, user.id, userId, null);
    return c.body(null, 204);
  });

  return app;
}
