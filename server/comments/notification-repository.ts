import type { Database } from '../storage/db';
import { newId } from '../auth/tokens';
import { colorForUser } from '../auth/user-color';
import type { Notification, NotificationKind } from '../../shared/comments';

interface Row {
  id: string;
  workspace_id: string;
  document_id: string;
  document_title: string;
  thread_id: string;
  actor_id: string;
  actor_name: string;
  actor_organization: string;
  excerpt: string;
  created_at: string;
  read_at: string | null;
  kind: NotificationKind;
}

const EXCERPT_LENGTH = 140;
const LIST_LIMIT = 50;

/**
 * A person's mention notifications. Only those in workspaces they still belong to are
 * shown or counted: someone who was removed learns nothing more from that workspace.
 */
export class NotificationRepository {
  private readonly insert;
  private readonly listStmt;
  private readonly unreadStmt;
  private readonly markIds;
  private readonly markAll;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      'INSERT INTO notifications (id, user_id, thread_id, actor_id, excerpt, created_at, kind) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const visible = `FROM notifications n
        JOIN comment_threads t ON t.id = n.thread_id
        JOIN documents d ON d.id = t.document_id
        JOIN members m ON m.workspace_id = d.workspace_id AND m.user_id = n.user_id
        JOIN users u ON u.id = n.actor_id
       WHERE n.user_id = ?`;
    this.listStmt = db.prepare(
      `SELECT n.id, d.workspace_id, d.id AS document_id, d.title AS document_title, n.thread_id, n.actor_id,
              u.name AS actor_name, u.organization AS actor_organization, n.excerpt, n.created_at, n.read_at, n.kind
         ${visible} ORDER BY n.created_at DESC, n.rowid DESC LIMIT ${LIST_LIMIT}`,
    );
    this.unreadStmt = db.prepare(`SELECT COUNT(*) ${visible} AND n.read_at IS NULL`).pluck();
    this.markIds = db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL');
    this.markAll = db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL');
  }

  /** One notification per mentioned person (never the actor themself). Returns who was notified. */
  mentioned(input: { userIds: string[]; actorId: string; threadId: string; body: string }): string[] {
    return this.add({ ...input, kind: 'mention' });
  }

  /** One notification of `kind` per person (never the actor themself). Returns who was notified. */
  add(input: { kind: NotificationKind; userIds: string[]; actorId: string; threadId: string; body: string }): string[] {
    const now = new Date().toISOString();
    const excerpt = input.body.length > EXCERPT_LENGTH ? `${input.body.slice(0, EXCERPT_LENGTH - 1)}…` : input.body;
    const targets = input.userIds.filter((id) => id !== input.actorId);
    this.db.transaction(() => {
      for (const userId of targets) this.insert.run(newId(), userId, input.threadId, input.actorId, excerpt, now, input.kind);
    })();
    return targets;
  }

  list(userId: string): { notifications: Notification[]; unread: number } {
    const rows = this.listStmt.all(userId) as Row[];
    return {
      notifications: rows.map((r) => ({
        id: r.id,
        type: r.kind,
        workspaceId: r.workspace_id,
        documentId: r.document_id,
        documentTitle: r.document_title,
        threadId: r.thread_id,
        actor: { id: r.actor_id, name: r.actor_name, organization: r.actor_organization, color: colorForUser(r.actor_id) },
        excerpt: r.excerpt,
        createdAt: r.created_at,
        read: r.read_at !== null,
      })),
      unread: this.unread(userId),
    };
  }

  unread(userId: string): number {
    return this.unreadStmt.get(userId) as number;
  }

  /** Marks the caller's own notifications read; ids of anyone else's are ignored. */
  markRead(userId: string, which: { ids: string[] } | { all: true }): void {
    const now = new Date().toISOString();
    if ('all' in which) {
      this.markAll.run(now, userId);
      return;
    }
    this.db.transaction(() => {
      for (const id of which.ids) this.markIds.run(now, userId, id);
    })();
  }
}
