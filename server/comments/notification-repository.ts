import type { Db } from '../storage/sql/open-sql';
import { newId } from '../auth/tokens';
import { colorForUser } from '../auth/user-color';
import type { Notification, NotificationKind } from '../../shared/comments';

const EXCERPT_LENGTH = 140;

/** What a notification is about: a comment thread, or a document (it then opens the document). */
type About = { threadId: string } | { documentId: string };
const LIST_LIMIT = 50;

/**
 * A person's mention notifications. Only those in workspaces they still belong to are
 * shown or counted: someone who was removed learns nothing more from that workspace.
 */
export class NotificationRepository {
  constructor(private readonly db: Db) {}

  /** One notification per mentioned person (never the actor themself). Returns who was notified. */
  mentioned(input: { userIds: string[]; actorId: string; threadId: string; body: string }): Promise<string[]> {
    return this.add({ ...input, kind: 'mention' });
  }

  /**
   * One notification of `kind` per person (never the actor themself), in one statement.
   * About a comment thread, or about a document as a whole (a suggestion decided). Returns who was notified.
   */
  async add(input: { kind: NotificationKind; userIds: string[]; actorId: string; body: string } & About): Promise<string[]> {
    const created_at = new Date().toISOString();
    const excerpt = input.body.length > EXCERPT_LENGTH ? `${input.body.slice(0, EXCERPT_LENGTH - 1)}…` : input.body;
    const targets = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
    if (targets.length === 0) return targets;
    await this.db
      .insertInto('notifications')
      .values(
        targets.map((user_id) => ({
          id: newId(),
          user_id,
          thread_id: 'threadId' in input ? input.threadId : null,
          document_id: 'documentId' in input ? input.documentId : null,
          actor_id: input.actorId,
          excerpt,
          created_at,
          kind: input.kind,
        })),
      )
      .execute();
    return targets;
  }

  async list(userId: string): Promise<{ notifications: Notification[]; unread: number }> {
    const [rows, unread] = await Promise.all([
      this.visible(userId)
        .innerJoin('users as u', 'u.id', 'n.actor_id')
        .select([
          'n.id',
          'd.workspace_id',
          'd.id as document_id',
          'd.title as document_title',
          'n.thread_id',
          'n.actor_id',
          'u.name as actor_name',
          'u.organization as actor_organization',
          'n.excerpt',
          'n.created_at',
          'n.read_at',
          'n.kind',
        ])
        .orderBy('n.created_at', 'desc')
        .orderBy('n.id', 'desc')
        .limit(LIST_LIMIT)
        .execute(),
      this.unread(userId),
    ]);
    return {
      notifications: rows.map((r) => ({
        id: r.id,
        type: r.kind as NotificationKind,
        workspaceId: r.workspace_id,
        documentId: r.document_id,
        documentTitle: r.document_title,
        threadId: r.thread_id,
        actor: { id: r.actor_id, name: r.actor_name, organization: r.actor_organization, color: colorForUser(r.actor_id) },
        excerpt: r.excerpt,
        createdAt: r.created_at,
        read: r.read_at !== null,
      })),
      unread,
    };
  }

  async unread(userId: string): Promise<number> {
    const row = await this.visible(userId)
      .where('n.read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Marks the caller's own notifications read; ids of anyone else's are ignored. */
  async markRead(userId: string, which: { ids: string[] } | { all: true }): Promise<void> {
    let query = this.db
      .updateTable('notifications')
      .set({ read_at: new Date().toISOString() })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (!('all' in which)) {
      if (which.ids.length === 0) return;
      query = query.where('id', 'in', which.ids);
    }
    await query.execute();
  }

  /** The person's notifications in workspaces they still belong to. */
  private visible(userId: string) {
    return this.db
      .selectFrom('notifications as n')
      .leftJoin('comment_threads as t', 't.id', 'n.thread_id')
      .innerJoin('documents as d', (j) => j.on((eb) => eb('d.id', '=', eb.fn.coalesce('n.document_id', 't.document_id'))))
      .innerJoin('members as m', (j) => j.onRef('m.workspace_id', '=', 'd.workspace_id').onRef('m.user_id', '=', 'n.user_id'))
      .where('n.user_id', '=', userId);
  }
}
