import { Hono } from 'hono';
import type { ApiEnv, Repositories } from '../api/context';
import { documentFor, notFound } from '../api/access';
import { readBody } from '../api/validate';
import { signedIn } from '../auth/middleware';
import type { UserRow } from '../auth/users';
import type { Activity } from '../events/activity';
import { HttpError } from '../http/errors';
import type { Database } from '../storage/db';
import { hasRole, type Role } from '../../shared/roles';
import type { DocumentMeta } from '../../shared/api';
import { CreateReplyBody, CreateThreadBody, UpdateReplyBody, UpdateThreadBody } from '../../shared/comments';
import { checkRelativePosition } from './anchor';
import { CommentRepository, type StoredThread } from './comment-repository';
import { NotificationRepository } from './notification-repository';
import { notificationRoutes } from './notification-routes';
import { OLDEST_FIRST, pageQuery, paginate } from '../http/paginate';

export interface CommentDeps {
  db: Database;
  repos: Repositories;
  activity: Activity;
}

/**
 * Comment threads on text documents (CONTRACT §2, issue #6) and the caller's mention
 * notifications. Who may do what:
 * - read: any member; start a thread or reply: commenter and up;
 * - resolve or reopen: the thread's author (while still commenter+) or an editor+;
 * - edit or delete a comment: its author only (while still commenter+).
 */
