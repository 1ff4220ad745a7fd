import { Hono } from 'hono';
import { CreateInviteBody } from '../../shared/api';
import { PageQuery, type OpenInvite } from '../../shared/members';
import { hasRole } from '../../shared/roles';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { UserRepository } from '../auth/users';
import { actorOf, type Emit } from '../events/emit';
import type { Access, AppEnv } from '../http/access';
import { AppError, notFound } from '../http/errors';
import { readBody, readQuery } from '../http/validation';
import type { Mailer } from '../mail/mailer';
import { inviteMail } from '../mail/templates';
import type { WorkspaceRepository } from '../workspaces/workspaces';
import type { MemberRepository } from '../workspaces/members';
import { languageOf } from '../accounts/language';
import { DEFAULT_INVITE_HOURS, type InviteRepository, type LinkedInviteRow, type OpenInviteRow, type Redemption } from './invite-repository';

export interface InviteRouteDeps {
  /** Read per request: the public origin is known only once the server listens. */
  config: Config;
  log: Logger;
  invites: InviteRepository;
  members: MemberRepository;
  workspaces: WorkspaceRepository;
  users: UserRepository;
  mailer: Mailer;
  access: Access;
  emit: Emit;
}

const GONE: Record<Exclude<Redemption['outcome'], 'joined' | 'already_member'>, [string, string]> = {
  revoked: ['invite_revoked', 'This invite link was withdrawn; ask for a new one.'],
  expired: ['invite_expired', 'This invite link has expired; ask for a new one.'],
  used_up: ['invite_used', 'This invite link has been used already; ask for a new one.'],
  used_before: ['invite_used', 'You used this invite link before; ask an owner to invite you again.'],
};

function gone(outcome: keyof typeof GONE): AppError {
  const [code, message] = GONE[outcome];
  return new AppError(410, code, message);
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
export function inviteRoutes({ config, log, invites, members, workspaces, users, mailer, access, emit }: InviteRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/api/workspaces/:wid/invites', access.requireWorkspace('owner'), async (c) => {
    const { user, workspace } = c.var;
    const body = await readBody(c, CreateInviteBody);
    const email = body.email ?? null;
    // A mailed link is meant for one person: it admits one.
    const singleUse = body.singleUse ?? email !== null;
    const created = await invites.create({
      workspaceId: workspace.id,
      role: body.role,
      createdBy: user.id,
      expiresInHours: body.expiresInHours ?? DEFAULT_INVITE_HOURS,
      maxUses: singleUse ? 1 : null,
      email,
    });
    const url = `${config.publicOrigin}/invite/${created.token}`;
    let mailed: boolean | undefined;
    if (email) {
      const known = await users.findByEmail(email);
      const mail = inviteMail({
        to: email,
        lang: languageOf(known ?? user),
        inviter: user.name,
        workspace: workspace.name,
        role: body.role,
        url,
        expiresAt: created.expiresAt,
      });
      mailed = await mailer.send(mail).then(
        () => true,
        (err: Error) => {
          log.error({ event: 'invite.mail_failed', workspaceId: workspace.id, err: err.message }, 'invite mail not sent');
          return false;
        },
      );
    }
    log.info({ event: 'invite.created', workspaceId: workspace.id, inviteId: created.id, role: body.role, singleUse, byMail: !!email }, 'invite created');
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

  app.get('/api/workspaces/:wid/invites', access.requireWorkspace('owner'), async (c) => {
    const { workspace } = c.var;
    const page = readQuery(c, PageQuery);
    const rows = await invites.listOpen(workspace.id, { limit: page.limit + 1, cursor: page.cursor });
    const more = rows.length > page.limit;
    const shown = rows.slice(0, page.limit);
    return c.json({ invites: shown.map(openInvite), nextCursor: more ? String(shown.at(-1)!.seq) : null });
  });

  app.delete('/api/invites/:id', access.requireUser, async (c) => {
    const { user } = c.var;
    const invite = await invites.findById(c.req.param('id'));
    // Outsiders get the same 404 as for an unknown id; members who are not owners a 403.
    const workspace = invite && (await workspaces.findForMember(invite.workspace_id, user.id));
    if (!invite || !workspace) throw notFound('invite');
    if (!hasRole(workspace.role, 'owner')) throw new AppError(403, 'forbidden', 'Only owners may withdraw invites.');
    if (await invites.revoke(invite.id)) {
      log.info({ event: 'invite.revoked', workspaceId: invite.workspace_id, inviteId: invite.id }, 'invite revoked');
      emit({ type: 'invite.revoked', workspaceId: invite.workspace_id, actor: actorOf(user), subject: invite.id });
    }
    return c.body(null, 204);
  });

  const usable = async (token: string, userId: string): Promise<LinkedInviteRow> => {
    const invite = await invites.findByToken(token);
    if (!invite) throw notFound('invite');
    const refused = await invites.refusal(invite, userId);
    if (refused) throw gone(refused);
    return invite;
  };

  app.get('/api/invites/:token', access.requireUser, async (c) => {
    const { user } = c.var;
    const invite = await usable(c.req.param('token'), user.id);
    return c.json({
      invite: {
        workspace: { id: invite.workspace_id, name: invite.workspace_name },
        role: invite.role,
        invitedBy: { name: invite.creator_name, organization: invite.creator_organization },
        expiresAt: new Date(invite.expires_at).toISOString(),
        currentRole: (await members.role(invite.workspace_id, user.id)) ?? null,
      },
    });
  });

  app.post('/api/invites/:token/accept', access.requireUser, async (c) => {
    const { user } = c.var;
    const invite = await usable(c.req.param('token'), user.id);
    const result = await invites.redeem(invite.id, user.id);
    if (result.outcome !== 'joined' && result.outcome !== 'already_member') throw gone(result.outcome);
    if (result.outcome === 'joined') {
      log.info({ event: 'member.joined', workspaceId: invite.workspace_id, userId: user.id, role: result.role, inviteId: invite.id }, 'member joined');
      emit({ type: 'member.joined', workspaceId: invite.workspace_id, actor: actorOf(user), subject: user.id, data: { role: result.role } });
    }
    const workspace = (await workspaces.findForMember(invite.workspace_id, user.id))!;
    return c.json({ workspace, role: result.role });
  });

  return app;
}
