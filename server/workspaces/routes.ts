import { Hono } from 'hono';
import { CreateWorkspaceBody } from '../../shared/api';
import type { Access, AppEnv } from '../http/access';
import { readBody } from '../http/validation';
import type { Logger } from '../log';
import type { MemberRepository } from './members';
import type { WorkspaceRepository } from './workspaces';
import { MEMBERS_BY_ROLE, NEWEST_FIRST, pageQuery, paginate } from '../http/paginate';

export interface WorkspaceRouteDeps {
  log: Logger;
  workspaces: WorkspaceRepository;
  members: MemberRepository;
  access: Access;
}

/** Workspaces (their members and invites: server/members/). */
export function workspaceRoutes({ log, workspaces, members, access }: WorkspaceRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/api/workspaces', access.requireUser, async (c) => {
    const { user } = c.var;
    const body = await readBody(c, CreateWorkspaceBody);
    const workspace = await workspaces.create({ name: body.name, description: body.description ?? '', ownerId: user.id });
    log.info({ event: 'workspace.created', workspaceId: workspace.id, userId: user.id }, 'workspace created');
    return c.json({ workspace }, 201);
  });

  app.get('/api/workspaces', access.requireUser, async (c) => {
    const page = paginate(await workspaces.listForUser(c.var.user.id), NEWEST_FIRST, pageQuery(c));
    return c.json({ workspaces: page.items, nextCursor: page.nextCursor });
  });

  app.get('/api/workspaces/:wid', access.requireWorkspace(), async (c) => {
    const { workspace } = c.var;
    // The members are the long part of this answer: they are what `?limit=&cursor=` pages through.
    const page = paginate(await members.list(workspace.id), MEMBERS_BY_ROLE, pageQuery(c));
    return c.json({ workspace, members: page.items, nextCursor: page.nextCursor });
  });

  return app;
}
