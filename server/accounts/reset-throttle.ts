import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../http/errors';

const WINDOW_SECONDS = 3600;

/**
 * Password-reset requests per e-mail address (a mailbox is not flooded) and per client
 * address (nobody walks a list of addresses), per hour. Counted the same whether or not the
 * address has an account, so a 429 reveals nothing either.
 */
export class ResetThrottle {
  private readonly byEmail;
  private readonly byAddress;

  constructor(perEmail: number, perAddress: number) {
    this.byEmail = new RateLimiterMemory({ keyPrefix: 'reset_email', points: perEmail, duration: WINDOW_SECONDS });
    this.byAddress = new RateLimiterMemory({ keyPrefix: 'reset_addr', points: perAddress, duration: WINDOW_SECONDS });
  }

  async take(email: string, address: string): Promise<void> {
    try {
      await this.byAddress.consume(address);
      await this.byEmail.consume(email);
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      throw new AppError(429, 'too_many_attempts', 'Too many reset requests. Try again later.', undefined, {
        'Retry-After': String(Math.max(1, Math.ceil(res.msBeforeNext / 1000))),
      });
    }
  }
}
