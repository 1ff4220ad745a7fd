import type { LimiterStore } from '../http/limiter-store';
import { Throttle } from '../http/throttle';

const WINDOW_SECONDS = 3600;
const MESSAGE = 'Too many reset requests. Try again later.';

/**
 * Password-reset requests per e-mail address (a mailbox is not flooded) and per client
 * address (nobody walks a list of addresses), per hour, counted in the same store as the
 * sign-in limits (Redis when configured, so every instance shares the count). Counted the
 * same whether or not the address has an account, so a 429 reveals nothing either.
 */
export class ResetThrottle {
  private readonly byEmail;
  private readonly byAddress;

  constructor(perEmail: number, perAddress: number, store: LimiterStore) {
    this.byEmail = new Throttle('reset_email', perEmail, WINDOW_SECONDS, MESSAGE, store);
    this.byAddress = new Throttle('reset_addr', perAddress, WINDOW_SECONDS, MESSAGE, store);
  }

  async take(email: string, address: string): Promise<void> {
    await this.byAddress.take(address);
    await this.byEmail.take(email);
  }
}
