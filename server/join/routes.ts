import { Hono, type Context } from 'hono';
import { clientAddress } from '../http/client-address';
import { setSessionCookie } from '../auth/middleware';
import { hashPassword } from '../auth/passwords';
import type { SessionRepository } from '../auth/sessions';
import { toUser, type UserRepository } from '../auth/users';
import { actorOf, type Emit } from '../events/emit';
import { requireUser, type Access, type AppEnv, type DocumentEnv } from '../http/access';
import { AppError, notFound } from '../http/errors';
import { readBody } from '../http/validation';
import type { Logger } from '../log';
import type { MemberRepository } from '../workspaces/members';
import {
  DEFAULT_SESSION_HOURS,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JoinBody,
  StartSessionBody,
  UpgradeGuestBody,
  normalizeJoinCode,
  type GuestStatus,
  type JoinAnswer,
  type JoinPreview,
  type JoinSession,
} from '../../shared/join';
import type { JoinLimiter } from './join-limiter';
import type { JoinRepository, JoinSessionRow } from './join-repository';

export interface JoinRouteDeps {
  users: Pick<UserRepository, 'findByEmail'>;
  sessions: Pick<SessionRepository, 'create'>;
  members: Pick<MemberRepository, 'add'>;
  joins: JoinRepository;
  limiter: JoinLimiter;
  access: Access;
  emit: Emit;
  /** Read per request: with PORT=0 the server learns its own origin only once it listens. */
  config: { publicOrigin: string; trustProxy: boolean };
  log: Logger;
}

const CODE_SHAPE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

function sessionJson(row: JoinSessionRow, origin: string): JoinSession {
  return {
    code: row.code,
    url: `${origin}/join/${row.code}`,
    documentId: row.document_id,
    requireEmail: row.require_email === 1,
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

/**
 * Sessie starten / beëindigen (owners of a board) and joining with a code (anyone).
 * Wrong and expired codes are answered alike in cost and counted per client address.
 */
export function joinRoutes(deps: JoinRouteDeps): Hono<AppEnv> {
  const { joins, limiter, access, emit, config } = deps;
  const app = new Hono<AppEnv>();

  const ownedBoard = (c: Context<DocumentEnv>) => {
    const { user, document } = c.var;
    if (document.kind !== 'board') throw new AppError(409, 'not_a_board', 'Only a board can have a workshop session.');
    return { user, document };
  };

  app.post('/api/documents/:did/join-session', access.requireDocument('owner'), async (c) => {
    const { user, document } = ownedBoard(c);
    const body = await readBody(c, StartSessionBody);
    const row = await joins.startOrGet({
      workspaceId: document.workspaceId,
      documentId: document.id,
      createdBy: user.id,
      hours: body.hours ?? DEFAULT_SESSION_HOURS,
      requireEmail: body.requireEmail ?? false,
    });
    deps.log.info({ event: 'join.session_started', documentId: document.id, userId: user.id }, 'workshop session started');
    return c.json({ session: sessionJson(row, config.publicOrigin) }, 201);
  });

  app.get('/api/documents/:did/join-session', access.requireDocument(), async (c) => {
    const row = await joins.active(c.var.document.id);
    return c.json({ session: row ? sessionJson(row, config.publicOrigin) : null });
  });

  app.delete('/api/documents/:did/join-session', access.requireDocument('owner'), async (c) => {
    const { document, user } = ownedBoard(c);
    await joins.endFor(document.id);
    deps.log.info({ event: 'join.session_ended', documentId: document.id, userId: user.id }, 'workshop session ended');
    return c.body(null, 204);
  });

  /** The running session behind a code, or 404 / 410, counting every miss against the address. */
  const sessionFor = async (c: Context<AppEnv>): Promise<JoinSessionRow> => {
    const address = clientAddress(c, config.trustProxy);
    await limiter.check(address);
    const code = normalizeJoinCode(c.req.param('code') ?? '');
    const row = CODE_SHAPE.test(code) ? await joins.findByCode(code) : undefined;
    if (!row) {
      await limiter.wrongCode(address);
      deps.log.info({ event: 'join.wrong_code', address }, 'wrong join code');
      throw notFound('join code');
    }
    if (row.ended_at !== null || row.expires_at <= Date.now()) {
      await limiter.wrongCode(address);
      throw new AppError(410, 'join_code_expired', 'This session has ended; ask the facilitator for a new code.');
    }
    return row;
  };

  app.get('/api/join/:code', async (c) => {
    const row = await sessionFor(c);
    const names = await joins.preview(row);
    if (!names) throw notFound('join code');
    const preview: JoinPreview = { ...names, requireEmail: row.require_email === 1 };
    return c.json(preview);
  });

  app.post('/api/join/:code', async (c) => {
    const row = await sessionFor(c);
    const body = await readBody(c, JoinBody);
    if (row.require_email === 1 && !body.email) {
      throw new AppError(422, 'invalid_field', 'email: this session asks for an e-mail address', 'email');
    }
    const auth = c.get('auth');
    // A full account (or a guest of this same workspace) joins as who they are; a full
    // member keeps a stronger role they already have.
    const guestOf = auth ? await joins.guest(auth.user.id) : undefined;
    if (auth && (!guestOf || guestOf.workspaceId === row.workspace_id)) {
      const { joined, role } = await deps.members.add(row.workspace_id, auth.user.id, 'participant');
      if (joined) emit({ type: 'member.joined', workspaceId: row.workspace_id, actor: actorOf(auth.user), subject: auth.user.id, data: { role } });
      const answer: JoinAnswer = { user: toUser(auth.user), token: null, documentId: row.document_id, guest: guestOf !== undefined };
      return c.json(answer);
    }
    await limiter.joined(clientAddress(c, config.trustProxy));
    const created = await joins.createGuest({ session: row, name: body.name, organization: body.organization, contactEmail: body.email ?? null });
    const userId = created.id;
    const session = await deps.sessions.create(userId);
    setSessionCookie(c, config.publicOrigin, session.token, session.expiresAt);
    emit({ type: 'member.joined', workspaceId: row.workspace_id, actor: actorOf(created), subject: userId, data: { role: 'participant' } });
    deps.log.info({ event: 'join.guest_joined', documentId: row.document_id, userId }, 'guest joined a workshop session');
    const answer: JoinAnswer = { user: toUser(created), token: session.token, documentId: row.document_id, guest: true };
    return c.json(answer, 201);
  });

  app.get('/api/me/guest', requireUser, async (c) => {
    const { user } = c.var;
    const status: GuestStatus = { guest: (await joins.guest(user.id)) ?? null };
    return c.json(status);
  });

  /** A guest keeps everything (cards, votes, membership) and gains an e-mail and password. */
  app.post('/api/me/guest/upgrade', requireUser, async (c) => {
    const { user } = c.var;
    if (!(await joins.guest(user.id))) throw new AppError(409, 'not_a_guest', 'This account is a full account already.');
    const body = await readBody(c, UpgradeGuestBody);
    const taken = () => new AppError(409, 'email_taken', 'An account with this e-mail address exists already.', 'email');
    if (await deps.users.findByEmail(body.email)) throw taken();
    if (!(await joins.upgrade(user.id, body.email, await hashPassword(body.password)))) throw taken();
    deps.log.info({ event: 'join.guest_upgraded', userId: user.id }, 'guest account upgraded');
    return c.json({ user: toUser({ ...user, email: body.email }) });
  });

  return app;
}
