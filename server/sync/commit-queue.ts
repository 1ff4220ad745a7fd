/**
 * Commits one document's updates in the order they arrived, one batch at a time: while a
 * commit is on its way, later updates wait and then go together in one statement, so a
 * busy document costs one round trip per batch, not one per keystroke. `onCommitted` sees
 * each batch only after the store confirmed it — that is when the room may broadcast.
 * A store that commits synchronously (SQLite) is called back in the same tick.
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

  constructor(
    private readonly commit: (updates: Uint8Array[]) => void | Promise<void>,
    private readonly onCommitted: (batch: Pending<T>[], seconds: number) => void,
    private readonly onFailed: (err: unknown) => void,
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
            this.done(batch, started);
            this.flush();
          },
          (err: unknown) => {
            this.inFlight = false;
            this.fail(err);
          },
        );
        return;
      }
      this.done(batch, started);
    }
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
