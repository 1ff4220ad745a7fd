import { AppError } from './errors';

/**
 * At most `width` callers run at once; up to `queue` more wait their turn; beyond that the
 * caller is told to come back (503). Keeps one kind of expensive work (registrations'
 * password hashing) from taking every libuv thread that sign-ins need too.
 */
export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly width: number,
    private readonly queue: number,
    private readonly busyMessage: string,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.width) {
      if (this.waiting.length >= this.queue) {
        throw new AppError(503, 'busy', this.busyMessage, undefined, { 'Retry-After': '2' });
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
