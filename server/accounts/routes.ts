import { Hono } from 'hono';
import { DeleteAccountBody, ResetConfirmBody, ResetRequestBody, UpdateProfileBody } from '../../shared/accounts';
import type { Role } from '../../shared/roles';
import type { Config } from '../config';
import type { Db } from '../storage/sql/open-sql';
import type { Logger } from '../log';
import { AppError, notFound } from '../http/errors';
import type { Access, AppEnv } from '../http/access';
import { readBody } from '../http/validation';
import type { Emit } from '../events/emit';
import { clearSessionCookie } from '../auth/middleware';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { toUser, type UserRepository } from '../auth/users';
import { clientAddress } from '../http/client-address';
import type { Mailer } from '../mail/mailer';
import { passwordResetMail } from '../mail/templates';
import { AccountRepository, sessionId, SoleOwnerError } from './account-repository';
import { languageOf } from './language';
import { ResetThrottle } from './reset-throttle';
import type { LimiterStore } from '../http/limiter-store';

export interface AccountRouteDeps {
  config: Config;
  log: Logger;
  db: Db;
  users: UserRepository;
  mailer: Mailer;
  access: Access;
  emit: Emit;
  onMembershipChange?(workspaceId: string, userId: string, role: Role | null): void;
  /** Where the reset limits count (shared with the sign-in limits). */
  limits: LimiterStore;
}

/**
 * A person's own account: "wachtwoord vergeten", profile and password, sessions on other
 * devices, deleting the account.
 */
export function accountRoutes({ config, log, db, users, mailer, access, emit, onMembershipChange, limits }: AccountRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const accounts = new AccountRepository(db);
  const throttle = new ResetThrottle(config.resetRequestsPerEmail, config.resetRequestsPerAddress, limits);
  const wrongPassword = (field: string) => new AppError(403, 'wrong_password', 'That is not your current password.', field);

  // The same answer whether or not the address has an account; the mail goes out after it.
  app.post('/api/auth/password-reset', async (c) => {
    const { email } = await readBody(c, ResetRequestBody);
    await throttle.take(email, clientAddress(c, config.trustProxy));
    const user = await users.findByEmail(email);
    if (user && !user.deleted_at) {
      const token = await accounts.createReset(user.id);
      const mail = passwordResetMail({ to: user.email, lang: languageOf(user), url: `${config.publicOrigin}/reset/${token}` });
      void mailer.send(mail).catch((err: Error) => log.error({ event: 'reset.mail_failed', userId: user.id, err: err.message }, 'reset mail not sent'));
      log.info({ event: 'auth.reset_requested', userId: user.id }, 'password reset requested');
    }
    return c.json({ status: 'sent' }, 202);
  });

  app.post('/api/auth/password-reset/confirm', async (c) => {
    const body = await readBody(c, ResetConfirmBody);
    const userId = await accounts.consumeReset(body.token);
    if (!userId) throw new AppError(410, 'reset_invalid', 'This reset link is no longer valid; ask for a new one.');
    await accounts.changePassword(userId, await hashPassword(body.password), null);
    log.info({ event: 'auth.password_reset', userId }, 'password reset; every session ended');
    return c.body(null, 204);
  });

  app.patch('/api/me', access.requireUser, async (c) => {
    const auth = c.var.session;
    const body = await readBody(c, UpdateProfileBody);
    if (body.newPassword !== undefined) {
      if (!(await verifyPassword(body.currentPassword ?? '', auth.user.password_hash))) throw wrongPassword('currentPassword');
      await accounts.changePassword(auth.user.id, await hashPassword(body.newPassword), auth.tokenHash);
      log.info({ event: 'auth.password_changed', userId: auth.user.id }, 'password changed; other sessions ended');
    }
    await accounts.updateProfile(auth.user.id, body);
    return c.json({ user: toUser((await users.findById(auth.user.id))!) });
  });

  app.get('/api/me/sessions', access.requireUser, async (c) => {
    const auth = c.var.session;
    const agent = c.req.header('user-agent');
    if (agent) await accounts.tagSession(auth.tokenHash, agent);
    const current = sessionId(auth.tokenHash);
    const sessions = (await accounts.sessions(auth.user.id)).map((s) => ({
      id: s.id,
      createdAt: s.createdAt,
      expiresAt: new Date(s.expiresAt).toISOString(),
      userAgent: s.userAgent ?? (s.id === current ? agent ?? null : null),
      current: s.id === current,
    }));
    return c.json({ sessions });
  });

  app.delete('/api/me/sessions/:id', access.requireUser, async (c) => {
    const auth = c.var.session;
    const ended = await accounts.endSession(auth.user.id, c.req.param('id'));
    if (!ended) throw notFound('session');
    if (ended === auth.tokenHash) clearSessionCookie(c, config.publicOrigin);
    return c.body(null, 204);
  });

  app.delete('/api/me', access.requireUser, async (c) => {
    const auth = c.var.session;
    const { password } = await readBody(c, DeleteAccountBody);
    if (!(await verifyPassword(password, auth.user.password_hash))) throw wrongPassword('password');
    let workspaceIds: string[];
    try {
      workspaceIds = await accounts.deleteAccount(auth.user.id);
    } catch (err) {
      if (err instanceof SoleOwnerError) {
        throw new AppError(409, 'last_owner', 'You are the only owner of a workspace others belong to; make someone else owner first.');
      }
      throw err;
    }
    for (const workspaceId of workspaceIds) {
      onMembershipChange?.(workspaceId, auth.user.id, null);
      // The account no longer carries a name: neither does the event.
      emit({ type: 'member.left', workspaceId, actor: { id: auth.user.id, name: 'voormalig lid', organization: '' }, subject: auth.user.id });
    }
    clearSessionCookie(c, config.publicOrigin);
    log.info({ event: 'auth.account_deleted', userId: auth.user.id }, 'account deleted');
    return c.body(null, 204);
  });

  return app;
}
