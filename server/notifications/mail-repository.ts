import type { Db } from '../storage/sql/open-sql';
import type { NotificationKind } from '../../shared/comments';
import { newToken } from '../auth/tokens';

export interface PendingMail {
  id: string;
  user_id: string;
  email: string;
  language: string;
  kind: NotificationKind;
  actor_name: string;
  document_id: string;
  document_title: string;
  /** Null for a notification about the document as a whole. */
  thread_id: string | null;
  excerpt: string;
  created_at: string;
}

const INSTANT_BATCH = 200;

/**
 * Which notifications still have to go out by mail, per the person's choice: at once
 * ('instant') or in a daily digest ('daily'). Only for members of the notification's
 * workspace with a live account; each goes out once (`mailed_at`).
 */
export class NotificationMailRepository {
  constructor(private readonly db: Db) {}

  async pendingInstant(): Promise<PendingMail[]> {
    return this.pending()
      .where('u.notify_mail', '=', 'instant')
      .orderBy('n.created_at')
      .orderBy('n.id')
      .limit(INSTANT_BATCH)
      .execute() as Promise<PendingMail[]>;
  }

  /** Unmailed notifications from before `now` of people whose last digest was before `since`. */
  async pendingDigests(since: number, now: Date): Promise<PendingMail[]> {
    return this.pending()
      .where('u.notify_mail', '=', 'daily')
      .where((eb) => eb.or([eb('u.last_digest_at', 'is', null), eb('u.last_digest_at', '<', since)]))
      .where('n.created_at', '<', now.toISOString())
      .orderBy('n.user_id')
      .orderBy('n.created_at')
      .orderBy('n.id')
      .execute() as Promise<PendingMail[]>;
  }

  /**
   * Claims unmailed notifications for sending: returns those this caller got. Several
   * instances may look at the same pending mail; only one claims each notification.
   */
  async claim(ids: string[], at: Date): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .updateTable('notifications')
      .set({ mailed_at: at.toISOString() })
      .where('id', 'in', ids)
      .where('mailed_at', 'is', null)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Gives claimed notifications back when their mail could not be sent: the next run tries again. */
  async release(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('notifications').set({ mailed_at: null }).where('id', 'in', ids).execute();
  }

  /** Claims the person's digest of this period (last one before `since`); false when another run already did. */
  async claimDigest(userId: string, since: number, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ last_digest_at: at.getTime() })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('last_digest_at', 'is', null), eb('last_digest_at', '<', since)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** The digest could not be sent: the next check sends it. */
  async releaseDigest(userId: string): Promise<void> {
    await this.db.updateTable('users').set({ last_digest_at: null }).where('id', '=', userId).execute();
  }

  /** The person's unsubscribe token, made on first use (the first of two racing writers wins; both read it). */
  async unsubscribeToken(userId: string): Promise<string> {
    await this.db
      .updateTable('users')
      .set({ unsubscribe_token: newToken() })
      .where('id', '=', userId)
      .where('unsubscribe_token', 'is', null)
      .execute();
    const row = await this.db.selectFrom('users').select('unsubscribe_token').where('id', '=', userId).executeTakeFirst();
    return row?.unsubscribe_token ?? '';
  }

  /** Turns notification mail off for the token's owner; false for an unknown token. */
  async unsubscribe(token: string): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ notify_mail: 'off' })
      .where('unsubscribe_token', '=', token)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  private pending() {
    return this.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .innerJoin('users as a', 'a.id', 'n.actor_id')
      .leftJoin('comment_threads as t', 't.id', 'n.thread_id')
      // A notification names its thread, or (a suggestion decided) only its document.
      .innerJoin('documents as d', (j) => j.on((eb) => eb('d.id', '=', eb.fn.coalesce('n.document_id', 't.document_id'))))
      .innerJoin('members as m', (j) => j.onRef('m.workspace_id', '=', 'd.workspace_id').onRef('m.user_id', '=', 'n.user_id'))
      .select([
        'n.id',
        'n.user_id',
        'u.email',
        'u.language',
        'n.kind',
        'a.name as actor_name',
        'd.id as document_id',
        'd.title as document_title',
        'n.thread_id',
        'n.excerpt',
        'n.created_at',
      ])
      .where('n.mailed_at', 'is', null)
      .where('n.read_at', 'is', null)
      .where('u.deleted_at', 'is', null);
  }
}
