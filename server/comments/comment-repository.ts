import type { Selectable } from 'kysely';
import type { Db } from '../storage/sql/open-sql';
import { isForeignKeyViolation } from '../storage/sql/errors';
import type { CommentRepliesTable, CommentThreadsTable } from '../storage/sql/tables';
import { newId } from '../auth/tokens';
import { colorForUser } from '../auth/user-color';
import type { CommentAuthor, CommentReply, CommentThread } from '../../shared/comments';

type ThreadRow = Selectable<CommentThreadsTable>;
type ReplyRow = Selectable<CommentRepliesTable>;
type Authors = Map<string, CommentAuthor>;

/** A thread's row with what access checks need, before it is turned into the API shape. */
export interface StoredThread {
  id: string;
  documentId: string;
  authorId: string;
  resolved: boolean;
}

export interface StoredReply {
  id: string;
  threadId: string;
  authorId: string;
}

/** What one PATCH of a thread changes; both parts are written in one statement. */
export interface ThreadChange {
  body?: { text: string; mentions: string[] };
  resolved?: { value: boolean; byUserId: string };
}

/**
 * Comment threads and their replies, stored beside (not inside) the documents. Lists are
 * ordered by creation time with the id as tiebreak, as the API pages them.
 */
export class CommentRepository {
  constructor(private readonly db: Db) {}

  async list(documentId: string): Promise<CommentThread[]> {
    const [threads, replies] = await Promise.all([
      this.db.selectFrom('comment_threads').selectAll().where('document_id', '=', documentId).orderBy('created_at').orderBy('id').execute(),
      this.db
        .selectFrom('comment_replies as r')
        .innerJoin('comment_threads as t', 't.id', 'r.thread_id')
        .selectAll('r')
        .where('t.document_id', '=', documentId)
        .orderBy('r.created_at')
        .orderBy('r.id')
        .execute(),
    ]);
    return this.assemble(threads, replies);
  }

  /** One thread in the API shape, replies included. */
  async get(threadId: string): Promise<CommentThread | undefined> {
    const [threads, replies] = await Promise.all([
      this.db.selectFrom('comment_threads').selectAll().where('id', '=', threadId).execute(),
      this.db.selectFrom('comment_replies').selectAll().where('thread_id', '=', threadId).orderBy('created_at').orderBy('id').execute(),
    ]);
    return (await this.assemble(threads, replies))[0];
  }

  async find(threadId: string): Promise<StoredThread | undefined> {
    const row = await this.db
      .selectFrom('comment_threads')
      .select(['id', 'document_id', 'author_id', 'resolved_at'])
      .where('id', '=', threadId)
      .executeTakeFirst();
    return row && { id: row.id, documentId: row.document_id, authorId: row.author_id, resolved: row.resolved_at !== null };
  }

  async findReply(threadId: string, replyId: string): Promise<StoredReply | undefined> {
    const row = await this.db
      .selectFrom('comment_replies')
      .select(['id', 'thread_id', 'author_id'])
      .where('id', '=', replyId)
      .where('thread_id', '=', threadId)
      .executeTakeFirst();
    return row && { id: row.id, threadId: row.thread_id, authorId: row.author_id };
  }

