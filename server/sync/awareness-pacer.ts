import type { EncodedAwarenessEntry } from './messages';

export interface PacingOptions {
  /** The coalescing window of a small room (AWARENESS_FLUSH_MS). */
  windowMs: number;
  /** At most one relayed state per client id per this many ms; removals are never held. */
  minIntervalMs: number;
}

/**
 * Rooms up to this size flush every `windowMs`; larger rooms wait proportionally longer,
 * up to MAX_WINDOW_FACTOR × windowMs. What a flush costs grows with the receivers, so
 * a room of 500 sends each receiver ~8 frames a second instead of ~33; a cursor that
 * moves at 1 Hz is still shown within a tenth of a second.
 */
const SMALL_ROOM = 50;
const MAX_WINDOW_FACTOR = 4;

/** Pending entries for one room, relayed once per window and once per client per interval. */
export class AwarenessPacer {
  private readonly pending = new Map<number, EncodedAwarenessEntry>();
  private readonly sentAt = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private dueAt = 0;

  constructor(
    private readonly opts: PacingOptions,
    private readonly roomSize: () => number,
    private readonly send: (entries: EncodedAwarenessEntry[]) => void,
  ) {}

  /** The newest entry per client wins: a cursor that moved twice in a window is sent once. */
  queue(entry: EncodedAwarenessEntry): void {
    this.pending.set(entry.clientId, entry);
    if (entry.json === 'null') this.sentAt.delete(entry.clientId);
    this.schedule(Date.now() + this.windowMs());
  }

  /** When this client's state last went out (0: not since it arrived). */
  lastSent(clientId: number): number {
    return this.sentAt.get(clientId) ?? 0;
  }

  /** Sends what is due now; a client relayed less than `minIntervalMs` ago waits (`all`: nobody waits). */
  flush(all = false): void {
    this.clearTimer();
    if (this.pending.size === 0) return;
    const now = Date.now();
    const out: EncodedAwarenessEntry[] = [];
    let nextDue = Infinity;
    for (const [clientId, entry] of this.pending) {
      const due = entry.json === 'null' ? 0 : this.lastSent(clientId) + this.opts.minIntervalMs;
      if (!all && due > now) {
        nextDue = Math.min(nextDue, due);
        continue;
      }
      this.pending.delete(clientId);
      if (entry.json !== 'null') this.sentAt.set(clientId, now);
      out.push(entry);
    }
    if (nextDue !== Infinity) this.schedule(nextDue);
    if (out.length > 0) this.send(out);
  }

  dispose(): void {
    this.clearTimer();
    this.pending.clear();
    this.sentAt.clear();
  }

  private windowMs(): number {
    const factor = Math.min(MAX_WINDOW_FACTOR, Math.max(1, this.roomSize() / SMALL_ROOM));
    return Math.round(this.opts.windowMs * factor);
  }

  /** Flushes at `at` at the latest (an earlier flush already planned stays). */
  private schedule(at: number): void {
    if (this.timer && this.dueAt <= at) return;
    this.clearTimer();
    const delay = at - Date.now();
    if (delay <= 0 && this.opts.windowMs === 0) return this.flush();
    this.dueAt = at;
    this.timer = setTimeout(() => this.flush(), Math.max(0, delay));
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
