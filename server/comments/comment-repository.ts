import type { Database } from '../storage/db';
import { newId } from '../auth/tokens';
import { colorForUser } from '../auth/user-color';
import type { CommentAuthor, CommentReply, CommentThread } from '../../shared/comments';

interface ThreadRow {
  id: string;
  document_id: string;
  anchor_start: string;
  anchor_end: string;
  quote: string;
  author_id: string;
  body: string;
  mentions: string;
  created_at: string;
  edited_at: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
}

interface ReplyRow {
  id: string;
  thread_id: string;
  author_id: string;
  body: string;
  mentions: string;
  created_at: string;
  edited_at: string | null;
}

interface UserBits {
  id: string;
  name: string;
  organization: string;
}

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

/** Comment threads and their replies, stored beside (not inside) the documents. */
export class CommentRepository {
  private readonly threadsOf;
  private readonly repliesOf;
  private readonly threadById;
  private readonly replyById;
  private readonly userById;
  private readonly insertThread;
  private readonly insertReply;
  private readonly resolveStmt;
  private readonly editThreadStmt;
  private readonly editReplyStmt;
  private readonly deleteThreadStmt;
  private readonly deleteReplyStmt;
  private readonly foreignReplies;

  constructor(private readonly db: Database) {
    this.threadsOf = db.prepare('SELECT * FROM comment_threads WHERE document_id = ? ORDER BY created_at, rowid');
    this.repliesOf = db.prepare(
      `SELECT r.* FROM comment_replies r JOIN comment_threads t ON t.id = r.thread_id
        WHERE t.document_id = ? ORDER BY r.created_at, r.rowid`,
    );
    this.threadById = db.prepare('SELECT * FROM comment_threads WHERE id = ?');
    this.replyById = db.prepare('SELECT * FROM comment_replies WHERE id = ? AND thread_id = ?');
    this.userById = db.prepare('SELECT id, name, organization FROM users WHERE id = ?');
    this.insertThread = db.prepare(
      `INSERT INTO comment_threads (id, document_id, anchor_start, anchor_end, quote, author_id, body, mentions, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertReply = db.prepare(
      'INSERT INTO comment_replies (id, thread_id, author_id, body, mentions, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.resolveStmt = db.prepare('UPDATE comment_threads SET resolved_by = ?, resolved_at = ? WHERE id = ?');
    this.editThreadStmt = db.prepare('UPDATE comment_threads SET body = ?, mentions = ?, edited_at = ? WHERE id = ?');
    this.editReplyStmt = db.prepare('UPDATE comment_replies SET body = ?, mentions = ?, edited_at = ? WHERE id = ?');
    this.deleteThreadStmt = db.prepare('DELETE FROM comment_threads WHERE id = ?');
    this.deleteReplyStmt = db.prepare('DELETE FROM comment_replies WHERE id = ?');
    this.foreignReplies = db.prepare('SELECT COUNT(*) FROM comment_replies WHERE thread_id = ? AND author_id != ?').pluck();
  }

  list(documentId: string): CommentThread[] {
    const replies = new Map<string, CommentReply[]>();
    for (const r of this.repliesOf.all(documentId) as ReplyRow[]) {
      const list = replies.get(r.thread_id) ?? [];
      list.push(this.toReply(r));
      replies.set(r.thread_id, list);
    }
    return (this.threadsOf.all(documentId) as ThreadRow[]).map((t) => this.toThread(t, replies.get(t.id) ?? []));
  }

  /** One thread in the API shape, replies included. */
  get(threadId: string): CommentThread | undefined {
    const row = this.threadById.get(threadId) as ThreadRow | undefined;
    if (!row) return undefined;
    const replies = (this.repliesOf.all(row.document_id) as ReplyRow[]).filter((r) => r.thread_id === threadId);
    return this.toThread(row, replies.map((r) => this.toReply(r)));
  }

  find(threadId: string): StoredThread | undefined {
    const row = this.threadById.get(threadId) as ThreadRow | undefined;
    return row && { id: row.id, documentId: row.document_id, authorId: row.author_id, resolved: row.resolved_at !== null };
  }

  findReply(threadId: string, replyId: string): StoredReply | undefined {
    const row = this.replyById.get(replyId, threadId) as ReplyRow | undefined;
    return row && { id: row.id, threadId: row.thread_id, authorId: row.author_id };
  }

  create(input: {
    documentId: string;
    anchor: { start: string; end: string };
    quote: string;
    authorId: string;
    body: string;
    mentions: string[];
  }): CommentThread {
    const id = newId();
    this.insertThread.run(
      id,
      input.documentId,
      input.anchor.start,
      input.anchor.end,
      input.quote,
      input.authorId,
      input.body,
      JSON.stringify(input.mentions),
      new Date().toISOString(),
    );
    return this.get(id)!;
  }

  reply(input: { threadId: string; authorId: string; body: string; mentions: string[] }): CommentReply {
    const id = newId();
    const now = new Date().toISOString();
    this.insertReply.run(id, input.threadId, input.authorId, input.body, JSON.stringify(input.mentions), now);
    return this.toReply(this.replyById.get(id, input.threadId) as ReplyRow);
  }

  setResolved(threadId: string, byUserId: string, resolved: boolean): void {
    if (resolved) this.resolveStmt.run(byUserId, new Date().toISOString(), threadId);
    else this.resolveStmt.run(null, null, threadId);
  }

  editThread(threadId: string, body: string, mentions: string[]): void {
    this.editThreadStmt.run(body, JSON.stringify(mentions), new Date().toISOString(), threadId);
  }

  editReply(threadId: string, replyId: string, body: string, mentions: string[]): CommentReply {
    this.editReplyStmt.run(body, JSON.stringify(mentions), new Date().toISOString(), replyId);
    return this.toReply(this.replyById.get(replyId, threadId) as ReplyRow);
  }

  /** True when someone other than `authorId` has replied: deleting would take their words too. */
  hasRepliesByOthers(threadId: string, authorId: string): boolean {
    return (this.foreignReplies.get(threadId, authorId) as number) > 0;
  }

  deleteThread(threadId: string): void {
    this.deleteThreadStmt.run(threadId);
  }

  deleteReply(replyId: string): void {
    this.deleteReplyStmt.run(replyId);
  }

  author(userId: string): CommentAuthor {
    const u = this.userById.get(userId) as UserBits | undefined;
    // Accounts are never deleted while they have comments (foreign keys); the fallback is defensive.
    return { id: userId, name: u?.name ?? '', organization: u?.organization ?? '', color: colorForUser(userId) };
  }

  private toThread(t: ThreadRow, replies: CommentReply[]): CommentThread {
    return {
      id: t.id,
      documentId: t.document_id,
      anchor: { start: t.anchor_start, end: t.anchor_end },
      quote: t.quote,
      author: this.author(t.author_id),
      body: t.body,
      mentions: JSON.parse(t.mentions) as string[],
      createdAt: t.created_at,
      editedAt: t.edited_at,
      resolved: t.resolved_at !== null,
      resolvedBy: t.resolved_by ? this.author(t.resolved_by) : null,
      resolvedAt: t.resolved_at,
      replies,
    };
  }

  private toReply(r: ReplyRow): CommentReply {
    return {
      id: r.id,
      author: this.author(r.author_id),
      body: r.body,
      mentions: JSON.parse(r.mentions) as string[],
      createdAt: r.created_at,
      editedAt: r.edited_at,
    };
  }
}