  async create(input: {
    documentId: string;
    anchor: { start: string; end: string };
    quote: string;
    authorId: string;
    body: string;
    mentions: string[];
  }): Promise<CommentThread> {
    const row = await this.db
      .insertInto('comment_threads')
      .values({
        ...written(input),
        document_id: input.documentId,
        anchor_start: input.anchor.start,
        anchor_end: input.anchor.end,
        quote: input.quote,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return (await this.assemble([row], []))[0]!;
  }

  /**
   * The new reply, or undefined when its thread is gone: it may be deleted between the route's
   * lookup and this insert, and then the foreign key refuses the row.
   */
  async reply(input: { threadId: string; authorId: string; body: string; mentions: string[] }): Promise<CommentReply | undefined> {
    let row: ReplyRow;
    try {
      row = await this.db
        .insertInto('comment_replies')
        .values({ ...written(input), thread_id: input.threadId })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (err) {
      // The author's key can be refused too (never in practice): only a missing thread is an answer.
      if (isForeignKeyViolation(err) && !(await this.find(input.threadId))) return undefined;
      throw err;
    }
    return this.toReply(row, await this.authors([row.author_id]));
  }

  /** Edits the body, resolves or reopens, or both at once. */
  async updateThread(threadId: string, change: ThreadChange): Promise<void> {
    const now = new Date().toISOString();
    const { body, resolved } = change;
    if (!body && !resolved) return;
    await this.db
      .updateTable('comment_threads')
      .set({
        ...(body && { body: body.text, mentions: JSON.stringify(body.mentions), edited_at: now }),
        ...(resolved && {
          resolved_by: resolved.value ? resolved.byUserId : null,
          resolved_at: resolved.value ? now : null,
        }),
      })
      .where('id', '=', threadId)
      .execute();
  }

  /** The edited reply, or undefined when it is gone. */
  async editReply(threadId: string, replyId: string, body: string, mentions: string[]): Promise<CommentReply | undefined> {
    const row = await this.db
      .updateTable('comment_replies')
      .set({ body, mentions: JSON.stringify(mentions), edited_at: new Date().toISOString() })
      .where('id', '=', replyId)
      .where('thread_id', '=', threadId)
      .returningAll()
      .executeTakeFirst();
    return row && this.toReply(row, await this.authors([row.author_id]));
  }

  /**
   * Deletes the thread unless someone other than `authorId` replied to it (deleting would
   * take their words too). One statement: a reply committed meanwhile is never deleted
   * with it. 'replied' when others replied, 'gone' when there was no such thread.
   */
  async deleteThread(threadId: string, authorId: string): Promise<'deleted' | 'replied' | 'gone'> {
    const result = await this.db
      .deleteFrom('comment_threads')
      .where('id', '=', threadId)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('comment_replies').select('id').where('thread_id', '=', threadId).where('author_id', '<>', authorId))),
      )
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 1) return 'deleted';
    return (await this.find(threadId)) ? 'replied' : 'gone';
  }

  async deleteReply(replyId: string): Promise<void> {
    await this.db.deleteFrom('comment_replies').where('id', '=', replyId).execute();
  }

  /** Names and organisations of `ids`, read once for a whole list. */
  private async authors(ids: Iterable<string>): Promise<Authors> {
    const wanted = [...new Set(ids)];
    const out: Authors = new Map();
    if (wanted.length === 0) return out;
    const rows = await this.db.selectFrom('users').select(['id', 'name', 'organization']).where('id', 'in', wanted).execute();
    for (const u of rows) out.set(u.id, { id: u.id, name: u.name, organization: u.organization, color: colorForUser(u.id) });
    return out;
  }

  private async assemble(threads: ThreadRow[], replies: ReplyRow[]): Promise<CommentThread[]> {
    const people = await this.authors([
      ...threads.flatMap((t) => (t.resolved_by ? [t.author_id, t.resolved_by] : [t.author_id])),
      ...replies.map((r) => r.author_id),
    ]);
    const byThread = new Map<string, CommentReply[]>();
    for (const r of replies) {
      const list = byThread.get(r.thread_id) ?? [];
      list.push(this.toReply(r, people));
      byThread.set(r.thread_id, list);
    }
    return threads.map((t) => ({
      id: t.id,
      documentId: t.document_id,
      anchor: { start: t.anchor_start, end: t.anchor_end },
      quote: t.quote,
      author: authorOf(t.author_id, people),
      body: t.body,
      mentions: JSON.parse(t.mentions) as string[],
      createdAt: t.created_at,
      editedAt: t.edited_at,
      resolved: t.resolved_at !== null,
      resolvedBy: t.resolved_by ? authorOf(t.resolved_by, people) : null,
      resolvedAt: t.resolved_at,
      replies: byThread.get(t.id) ?? [],
    }));
  }

  private toReply(r: ReplyRow, people: Authors): CommentReply {
    return {
      id: r.id,
      author: authorOf(r.author_id, people),
      body: r.body,
      mentions: JSON.parse(r.mentions) as string[],
      createdAt: r.created_at,
      editedAt: r.edited_at,
    };
  }
}

/** The columns a new thread and a new reply share: who wrote what, when. */
function written(input: { authorId: string; body: string; mentions: string[] }) {
  return { id: newId(), author_id: input.authorId, body: input.body, mentions: JSON.stringify(input.mentions), created_at: new Date().toISOString() };
}

function authorOf(userId: string, people: Authors): CommentAuthor {
  // Accounts are never deleted while they have comments (foreign keys); the fallback is defensive.
  return people.get(userId) ?? { id: userId, name: '', organization: '', color: colorForUser(userId) };
}
