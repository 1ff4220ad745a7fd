import { sql } from 'kysely';
import type { Db } from '../storage/sql/open-sql';
import type { Logger } from '../log';

/**
 * Presence is live state, not history (CONTRACT §4): `presence.changed` events are streamed
 * and replayed to a stream that reconnects soon after, but not kept forever. Every
 * `retentionMs / 2` (at most a minute) this deletes the ones older than `retentionMs`.
 * Every instance sharing the database may run it; deleting twice is harmless.
 */
export class PresenceRetention {
  private readonly timer: NodeJS.Timeout;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly retentionMs: number,
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => void this.run(), Math.min(60_000, Math.max(100, Math.floor(retentionMs / 2))));
    this.timer.unref();
  }

  /** Deletes what is older than the retention; returns how many events went. One round at a time. */
  run(now = Date.now()): Promise<number> {
    this.running ??= this.prune(now).finally(() => (this.running = null));
    return this.running;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async prune(now: number): Promise<number> {
    try {
      // The type is a literal (sql.lit) so that the partial index events_presence_by_age (kysely migration 0003) applies.
      const result = await this.db
        .deleteFrom('events')
        .where('type', '=', sql.lit('presence.changed'))
        .where('at', '<', new Date(now - this.retentionMs).toISOString())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    } catch (err) {
      // A busy, unreachable or closed database: the next round tries again.
      this.log.warn({ event: 'events.presence_prune_failed', err }, 'could not prune presence events');
      return 0;
    }
  }
}
