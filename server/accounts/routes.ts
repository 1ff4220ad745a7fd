import { Hono } from 'hono';
import { DeleteAccountBody, ResetConfirmBody, ResetRequestBody, UpdateProfileBody } from '../../shared/accounts';
import { HttpError } from '../http/errors';
import { clearSessionCookie, signedIn } from '../auth/middleware';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { toUser } from '../auth/users';
import type { ApiEnv, RouteContext } from '../api/context';
import { clientAddress } from '../api/auth-routes';
import { notFound } from '../api/access';
import { readBody } from '../api/validate';
import { passwordResetMail } from '../mail/templates';
import { AccountRepository, sessionId, SoleOwnerError } from './account-repository';
import { languageOf } from './language';
import { ResetThrottle } from './reset-throttle';

/**
 * A person's own account: "wachtwoord vergeten", profile and password, sessions on other
 * devices, deleting the account.
 */
export function accountRoutes({ deps, repos }: RouteContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const accounts = new AccountRepository(deps.db);
  const throttle = new ResetThrottle(deps.config.resetRequestsPerEmail, deps.config.resetRequestsPerAddress);
  const wrongPassword = (field: string) => new HttpError(403, 'wrong_password', 'That is not your current password.', field);

  // The same answer whether or not the address has an account; the mail goes out after it.
  app.post('/api/auth/password-reset', async (c) => {
    const { email } = await readBody(c, ResetRequestBody);
    await throttle.take(email, clientAddress(c, deps.config.trustProxy));
    const user = repos.users.findByEmail(email);
    if (user && !user.deleted_at) {
      const token = await accounts.createReset(user.id);
      const mail = passwordResetMail({ to: user.email, lang: languageOf(user), url: `${deps.config.publicOrigin}/reset/${token}` });
      void deps.mailer.send(mail).catch((err: Error) => deps.log.error({ event: 'reset.mail_failed', userId: user.id, err: err.message }, 'reset mail not sent'));
      deps.log.info({ event: 'auth.reset_requested', userId: user.id }, 'password reset requested');
    }
    return c.json({ status: 'sent' }, 202);
  });

  app.post('/api/auth/password-reset/confirm', async (c) => {
    const body = await readBody(c, ResetConfirmBody);
    const userId = await accounts.consumeReset(body.token);
    if (!userId) throw new HttpError(410, 'reset_invalid', 'This reset link is no longer valid; ask for a new one.');
    await accounts.changePassword(userId, await hashPassword(body.password), null);
    deps.log.info({ event: 'auth.password_reset', userId }, 'password reset; every session ended');
    return c.body(null, 204);
  });

  app.patch('/api/me', async (c) => {
    const auth = signedIn(c);
    const body = await readBody(c, UpdateProfileBody);
    if (body.newPassword !== undefined) {
      if (!(await verifyPassword(body.currentPassword ?? '', auth.user.password_hash))) throw wrongPassword('currentPassword');
      await accounts.changePassword(auth.user.id, await hashPassword(body.newPassword), auth.tokenHash);
      deps.log.info({ event: 'auth.password_changed', userId: auth.user.id }, 'password changed; other sessions ended');
    }
    await accounts.updateProfile(auth.user.id, body);
    return c.json({ user: toUser(repos.users.findById(auth.user.id)!) });
  });

  app.get('/api/me/sessions', async (c) => {
    const auth = signedIn(c);
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

  app.delete('/api/me/sessions/:id', async (c) => {
    const auth = signedIn(c);
    const ended = await accounts.endSession(auth.user.id, c.req.param('id'));
    if (!ended) throw notFound('session');
    if (ended === auth.tokenHash) clearSessionCookie(c, deps.config.publicOrigin);
    return c.body(null, 204);
  });

  app.delete('/api/me', async (c) => {
    const auth = signedIn(c);
    const { password } = await readBody(c, DeleteAccountBody);
    if (!(await verifyPassword(password, auth.user.password_hash))) throw wrongPassword('password');
    let workspaceIds: string[];
    try {
      workspaceIds = await accounts.deleteAccount(auth.user.id);
    } catch (err) {
      if (err instanceof SoleOwnerError) {
        throw new HttpError(409, 'last_owner', 'You are the only owner of a workspace others belong to; make someone else owner first.');
      }
      throw err;
    }
    for (const workspaceId of workspaceIds) {
      deps.onMembershipChange?.(workspaceId, auth.user.id, null);
      deps.onEvent?.({ type: 'member.left', workspaceId, actorId: auth.user.id, userId: auth.user.id });
    }
    clearSessionCookie(c, deps.config.publicOrigin);
    deps.log.info({ event: 'auth.account_deleted', userId: auth.user.id }, 'account deleted');
    return c.body(null, 204);
  });

  return app;
}
