import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../http/errors';
import type { LimiterStore } from '../http/limiter-store';

/**
 * Join codes are short (32^6 ≈ 10^9), so guessing is bounded per client address: a few
 * wrong codes per window, then 429. A room of forty phones behind one venue NAT shares an
 * address, so right codes are counted separately and far more generously. The counts live
 * in the given store: Redis when instances share one, so N instances do not give N× the guesses.
 */
export interface JoinLimiterOptions {
  wrongCodesPerAddress: number;
  joinsPerAddress: number;
  windowSeconds: number;
}

export const JOIN_LIMITS: JoinLimiterOptions = { wrongCodesPerAddress: 10, joinsPerAddress: 200, windowSeconds: 10 * 60 };

export class JoinLimiter {
  private readonly wrong: RateLimiterAbstract;
  private readonly joins: RateLimiterAbstract;

  constructor(
    store: LimiterStore,
    private readonly opts: JoinLimiterOptions = JOIN_LIMITS,
  ) {
    this.wrong = store.limiter({ prefix: 'join_wrong', points: opts.wrongCodesPerAddress, duration: opts.windowSeconds });
    this.joins = store.limiter({ prefix: 'join_ok', points: opts.joinsPerAddress, duration: opts.windowSeconds });
  }

  /** 429 while the address has used up its wrong guesses (checked before the code is looked at). */
  async check(address: string): Promise<void> {
    const res = await this.wrong.get(address);
    if (res && res.consumedPoints >= this.opts.wrongCodesPerAddress && res.msBeforeNext > 0) throw tooMany(res.msBeforeNext);
  }

  /** Counts a wrong or expired code; over the limit is what `check` answers next time. */
  async wrongCode(address: string): Promise<void> {
    await this.wrong.consume(address).catch((res: unknown) => {
      if (res instanceof Error) throw res;
    });
  }

  /** Counts an account made by joining; 429 past the generous limit. */
  async joined(address: string): Promise<void> {
    try {
      await this.joins.consume(address);
    } catch (res) {
      if (res instanceof Error) throw res;
      throw tooMany((res as { msBeforeNext: number }).msBeforeNext);
    }
  }
}

function tooMany(ms: number): AppError {
  return new AppError(429, 'too_many_attempts', 'Too many join attempts from this address. Try again later.', undefined, {
    'Retry-After': String(Math.max(1, Math.ceil(ms / 1000))),
  });
}
