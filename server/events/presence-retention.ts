import type { Database } from '../storage/db';
import type { Logger } from '../log';

/**
 * Presence is live state, not history (CONTRACT §4): `presence.changed` events are streamed
 * and replayed to a stream that reconnects soon after, but not kept forever. Every
 * `retentionMs / 2` (at most a minute) this deletes the ones older than `retentionMs`.
 * Every instance sharing the database may run it; deleting twice is harmless.
 */
export class PresenceRetention {
  private readonly prune;
  private readonly timer: NodeJS.Timeout;

  constructor(
    db: Database,
    private readonly retentionMs: number,
    private readonly log: Logger,
  ) {
    // The type is a literal so that the partial index events_presence_by_age (kysely
    // migration 0003) applies. Raw SQLite as in event-log.ts, until the event log moves to kysely.
    this.prune = db.prepare(`DELETE FROM events WHERE type = 'presence.changed' AND at < ?`);
    this.timer = setInterval(() => this.run(), Math.min(60_000, Math.max(100, Math.floor(retentionMs / 2))));
    this.timer.unref();
  }

  /** Deletes what is older than the retention; returns how many events went. */
  run(now = Date.now()): number {
    try {
      return this.prune.run(new Date(now - this.retentionMs).toISOString()).changes;
    } catch (err) {
      // A busy or closed database: the next round tries again.
      this.log.warn({ event: 'events.presence_prune_failed', err }, 'could not prune presence events');
      return 0;
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
