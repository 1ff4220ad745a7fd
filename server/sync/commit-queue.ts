/**
 * Commits one document's updates in the order they arrived, one batch at a time: while a
 * commit is on its way, later updates wait and then go together in one statement, so a
 * busy document costs one round trip per batch, not one per keystroke. `onCommitted` sees
 * each batch only after the store confirmed it — that is when the room may broadcast.
 * A store that commits synchronously (SQLite) is called back in the same tick.
 * A commit that fails asynchronously (a database restarting) is retried, with what arrived
 * meanwhile, for up to `retryForMs`: edits wait instead of every socket being dropped.
 */
export interface Pending<T> {
  update: Uint8Array;
  meta: T;
}

export class CommitQueue<T> {
  private waiting: Pending<T>[] = [];
  private inFlight = false;
  private failed = false;
  private enqueued = 0;
  private committed = 0;
  private readonly waiters: { upTo: number; resolve: (ok: boolean) => void }[] = [];
  /** When the current run of failed attempts began, and how many there were (0: the last commit succeeded). */
  private failingSince = 0;
  private attempts = 0;

  constructor(
    private readonly commit: (updates: Uint8Array[]) => void | Promise<void>,
    private readonly onCommitted: (batch: Pending<T>[], seconds: number) => void,
    private readonly onFailed: (err: unknown) => void,
    private readonly retry: { forMs: number; onRetry?(err: unknown, attempt: number): void } = { forMs: 0 },
  ) {}

  /** Nothing waiting and nothing on its way. */
  get idle(): boolean {
    return !this.inFlight && this.waiting.length === 0;
  }

  enqueue(update: Uint8Array, meta: T): void {
    if (this.failed) return;
    this.waiting.push({ update, meta });
    this.enqueued++;
    if (!this.inFlight) this.flush();
  }

  /** Resolves true once everything enqueued so far is committed; false if the store failed. */
  flushed(): Promise<boolean> {
    if (this.failed) return Promise.resolve(false);
    if (this.committed >= this.enqueued) return Promise.resolve(true);
    return new Promise((resolve) => this.waiters.push({ upTo: this.enqueued, resolve }));
  }

  private flush(): void {
    while (this.waiting.length > 0 && !this.failed) {
      const batch = this.waiting;
      this.waiting = [];
      const started = performance.now();
      let result: void | Promise<void>;
      try {
        result = this.commit(batch.map((p) => p.update));
      } catch (err) {
        this.fail(err);
        return;
      }
      if (result && typeof result.then === 'function') {
        this.inFlight = true;
        result.then(
          () => {
            this.inFlight = false;
            this.failingSince = 0;
            this.attempts = 0;
            this.done(batch, started);
            this.flush();
          },
          (err: unknown) => this.retryOrFail(batch, err),
        );
        return;
      }
      this.done(batch, started);
    }
  }

  private retryOrFail(batch: Pending<T>[], err: unknown): void {
    const now = Date.now();
    this.failingSince ||= now;
    if (now - this.failingSince >= this.retry.forMs) {
      this.inFlight = false;
      this.fail(err);
      return;
    }
    // Still in flight: the batch goes first again, and what arrived meanwhile goes with it.
    // A commit whose answer was lost may be stored twice then: Yjs ignores the repeat.
    this.waiting = batch.concat(this.waiting);
    this.attempts++;
    this.retry.onRetry?.(err, this.attempts);
    setTimeout(() => {
      this.inFlight = false;
      this.flush();
    }, Math.min(1_000, 50 * 2 ** this.attempts));
  }

  private done(batch: Pending<T>[], started: number): void {
    this.committed += batch.length;
    this.onCommitted(batch, (performance.now() - started) / 1000);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i]!;
      if (w.upTo <= this.committed) {
        this.waiters.splice(i, 1);
        w.resolve(true);
      }
    }
  }

  private fail(err: unknown): void {
    this.failed = true;
    this.waiting = [];
    for (const w of this.waiters.splice(0)) w.resolve(false);
    this.onFailed(err);
  }
}
