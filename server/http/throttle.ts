import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LimiterStore } from './limiter-store';
import { AppError } from './errors';

/**
 * A fixed-window allowance per key (a client address, a user id), in process memory with
 * rate-limiter-flexible as the sign-in limiter uses it. Over the allowance `take` throws 429
 * with Retry-After. Behind several instances each counts on its own, unless a shared
 * `LimiterStore` (Redis) is given: then the count is one for all of them.
 */
export class Throttle {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    private readonly name: string,
    points: number,
    durationSeconds: number,
    private readonly message: string,
    store?: LimiterStore,
  ) {
    this.limiter = store
      ? store.limiter({ prefix: name, points, duration: durationSeconds })
      : new RateLimiterMemory({ keyPrefix: name, points, duration: durationSeconds });
  }

  async take(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      throw new AppError(429, 'too_many_requests', this.message, undefined, {
        'Retry-After': String(Math.max(1, Math.ceil(res.msBeforeNext / 1000))),
      });
    }
  }
}
