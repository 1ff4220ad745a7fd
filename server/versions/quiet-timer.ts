interface Pending {
  firstEdit: number;
  lastEdit: number;
  timer: NodeJS.Timeout;
}

/**
 * Calls `fire(documentId)` once a document has had no edit for `quietMs` — or, while
 * people keep editing, `maxWaitMs` after the first edit since the last call — so that a
 * version is made per working session, not per keystroke. One timer per edited document,
 * re-armed only when it runs out (an edit just moves `lastEdit`).
 */
export class QuietTimer {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly quietMs: number,
    private readonly maxWaitMs: number,
    private readonly fire: (documentId: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  edited(documentId: string): void {
    const t = this.now();
    const p = this.pending.get(documentId);
    if (p) {
      p.lastEdit = t;
      return;
    }
    this.pending.set(documentId, { firstEdit: t, lastEdit: t, timer: this.arm(documentId, this.quietMs) });
  }

  /** Documents waiting for their quiet period. */
  get size(): number {
    return this.pending.size;
  }

  close(): void {
    this.drain();
  }

  /**
   * Stops every timer and answers the documents that were still waiting: at shutdown their
   * versions are made at once instead of being lost with the timers.
   */
  drain(): string[] {
    const waiting = [...this.pending.keys()];
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    return waiting;
  }

  private arm(documentId: string, ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => this.check(documentId), ms);
    timer.unref();
    return timer;
  }

  private check(documentId: string): void {
    const p = this.pending.get(documentId);
    if (!p) return;
    const t = this.now();
    const quietAt = p.lastEdit + this.quietMs;
    const latestAt = p.firstEdit + this.maxWaitMs;
    const due = Math.min(quietAt, latestAt);
    if (t < due) {
      p.timer = this.arm(documentId, due - t);
      return;
    }
    this.pending.delete(documentId);
    this.fire(documentId);
  }
}
