import { sql } from 'kysely';
import type { Db } from '../storage/sql/open-sql';
import type { Logger } from '../log';

/**
 * Presence is live state, not history (CONTRACT §4): `presence.changed` events (and
 * `suggestion.updated`, a draft growing) are streamed
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
      // Each type a literal (sql.lit) so that its partial index applies: events_presence_by_age
      // (migration 0003) and events_suggestion_updates_by_age (0600, drafts growing as their author types).
      let deleted = 0;
      for (const type of [sql.lit('presence.changed'), sql.lit('suggestion.updated')]) {
        const result = await this.db
          .deleteFrom('events')
          .where('type', '=', type)
          .where('at', '<', new Date(now - this.retentionMs).toISOString())
          .executeTakeFirst();
        deleted += Number(result.numDeletedRows);
      }
      return deleted;
    } catch (err) {
      // A busy, unreachable or closed database: the next round tries again.
      this.log.warn({ event: 'events.presence_prune_failed', err }, 'could not prune presence events');
      return 0;
    }
  }
}
