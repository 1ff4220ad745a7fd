import { Hono, type Context } from 'hono';
import { clientAddress } from '../http/client-address';
import { LoginBody, RegisterBody } from '../../shared/api';
import type { Config } from '../config';
import type { Logger } from '../log';
import { AppError } from '../http/errors';
import { requireUser, type AppEnv } from '../http/access';
import { readBody } from '../http/validation';
import type { LoginLimiter } from './login-limiter';
import { clearSessionCookie, setSessionCookie } from './middleware';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import type { SessionRepository } from './sessions';
import { EmailTakenError, toUser, type UserRepository } from './users';
import { Throttle } from '../http/throttle';
import type { LimiterStore } from '../http/limiter-store';
import { ConcurrencyGate } from '../http/concurrency-gate';

export interface AuthRouteDeps {
  /** Read per request: the public origin is known only once the server listens. */
  config: Config;
  log: Logger;
  users: UserRepository;
  sessions: SessionRepository;
  limiter: LoginLimiter;
  /** Where the registration limits count (shared with the sign-in limits). */
  limits: LimiterStore;
  /** Logout: the token's open sockets and event streams end on every instance. */
  onSessionEnded?(tokenHash: string): void;
}


/** Register, sign in, sign out, and who am I. */
export function authRoutes({ config, log, users, sessions, limiter, limits, onSessionEnded }: AuthRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Each registration costs a scrypt hash and a row: one address may not make accounts in
  // bulk, and nobody may probe one e-mail address (409 says it exists) over and over.
  const registrations = new Throttle(
    'register',
    config.limits.registrationsPerAddress,
    3600,
    'Too many accounts were registered from this address. Try again later.',
    limits,
  );
  const registrationsPerEmail = new Throttle(
    'register_email',
    config.limits.registrationsPerAddress,
    3600,
    'Too many registrations for this e-mail address. Try again later.',
    limits,
  );
  // One registration hashes at a time (many addresses at once must not starve sign-ins of threads).
  const hashing = new ConcurrencyGate(1, 50, 'Many people are registering right now. Try again in a moment.');

  const startSession = async (c: Context, userId: string) => {
    const session = await sessions.create(userId);
    setSessionCookie(c, config.publicOrigin, session.token, session.expiresAt);
    return session.token;
  };

  app.post('/api/auth/register', async (c) => {
    const body = await readBody(c, RegisterBody);
    await registrations.take(clientAddress(c, config.trustProxy));
    await registrationsPerEmail.take(body.email);
    if (await users.findByEmail(body.email)) throw emailTaken();
    const passwordHash = await hashing.run(() => hashPassword(body.password));
    let user;
    try {
      user = await users.create({ email: body.email, passwordHash, name: body.name, organization: body.organization });
    } catch (err) {
      // Two registrations for one address at once: the database decides.
      if (err instanceof EmailTakenError) throw emailTaken();
      throw err;
    }
    log.info({ event: 'auth.registered', userId: user.id }, 'user registered');
    return c.json({ user: toUser(user), token: await startSession(c, user.id) }, 201);
  });

  app.post('/api/auth/login', async (c) => {
    const body = await readBody(c, LoginBody);
    const address = clientAddress(c, config.trustProxy);
    const wait = await limiter.retryAfter(body.email, address);
    if (wait > 0) {
      log.warn({ event: 'auth.login_throttled', address }, 'sign-in throttled');
      throw new AppError(429, 'too_many_attempts', 'Too many failed sign-ins. Try again later.', undefined, {
        'Retry-After': String(wait),
      });
    }
    const user = await users.findByEmail(body.email);
    const ok = await verifyPassword(body.password, user?.password_hash ?? (await dummyPasswordHash()));
    if (!user || !ok) {
      await limiter.recordFailure(body.email, address);
      log.info({ event: 'auth.login_failed', address }, 'sign-in failed');
      throw new AppError(401, 'invalid_credentials', 'E-mail address or password is wrong.');
    }
    await limiter.recordSuccess(body.email);
    return c.json({ user: toUser(user), token: await startSession(c, user.id) });
  });

  app.post('/api/auth/logout', requireUser, async (c) => {
    await sessions.revoke(c.var.session.tokenHash);
    onSessionEnded?.(c.var.session.tokenHash);
    clearSessionCookie(c, config.publicOrigin);
    return c.body(null, 204);
  });

  app.get('/api/me', requireUser, (c) => c.json({ user: toUser(c.var.user) }));

  return app;
}

function emailTaken(): AppError {
  return new AppError(409, 'email_taken', 'An account with this e-mail address exists already.', 'email');
}
