import type { Database } from '../storage/db';
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
  thread_id: string;
  excerpt: string;
  created_at: string;
}

/**
 * Which notifications still have to go out by mail, per the person's choice: at once
 * ('instant') or in a daily digest ('daily'). Only for members of the notification's
 * workspace with a live account; each goes out once (`mailed_at`).
 */
export class NotificationMailRepository {
  private readonly stmts;

  constructor(private readonly db: Database) {
    const pending = `SELECT n.id, n.user_id, u.email, u.language, n.kind, a.name AS actor_name, d.id AS document_id,
              d.title AS document_title, n.thread_id, n.excerpt, n.created_at
         FROM notifications n
         JOIN users u ON u.id = n.user_id
         JOIN users a ON a.id = n.actor_id
         JOIN comment_threads t ON t.id = n.thread_id
         JOIN documents d ON d.id = t.document_id
         JOIN members m ON m.workspace_id = d.workspace_id AND m.user_id = n.user_id
        WHERE n.mailed_at IS NULL AND n.read_at IS NULL AND u.deleted_at IS NULL`;
    this.stmts = {
      instant: db.prepare(`${pending} AND u.notify_mail = 'instant' ORDER BY n.created_at, n.rowid LIMIT 200`),
      daily: db.prepare(
        `${pending} AND u.notify_mail = 'daily' AND (u.last_digest_at IS NULL OR u.last_digest_at < ?) AND n.created_at < ?
          ORDER BY n.user_id, n.created_at, n.rowid`,
      ),
      mark: db.prepare('UPDATE notifications SET mailed_at = ? WHERE id = ?'),
      digestSent: db.prepare('UPDATE users SET last_digest_at = ? WHERE id = ?'),
      token: db.prepare('SELECT unsubscribe_token FROM users WHERE id = ?').pluck(),
      setToken: db.prepare('UPDATE users SET unsubscribe_token = ? WHERE id = ? AND unsubscribe_token IS NULL'),
      unsubscribe: db.prepare("UPDATE users SET notify_mail = 'off' WHERE unsubscribe_token = ? AND deleted_at IS NULL"),
    };
  }

  async pendingInstant(): Promise<PendingMail[]> {
    return this.stmts.instant.all() as PendingMail[];
  }

  /** Unmailed notifications from before `now` of people whose last digest was before `since`. */
  async pendingDigests(since: number, now: Date): Promise<PendingMail[]> {
    return this.stmts.daily.all(since, now.toISOString()) as PendingMail[];
  }

  async markMailed(ids: string[], at: Date): Promise<void> {
    this.db.transaction(() => {
      for (const id of ids) this.stmts.mark.run(at.toISOString(), id);
    })();
  }

  async digestSent(userId: string, at: Date): Promise<void> {
    this.stmts.digestSent.run(at.getTime(), userId);
  }

  /** The person's unsubscribe token, made on first use. */
  async unsubscribeToken(userId: string): Promise<string> {
    this.stmts.setToken.run(newToken(), userId);
    return this.stmts.token.get(userId) as string;
  }

  /** Turns notification mail off for the token's owner; false for an unknown token. */
  async unsubscribe(token: string): Promise<boolean> {
    return this.stmts.unsubscribe.run(token).changes === 1;
  }
}
