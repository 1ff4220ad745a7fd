import { Hono } from 'hono';
import { CreateInviteBody } from '../../shared/api';
import type { Config } from '../config';
import { actorOf, type Emit } from '../events/emit';
import type { Access, AppEnv } from '../http/access';
import { AppError, notFound } from '../http/errors';
import { readBody } from '../http/validation';
import type { Logger } from '../log';
import { DEFAULT_INVITE_HOURS, type InviteRepository } from './invites';
import type { MemberRepository } from './members';
import type { WorkspaceRepository } from './workspaces';

export interface InviteRouteDeps {
  /** Read per request: the public origin is known only once the server listens. */
  config: Config;
  log: Logger;
  invites: InviteRepository;
  members: MemberRepository;
  workspaces: WorkspaceRepository;
  access: Access;
  emit: Emit;
}

/** Invite links: owners make them, anyone signed in who has one joins with its role. */
export function inviteRoutes({ config, log, invites, members, workspaces, access, emit }: InviteRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/api/workspaces/:wid/invites', access.requireWorkspace('owner'), async (c) => {
    const { user, workspace } = c.var;
    const body = await readBody(c, CreateInviteBody);
    const { token, expiresAt } = invites.create({
      workspaceId: workspace.id,
      role: body.role,
      createdBy: user.id,
      expiresInHours: body.expiresInHours ?? DEFAULT_INVITE_HOURS,
    });
    const invite = {
      token,
      url: `${config.publicOrigin}/invite/${token}`,
      role: body.role,
      expiresAt: new Date(expiresAt).toISOString(),
    };
    return c.json({ invite }, 201);
  });

  app.post('/api/invites/:token/accept', access.requireUser, (c) => {
    const { user } = c.var;
    const invite = invites.find(c.req.param('token'));
    if (!invite) throw notFound('invite');
    if (invite.expires_at <= Date.now()) {
      throw new AppError(410, 'invite_expired', 'This invite link has expired; ask for a new one.');
    }
    const { role, joined } = members.add(invite.workspace_id, user.id, invite.role);
    if (joined) {
      log.info({ event: 'member.joined', workspaceId: invite.workspace_id, userId: user.id, role }, 'member joined');
      emit({ type: 'member.joined', workspaceId: invite.workspace_id, actor: actorOf(user), subject: user.id, data: { role } });
    }
    const workspace = workspaces.findForMember(invite.workspace_id, user.id)!;
    return c.json({ workspace, role });
  });

  return app;
}
