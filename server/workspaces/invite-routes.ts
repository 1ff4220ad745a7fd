import { Hono } from 'hono';
import { CreateInviteBody } from '../../shared/api';
import { HttpError } from '../http/errors';
import { signedIn } from '../auth/middleware';
import { DEFAULT_INVITE_HOURS } from './invites';
import type { ApiEnv, RouteContext } from '../api-context';
import { notFound, workspaceFor } from '../http/access';
import { readBody } from '../http/validation';

/** Invite links: owners make them, anyone signed in who has one joins with its role. */
export function inviteRoutes({ deps, repos }: RouteContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post('/api/workspaces/:wid/invites', async (c) => {
    const { user } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id, 'owner');
    const body = await readBody(c, CreateInviteBody);
    const { token, expiresAt } = repos.invites.create({
      workspaceId: workspace.id,
      role: body.role,
      createdBy: user.id,
      expiresInHours: body.expiresInHours ?? DEFAULT_INVITE_HOURS,
    });
    const invite = {
      token,
      url: `${deps.config.publicOrigin}/invite/${token}`,
      role: body.role,
      expiresAt: new Date(expiresAt).toISOString(),
    };
    return c.json({ invite }, 201);
  });

  app.post('/api/invites/:token/accept', (c) => {
    const { user } = signedIn(c);
    const invite = repos.invites.find(c.req.param('token'));
    if (!invite) throw notFound('invite');
    if (invite.expires_at <= Date.now()) {
      throw new HttpError(410, 'invite_expired', 'This invite link has expired; ask for a new one.');
    }
    const { role, joined } = repos.members.add(invite.workspace_id, user.id, invite.role);
    if (joined) {
      deps.log.info({ event: 'member.joined', workspaceId: invite.workspace_id, userId: user.id, role }, 'member joined');
      deps.onEvent?.({ type: 'member.joined', workspaceId: invite.workspace_id, actorId: user.id, userId: user.id, role });
    }
    const workspace = repos.workspaces.findForMember(invite.workspace_id, user.id)!;
    return c.json({ workspace, role });
  });

  return app;
}