export function commentRoutes({ db, repos, activity }: CommentDeps): Hono<ApiEnv> {
  const comments = new CommentRepository(db);
  const notifications = new NotificationRepository(db);
  const app = new Hono<ApiEnv>();

  /** The thread and the caller's role in its workspace; 404 for outsiders, as for the document. */
  function threadFor(threadId: string, userId: string): { thread: StoredThread; document: DocumentMeta; role: Role } {
    const thread = comments.find(threadId);
    if (!thread) throw notFound('comment thread');
    try {
      return { thread, ...documentFor(repos, thread.documentId, userId) };
    } catch (err) {
      if (err instanceof HttpError && err.status === 404) throw notFound('comment thread');
      throw err;
    }
  }

  /** Every comment.* event: about a thread, naming its document, so that every open panel refetches. */
  function recordComment(
    type: `comment.${'created' | 'replied' | 'resolved' | 'mentioned' | 'updated' | 'deleted'}`,
    document: DocumentMeta,
    user: UserRow,
    threadId: string,
    extra: Record<string, unknown> = {},
  ): void {
    activity.record({
      workspaceId: document.workspaceId,
      type,
      actor: actorOf(user),
      subject: threadId,
      data: { ...extra, documentId: document.id, threadId },
    });
  }

  function requireCommenter(role: Role): void {
    if (!hasRole(role, 'commenter')) throw new HttpError(403, 'forbidden', 'Only commenters and above may comment.');
  }

  function requireAuthor(authorId: string, user: UserRow): void {
    if (authorId !== user.id) throw new HttpError(403, 'forbidden', 'Only the author may change or delete this comment.');
  }

  /** Mentioned ids must be members of the workspace: nobody can be notified of a place they cannot see. */
  function checkMentions(workspaceId: string, ids: string[] | undefined): string[] {
    const mentions = ids ?? [];
    mentions.forEach((id, i) => {
      if (!repos.members.role(workspaceId, id)) {
        throw new HttpError(422, 'invalid_field', `mentions.${i}: is not a member of this workspace`, `mentions.${i}`);
      }
    });
    return mentions;
  }

  function notifyMentions(
    document: DocumentMeta,
    user: UserRow,
    threadId: string,
    body: string,
    mentions: string[],
    alreadyMentioned: string[] = [],
  ): void {
    const fresh = mentions.filter((id) => !alreadyMentioned.includes(id));
    const notified = notifications.mentioned({ userIds: fresh, actorId: user.id, threadId, body });
    for (const mentionedUserId of notified) {
      recordComment('comment.mentioned', document, user, threadId, { mentionedUserId });
    }
  }

  app.get('/api/documents/:did/comments', (c) => {
    const { user } = signedIn(c);
    const { document } = documentFor(repos, c.req.param('did'), user.id);
    const page = paginate(comments.list(document.id), OLDEST_FIRST, pageQuery(c));
    return c.json({ threads: page.items, nextCursor: page.nextCursor });
  });

  app.post('/api/documents/:did/comments', async (c) => {
    const { user } = signedIn(c);
    const { document } = documentFor(repos, c.req.param('did'), user.id, 'commenter');
    const body = await readBody(c, CreateThreadBody);
    if (document.kind === 'board') {
      throw new HttpError(422, 'invalid_field', 'anchor: a board has no text to anchor a comment to', 'anchor');
    }
    checkRelativePosition(body.anchor.start, 'anchor.start');
    checkRelativePosition(body.anchor.end, 'anchor.end');
    const mentions = checkMentions(document.workspaceId, body.mentions);
    const thread = comments.create({ documentId: document.id, anchor: body.anchor, quote: body.quote, authorId: user.id, body: body.body, mentions });
    recordComment('comment.created', document, user, thread.id);
    notifyMentions(document, user, thread.id, thread.body, mentions);
    return c.json({ thread }, 201);
  });

  app.post('/api/comments/:tid/replies', async (c) => {
    const { user } = signedIn(c);
    const { thread, document, role } = threadFor(c.req.param('tid'), user.id);
    requireCommenter(role);
    const body = await readBody(c, CreateReplyBody);
    const mentions = checkMentions(document.workspaceId, body.mentions);
    const reply = comments.reply({ threadId: thread.id, authorId: user.id, body: body.body, mentions });
    recordComment('comment.replied', document, user, thread.id, { replyId: reply.id });
    notifyMentions(document, user, thread.id, reply.body, mentions);
    return c.json({ reply }, 201);
  });

  app.patch('/api/comments/:tid', async (c) => {
    const { user } = signedIn(c);
    const { thread, document, role } = threadFor(c.req.param('tid'), user.id);
    requireCommenter(role);
    const body = await readBody(c, UpdateThreadBody);
    const isAuthor = thread.authorId === user.id;
    if (body.resolved !== undefined && !isAuthor && !hasRole(role, 'editor')) {
      throw new HttpError(403, 'forbidden', 'Only the author of the thread and editors may resolve it.');
    }
    if (body.body !== undefined) requireAuthor(thread.authorId, user);
    const mentions = checkMentions(document.workspaceId, body.mentions);
    const before = comments.get(thread.id)!;
    db.transaction(() => {
      if (body.body !== undefined) comments.editThread(thread.id, body.body, mentions);
      if (body.resolved !== undefined && body.resolved !== thread.resolved) comments.setResolved(thread.id, user.id, body.resolved);
    })();
    if (body.resolved !== undefined && body.resolved !== thread.resolved) {
      // Reopening is the same event with resolved: false, so every viewer refetches.
      recordComment('comment.resolved', document, user, thread.id, { resolved: body.resolved });
    }
    if (body.body !== undefined) {
      recordComment('comment.updated', document, user, thread.id);
      notifyMentions(document, user, thread.id, body.body, mentions, before.mentions);
    }
    return c.json({ thread: comments.get(thread.id)! });
  });

  app.delete('/api/comments/:tid', (c) => {
    const { user } = signedIn(c);
    const { thread, document, role } = threadFor(c.req.param('tid'), user.id);
    requireCommenter(role);
    requireAuthor(thread.authorId, user);
    if (comments.hasRepliesByOthers(thread.id, user.id)) {
      throw new HttpError(409, 'thread_has_replies', 'Others have replied to this thread; resolve it instead of deleting it.');
    }
    comments.deleteThread(thread.id);
    recordComment('comment.deleted', document, user, thread.id);
    return c.body(null, 204);
  });

  app.patch('/api/comments/:tid/replies/:rid', async (c) => {
    const { user } = signedIn(c);
    const { thread, document, role } = threadFor(c.req.param('tid'), user.id);
    const existing = comments.findReply(thread.id, c.req.param('rid'));
    if (!existing) throw notFound('reply');
    requireCommenter(role);
    requireAuthor(existing.authorId, user);
    const body = await readBody(c, UpdateReplyBody);
    const mentions = checkMentions(document.workspaceId, body.mentions);
    const before = comments.get(thread.id)!.replies.find((r) => r.id === existing.id)!;
    const reply = comments.editReply(thread.id, existing.id, body.body, mentions);
    recordComment('comment.updated', document, user, thread.id);
    notifyMentions(document, user, thread.id, reply.body, mentions, before.mentions);
    return c.json({ reply });
  });

  app.delete('/api/comments/:tid/replies/:rid', (c) => {
    const { user } = signedIn(c);
    const { thread, document, role } = threadFor(c.req.param('tid'), user.id);
    const existing = comments.findReply(thread.id, c.req.param('rid'));
    if (!existing) throw notFound('reply');
    requireCommenter(role);
    requireAuthor(existing.authorId, user);
    comments.deleteReply(existing.id);
    recordComment('comment.deleted', document, user, thread.id);
    return c.body(null, 204);
  });

  app.route('/', notificationRoutes(notifications));
  return app;
}

function actorOf(user: UserRow) {
  return { id: user.id, name: user.name, organization: user.organization };
}
