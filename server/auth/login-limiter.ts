import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract, type RateLimiterRes } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import type { Logger } from '../log';

export const LOGIN_WINDOW_SECONDS = 15 * 60;

export interface LoginLimiterOptions {
  redisUrl: string | undefined;
  log: Logger;
  failuresPerEmail: number;
  failuresPerAddress: number;
}

export interface LoginLimiter {
  /** Seconds to wait before trying again, or 0 when a sign-in attempt may go ahead. */
  retryAfter(email: string, address: string): Promise<number>;
  recordFailure(email: string, address: string): Promise<void>;
  /** A correct password clears the e-mail's count (not the address's: a shared NAT stays counted). */
  recordSuccess(email: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Failed sign-ins are counted per e-mail address (guessing one person's password) and per
 * client address (trying many accounts). Past the limit, sign-in answers 429 until the
 * window ends, even with the right password. In-process by default; with Redis every
 * instance shares the counts, and an in-process limiter stands in while Redis is away.
 */
export function createLoginLimiter(opts: LoginLimiterOptions): LoginLimiter {
  const perEmail = { points: opts.failuresPerEmail, duration: LOGIN_WINDOW_SECONDS };
  const perAddress = { points: opts.failuresPerAddress, duration: LOGIN_WINDOW_SECONDS };
  const memory = (prefix: string, limits: { points: number; duration: number }) =>
    new RateLimiterMemory({ keyPrefix: prefix, ...limits });

  if (!opts.redisUrl) {
    return limiterOver(memory('login_email', perEmail), memory('login_addr', perAddress), async () => {});
  }

  // Without the offline queue a command fails at once while Redis is away, and the
  // in-process stand-in answers; with it, a sign-in would wait for Redis to come back.
  const client = createClient({ url: opts.redisUrl, name: 'stadskamer-login-limiter', disableOfflineQueue: true });
  client.on('error', (err: Error) => opts.log.warn({ event: 'login_limiter.redis_error', err: err.message }, 'redis error'));
  // Not awaited: sign-in must work while Redis is still connecting or away.
  client.connect().catch((err: Error) =>
    opts.log.warn({ event: 'login_limiter.redis_connect_failed', err: err.message }, 'redis not reachable'),
  );
  const redis = (prefix: string, limits: { points: number; duration: number }) =>
    new RateLimiterRedis({
      storeClient: client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      keyPrefix: `stadskamer:${prefix}`,
      ...limits,
      insuranceLimiter: memory(prefix, limits),
    });
  return limiterOver(redis('login_email', perEmail), redis('login_addr', perAddress), async () => {
    if (client.isOpen) client.destroy();
  });
}

function limiterOver(byEmail: RateLimiterAbstract, byAddress: RateLimiterAbstract, close: () => Promise<void>): LoginLimiter {
  // A window that has run out may linger until its cleanup timer fires: it blocks nothing.
  const waitSeconds = (res: RateLimiterRes | null, points: number) =>
    res && res.consumedPoints >= points && res.msBeforeNext > 0 ? Math.ceil(res.msBeforeNext / 1000) : 0;
  // consume() rejects with the RateLimiterRes once over the limit; that is expected here.
  const count = (limiter: RateLimiterAbstract, key: string) => limiter.consume(key).then(
    () => undefined,
    (res: unknown) => {
      if (res instanceof Error) throw res;
    },
  );
  return {
    async retryAfter(email, address) {
      const [e, a] = await Promise.all([byEmail.get(email), byAddress.get(address)]);
      return Math.max(waitSeconds(e, byEmail.points), waitSeconds(a, byAddress.points));
    },
    async recordFailure(email, address) {
      await Promise.all([count(byEmail, email), count(byAddress, address)]);
    },
    async recordSuccess(email) {
      await byEmail.delete(email);
    },
    close,
  };
}
