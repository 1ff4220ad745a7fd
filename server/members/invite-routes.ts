import { Hono } from 'hono';
import { CreateInviteBody } from '../../shared/api';
import { PageQuery, type OpenInvite } from '../../shared/members';
import { HttpError } from '../http/errors';
import { signedIn } from '../auth/middleware';
import type { ApiEnv, RouteContext } from '../api/context';
import { notFound, workspaceFor } from '../api/access';
import { readBody, readQuery } from '../api/validate';
import { inviteMail } from '../mail/templates';
import { languageOf } from '../accounts/language';
import { DEFAULT_INVITE_HOURS, type LinkedInviteRow, type OpenInviteRow, type Redemption } from './invite-repository';

const GONE: Record<Exclude<Redemption['outcome'], 'joined' | 'already_member'>, [string, string]> = {
  revoked: ['invite_revoked', 'This invite link was withdrawn; ask for a new one.'],
  expired: ['invite_expired', 'This invite link has expired; ask for a new one.'],
  used_up: ['invite_used', 'This invite link has been used already; ask for a new one.'],
  used_before: ['invite_used', 'You used this invite link before; ask an owner to invite you again.'],
};

function gone(outcome: keyof typeof GONE): HttpError {
  const [code, message] = GONE[outcome];
  return new HttpError(410, code, message);
}

function openInvite(row: OpenInviteRow): OpenInvite {
  return {
    id: row.id,
    role: row.role,
    email: row.email,
    createdAt: row.created_at,
    expiresAt: new Date(row.expires_at).toISOString(),
    uses: row.uses,
    maxUses: row.max_uses,
    createdBy: { id: row.created_by, name: row.creator_name },
  };
}

/**
 * Invite links: owners make them (optionally single-use, optionally mailed), list the open
 * ones and withdraw them; anyone signed in who has a link sees where it leads and joins.
 */
export function inviteRoutes({ deps, repos }: RouteContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.post('/api/workspaces/:wid/invites', async (c) => {
    const { user } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id, 'owner');
    const body = await readBody(c, CreateInviteBody);
    const email = body.email ?? null;
    // A mailed link is meant for one person: it admits one.
    const singleUse = body.singleUse ?? email !== null;
    const created = await repos.invites.create({
      workspaceId: workspace.id,
      role: body.role,
      createdBy: user.id,
      expiresInHours: body.expiresInHours ?? DEFAULT_INVITE_HOURS,
      maxUses: singleUse ? 1 : null,
      email,
    });
    const url = `${deps.config.publicOrigin}/invite/${created.token}`;
    let mailed: boolean | undefined;
    if (email) {
      const known = repos.users.findByEmail(email);
      const mail = inviteMail({
        to: email,
        lang: languageOf(known ?? user),
        inviter: user.name,
        workspace: workspace.name,
        role: body.role,
        url,
        expiresAt: created.expiresAt,
      });
      mailed = await deps.mailer.send(mail).then(
        () => true,
        (err: Error) => {
          deps.log.error({ event: 'invite.mail_failed', workspaceId: workspace.id, err: err.message }, 'invite mail not sent');
          return false;
        },
      );
    }
    deps.log.info({ event: 'invite.created', workspaceId: workspace.id, inviteId: created.id, role: body.role, singleUse, byMail: !!email }, 'invite created');
    const invite = {
      id: created.id,
      token: created.token,
      url,
      role: body.role,
      expiresAt: new Date(created.expiresAt).toISOString(),
      singleUse,
      email,
      ...(mailed === undefined ? {} : { mailed }),
    };
    return c.json({ invite }, 201);
  });

  app.get('/api/workspaces/:wid/invites', async (c) => {
    const { user } = signedIn(c);
    const workspace = workspaceFor(repos, c.req.param('wid'), user.id, 'owner');
    const page = readQuery(c, PageQuery);
    const rows = await repos.invites.listOpen(workspace.id, { limit: page.limit + 1, cursor: page.cursor });
    const more = rows.length > page.limit;
    const shown = rows.slice(0, page.limit);
    return c.json({ invites: shown.map(openInvite), nextCursor: more ? String(shown.at(-1)!.seq) : null });
  });

  app.delete('/api/invites/:id', async (c) => {
    const { user } = signedIn(c);
    const invite = await repos.invites.findById(c.req.param('id'));
    if (!invite) throw notFound('invite');
    // Outsiders get the same 404 as for an unknown id; members who are not owners a 403.
    try {
      workspaceFor(repos, invite.workspace_id, user.id, 'owner');
    } catch (err) {
      if (err instanceof HttpError && err.status === 404) throw notFound('invite');
      throw err;
    }
    if (await repos.invites.revoke(invite.id)) {
      deps.log.info({ event: 'invite.revoked', workspaceId: invite.workspace_id, inviteId: invite.id }, 'invite revoked');
      deps.onEvent?.({ type: 'invite.revoked', workspaceId: invite.workspace_id, actorId: user.id, inviteId: invite.id });
    }
    return c.body(null, 204);
  });

  const usable = async (token: string, userId: string): Promise<LinkedInviteRow> => {
    const invite = await repos.invites.findByToken(token);
    if (!invite) throw notFound('invite');
    const refused = repos.invites.refusal(invite, userId);
    if (refused) throw gone(refused);
    return invite;
  };

  app.get('/api/invites/:token', async (c) => {
    const { user } = signedIn(c);
    const invite = await usable(c.req.param('token'), user.id);
    return c.json({
      invite: {
        workspace: { id: invite.workspace_id, name: invite.workspace_name },
        role: invite.role,
        invitedBy: { name: invite.creator_name, organization: invite.creator_organization },
        expiresAt: new Date(invite.expires_at).toISOString(),
        currentRole: repos.members.role(invite.workspace_id, user.id) ?? null,
      },
    });
  });

  app.post('/api/invites/:token/accept', async (c) => {
    const { user } = signedIn(c);
    const invite = await usable(c.req.param('token'), user.id);
    const result = await repos.invites.redeem(invite.id, user.id);
    if (result.outcome !== 'joined' && result.outcome !== 'already_member') throw gone(result.outcome);
    if (result.outcome === 'joined') {
      deps.log.info({ event: 'member.joined', workspaceId: invite.workspace_id, userId: user.id, role: result.role, inviteId: invite.id }, 'member joined');
      deps.onEvent?.({ type: 'member.joined', workspaceId: invite.workspace_id, actorId: user.id, userId: user.id, role: result.role });
    }
    const workspace = repos.workspaces.findForMember(invite.workspace_id, user.id)!;
    return c.json({ workspace, role: result.role });
  });

  return app;
}
