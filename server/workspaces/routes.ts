import { Hono, type Context } from 'hono';
import { ChangeRoleBody, CreateWorkspaceBody } from '../../shared/api';
import type { Role } from '../../shared/roles';
import type { UserRow } from '../auth/users';
import { actorOf, type Emit } from '../events/emit';
import type { Access, AppEnv } from '../http/access';
import { AppError, notFound } from '../http/errors';
import { readBody } from '../http/validation';
import type { Logger } from '../log';
import { LastOwnerError, type MemberRepository } from './members';
import type { WorkspaceRepository } from './workspaces';
import { MEMBERS_BY_ROLE, NEWEST_FIRST, pageQuery, paginate } from '../http/paginate';

export interface WorkspaceRouteDeps {
  log: Logger;
  workspaces: WorkspaceRepository;
  members: MemberRepository;
  access: Access;
  emit: Emit;
  /** A member's role changed (null: removed); open sockets must follow at once. */
  onMembershipChange?(workspaceId: string, userId: string, role: Role | null): void;
}

/** Workspaces and their members. */
export function workspaceRoutes({ log, workspaces, members, access, emit, onMembershipChange }: WorkspaceRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/api/workspaces', access.requireUser, async (c) => {
    const { user } = c.var;
    const body = await readBody(c, CreateWorkspaceBody);
    const workspace = workspaces.create({ name: body.name, description: body.description ?? '', ownerId: user.id });
    log.info({ event: 'workspace.created', workspaceId: workspace.id, userId: user.id }, 'workspace created');
    return c.json({ workspace }, 201);
  });

  app.get('/api/workspaces', access.requireUser, (c) => {
    const page = paginate(workspaces.listForUser(c.var.user.id), NEWEST_FIRST, pageQuery(c));
    return c.json({ workspaces: page.items, nextCursor: page.nextCursor });
  });

  app.get('/api/workspaces/:wid', access.requireWorkspace(), (c) => {
    const { workspace } = c.var;
    // The members are the long part of this answer: they are what `?limit=&cursor=` pages through.
    const page = paginate(members.list(workspace.id), MEMBERS_BY_ROLE, pageQuery(c));
    return c.json({ workspace, members: page.items, nextCursor: page.nextCursor });
  });

  /** Changes a member's role, or removes them (role null), and tells their open sockets. */
  const changeMember = (workspaceId: string, actor: UserRow, userId: string, role: Role | null) => {
    const before = members.role(workspaceId, userId);
    if (!before) throw notFound('member');
    try {
      members.change(workspaceId, userId, role);
    } catch (err) {
      if (err instanceof LastOwnerError) {
        throw new AppError(409, 'last_owner', 'A workspace needs at least one owner; make someone else owner first.');
      }
      throw err;
    }
    log.info({ event: 'member.changed', workspaceId, userId, actorId: actor.id, from: before, to: role }, 'membership changed');
    onMembershipChange?.(workspaceId, userId, role);
    const base = { workspaceId, actor: actorOf(actor), subject: userId };
    if (role === null) emit({ ...base, type: 'member.removed' });
    else if (role !== before) emit({ ...base, type: 'member.role_changed', data: { from: before, to: role } });
  };

  app.patch('/api/workspaces/:wid/members/:uid', access.requireWorkspace('owner'), async (c) => {
    const { user, workspace } = c.var;
    const { role } = await readBody(c, ChangeRoleBody);
    const userId = c.req.param('uid');
    changeMember(workspace.id, user, userId, role);
    const member = members.list(workspace.id).find((m) => m.user.id === userId)!;
    return c.json({ member });
  });

  // Anyone may leave a workspace; only owners may remove somebody else.
  const removerRole = (c: Context, user: UserRow): Role => (c.req.param('uid') === user.id ? 'viewer' : 'owner');
  app.delete('/api/workspaces/:wid/members/:uid', access.requireWorkspace(removerRole), (c) => {
    changeMember(c.var.workspace.id, c.var.user, c.req.param('uid'), null);
    return c.body(null, 204);
  });

  return app;
}
