import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { createLimiterStore } from '../http/limiter-store';
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
  const store = createLimiterStore({ redisUrl: opts.redisUrl, log: opts.log, clientName: 'stadskamer-login-limiter' });
  const perEmail = store.limiter({ prefix: 'login_email', points: opts.failuresPerEmail, duration: LOGIN_WINDOW_SECONDS });
  const perAddress = store.limiter({ prefix: 'login_addr', points: opts.failuresPerAddress, duration: LOGIN_WINDOW_SECONDS });
  return limiterOver(perEmail, perAddress, () => store.close());
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
