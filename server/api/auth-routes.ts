import { Hono, type Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { LoginBody, RegisterBody } from '../../shared/api';
import { HttpError } from '../http/errors';
import { clearSessionCookie, setSessionCookie, signedIn } from '../auth/middleware';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords';
import { EmailTakenError, toUser } from '../auth/users';
import type { ApiEnv, RouteContext } from './context';
import { readBody } from './validate';

/**
 * The address failed sign-ins are counted against. Behind a trusted proxy it is the last
 * X-Forwarded-For entry, the one the proxy itself added (earlier ones the client can forge).
 */
function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',').pop()?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Register, sign in, sign out, and who am I. */
export function authRoutes({ deps, repos, limiter }: RouteContext): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  const startSession = (c: Context, userId: string) => {
    const session = repos.sessions.create(userId);
    setSessionCookie(c, deps.config.publicOrigin, session.token, session.expiresAt);
    return session.token;
  };

  app.post('/api/auth/register', async (c) => {
    const body = await readBody(c, RegisterBody);
    if (repos.users.findByEmail(body.email)) throw emailTaken();
    const passwordHash = await hashPassword(body.password);
    let user;
    try {
      user = repos.users.create({ email: body.email, passwordHash, name: body.name, organization: body.organization });
    } catch (err) {
      // Two registrations for one address at once: the database decides.
      if (err instanceof EmailTakenError) throw emailTaken();
      throw err;
    }
    deps.log.info({ event: 'auth.registered', userId: user.id }, 'user registered');
    return c.json({ user: toUser(user), token: startSession(c, user.id) }, 201);
  });

  app.post('/api/auth/login', async (c) => {
    const body = await readBody(c, LoginBody);
    const address = clientAddress(c, deps.config.trustProxy);
    const wait = await limiter.retryAfter(body.email, address);
    if (wait > 0) {
      deps.log.warn({ event: 'auth.login_throttled', address }, 'sign-in throttled');
      throw new HttpError(429, 'too_many_attempts', 'Too many failed sign-ins. Try again later.', undefined, {
        'Retry-After': String(wait),
      });
    }
    const user = repos.users.findByEmail(body.email);
    const ok = await verifyPassword(body.password, user?.password_hash ?? (await dummyPasswordHash()));
    if (!user || !ok) {
      await limiter.recordFailure(body.email, address);
      deps.log.info({ event: 'auth.login_failed', address }, 'sign-in failed');
      throw new HttpError(401, 'invalid_credentials', 'E-mail address or password is wrong.');
    }
    await limiter.recordSuccess(body.email);
    return c.json({ user: toUser(user), token: startSession(c, user.id) });
  });

  app.post('/api/auth/logout', (c) => {
    const auth = signedIn(c);
    repos.sessions.revoke(auth.tokenHash);
    deps.onSessionEnded?.(auth.tokenHash);
    clearSessionCookie(c, deps.config.publicOrigin);
    return c.body(null, 204);
  });

  app.get('/api/me', (c) => c.json({ user: toUser(signedIn(c).user) }));

  return app;
}

function emailTaken(): HttpError {
  return new HttpError(409, 'email_taken', 'An account with this e-mail address exists already.', 'email');
}
