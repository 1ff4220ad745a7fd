import { Hono, type MiddlewareHandler } from 'hono';
import type { UserRow } from '../auth/users';
import { actorOf, type DomainEvents } from '../events/emit';
import type { Access, AppEnv, UserEnv } from '../http/access';
import { AppError, notFound } from '../http/errors';
import { readBody } from '../http/validation';
import type { Db } from '../storage/sql/open-sql';
import type { MemberRepository } from '../workspaces/members';
import { hasRole, type Role } from '../../shared/roles';
import type { DocumentMeta } from '../../shared/api';
import { CreateReplyBody, CreateThreadBody, UpdateReplyBody, UpdateThreadBody } from '../../shared/comments';
import { checkRelativePosition } from './anchor';
import { CommentRepository, type StoredReply, type StoredThread } from './comment-repository';
import { NotificationRepository } from './notification-repository';
import { notificationRoutes } from './notification-routes';
import { mentionNotifier } from './mention-notifications';
import { threadNotifier } from '../notifications/thread-notifier';
import { OLDEST_FIRST, pageQuery, paginate } from '../http/paginate';

export interface CommentDeps {
  db: Db;
  members: MemberRepository;
  access: Access;
  events: DomainEvents;
}

/** After `requireThread`: the thread, its document and the caller's role there. */
type ThreadEnv = UserEnv & { Variables: { thread: StoredThread; document: DocumentMeta; role: Role } };
/** After `requireThread` on a `:rid` route: also the reply. */
type ReplyEnv = ThreadEnv & { Variables: { reply: StoredReply } };

/**
 * Comment threads on text documents (CONTRACT §2, issue #6) and the caller's mention
 * notifications. Who may do what:
 * - read: any member; start a thread or reply: commenter and up;
 * - resolve or reopen: the thread's author (while still commenter+) or an editor+;
 * - edit or delete a comment: its author only (while still commenter+).
 */
export function commentRoutes({ db, members, access, events }: CommentDeps): Hono<AppEnv> {
  const comments = new CommentRepository(db);
  const notifications = new NotificationRepository(db);
  const { emit } = events;
  events.subscribe(mentionNotifier(comments, notifications));
  events.subscribe(threadNotifier(comments, notifications));
  const app = new Hono<AppEnv>();

  /**
   * The thread of `:tid` (and its reply `:rid`, when the route names one) and the caller's
   * role in its workspace; 404 for outsiders, as for the document; then 403 below `minimum`.
   */
  async function findThread(threadId: string, replyId: string | undefined, userId: string, minimum: Role) {
    const thread = await comments.find(threadId);
    if (!thread) throw notFound('comment thread');
    let found;
    try {
      found = await access.documentFor(thread.documentId, userId);
    } catch (err) {
      if (err instanceof AppError && err.status === 404) throw notFound('comment thread');
      throw err;
    }
    const reply = replyId === undefined ? undefined : await comments.findReply(thread.id, replyId);
    if (replyId !== undefined && !reply) throw notFound('reply');
    if (!hasRole(found.role, minimum)) throw new AppError(403, 'forbidden', 'Only commenters and above may comment.');
    return { thread, reply, ...found };
  }

  const requireThread =
    (minimum: Role): MiddlewareHandler<ThreadEnv> =>
    async (c, next) => {
      const { thread, document, role } = await findThread(c.req.param('tid') ?? '', undefined, c.var.user.id, minimum);
      c.set('thread', thread);
      c.set('document', document);
      c.set('role', role);
      await next();
    };

  const requireReply =
    (minimum: Role): MiddlewareHandler<ReplyEnv> =>
    async (c, next) => {
      const found = await findThread(c.req.param('tid') ?? '', c.req.param('rid') ?? '', c.var.user.id, minimum);
      c.set('thread', found.thread);
      c.set('reply', found.reply!);
      c.set('document', found.document);
      c.set('role', found.role);
      await next();
    };

  /** Every comment.* event: about a thread, naming its document, so that every open panel refetches. */
  function recordComment(
    type: `comment.${'created' | 'replied' | 'resolved' | 'mentioned' | 'updated' | 'deleted'}`,
    document: DocumentMeta,
    user: UserRow,
    threadId: string,
    extra: Record<string, unknown> = {},
  ): void {
    emit({
      workspaceId: document.workspaceId,
      type,
      actor: actorOf(user),
      subject: threadId,
      data: { ...extra, documentId: document.id, threadId },
    });
  }

  function requireAuthor(authorId: string, user: UserRow): void {
    if (authorId !== user.id) throw new AppError(403, 'forbidden', 'Only the author may change or delete this comment.');
  }

  /** Mentioned ids must be members of the workspace: nobody can be notified of a place they cannot see. */
  async function checkMentions(workspaceId: string, ids: string[] | undefined): Promise<string[]> {
    const mentions = ids ?? [];
    const memberIds = await members.userIds(workspaceId);
    mentions.forEach((id, i) => {
      if (!memberIds.has(id)) {
        throw new AppError(422, 'invalid_field', `mentions.${i}: is not a member of this workspace`, `mentions.${i}`);
      }
    });
    return mentions;
  }

  /** A `comment.mentioned` event for each person newly mentioned (never the writer); notifications follow them. */
  function notifyMentions(
    document: DocumentMeta,
    user: UserRow,
    where: { threadId: string; replyId?: string },
    mentions: string[],
    alreadyMentioned: string[] = [],
  ): void {
    const fresh = mentions.filter((id) => !alreadyMentioned.includes(id) && id !== user.id);
    for (const mentionedUserId of fresh) {
      recordComment('comment.mentioned', document, user, where.threadId, { ...where, mentionedUserId });
    }
  }

  app.get('/api/documents/:did/comments', access.requireDocument(), async (c) => {
    const { document } = c.var;
    const page = paginate(await comments.list(document.id), OLDEST_FIRST, pageQuery(c));
    return c.json({ threads: page.items, nextCursor: page.nextCursor });
  });

  app.post('/api/documents/:did/comments', access.requireDocument('commenter'), async (c) => {
    const { user, document } = c.var;
    const body = await readBody(c, CreateThreadBody);
    if (document.kind === 'board') {
      throw new AppError(422, 'invalid_field', 'anchor: a board has no text to anchor a comment to', 'anchor');
    }
    checkRelativePosition(body.anchor.start, 'anchor.start');
    checkRelativePosition(body.anchor.end, 'anchor.end');
    const mentions = await checkMentions(document.workspaceId, body.mentions);
    const thread = await comments.create({ documentId: document.id, anchor: body.anchor, quote: body.quote, authorId: user.id, body: body.body, mentions });
    recordComment('comment.created', document, user, thread.id);
    notifyMentions(document, user, { threadId: thread.id }, mentions);
    return c.json({ thread }, 201);
  });

  app.post('/api/comments/:tid/replies', access.requireUser, requireThread('commenter'), async (c) => {
    const { user, thread, document } = c.var;
    const body = await readBody(c, CreateReplyBody);
    const mentions = await checkMentions(document.workspaceId, body.mentions);
    const reply = await comments.reply({ threadId: thread.id, authorId: user.id, body: body.body, mentions });
    // Deleted since requireThread found it.
    if (!reply) throw notFound('comment thread');
    recordComment('comment.replied', document, user, thread.id, { replyId: reply.id });
    notifyMentions(document, user, { threadId: thread.id, replyId: reply.id }, mentions);
    return c.json({ reply }, 201);
  });

  app.patch('/api/comments/:tid', access.requireUser, requireThread('commenter'), async (c) => {
    const { user, thread, document, role } = c.var;
    const body = await readBody(c, UpdateThreadBody);
    const isAuthor = thread.authorId === user.id;
    if (body.resolved !== undefined && !isAuthor && !hasRole(role, 'editor')) {
      throw new AppError(403, 'forbidden', 'Only the author of the thread and editors may resolve it.');
    }
    if (body.body !== undefined) requireAuthor(thread.authorId, user);
    const mentions = await checkMentions(document.workspaceId, body.mentions);
    const before = await comments.get(thread.id);
    if (!before) throw notFound('comment thread');
    const resolving = body.resolved !== undefined && body.resolved !== thread.resolved;
    await comments.updateThread(thread.id, {
      body: body.body === undefined ? undefined : { text: body.body, mentions },
      resolved: resolving ? { value: body.resolved!, byUserId: user.id } : undefined,
    });
    if (resolving) {
      // Reopening is the same event with resolved: false, so every viewer refetches.
      recordComment('comment.resolved', document, user, thread.id, { resolved: body.resolved });
    }
    if (body.body !== undefined) {
      recordComment('comment.updated', document, user, thread.id);
      notifyMentions(document, user, { threadId: thread.id }, mentions, before.mentions);
    }
    const after = await comments.get(thread.id);
    if (!after) throw notFound('comment thread');
    return c.json({ thread: after });
  });

  app.delete('/api/comments/:tid', access.requireUser, requireThread('commenter'), async (c) => {
    const { user, thread, document } = c.var;
    requireAuthor(thread.authorId, user);
    const outcome = await comments.deleteThread(thread.id, user.id);
    if (outcome === 'replied') {
      throw new AppError(409, 'thread_has_replies', 'Others have replied to this thread; resolve it instead of deleting it.');
    }
    if (outcome === 'gone') throw notFound('comment thread');
    recordComment('comment.deleted', document, user, thread.id);
    return c.body(null, 204);
  });

  app.patch('/api/comments/:tid/replies/:rid', access.requireUser, requireReply('commenter'), async (c) => {
    const { user, thread, document, reply: existing } = c.var;
    requireAuthor(existing.authorId, user);
    const body = await readBody(c, UpdateReplyBody);
    const mentions = await checkMentions(document.workspaceId, body.mentions);
    const before = (await comments.get(thread.id))?.replies.find((r) => r.id === existing.id);
    const reply = before && (await comments.editReply(thread.id, existing.id, body.body, mentions));
    if (!before || !reply) throw notFound('reply');
    recordComment('comment.updated', document, user, thread.id);
    notifyMentions(document, user, { threadId: thread.id, replyId: reply.id }, mentions, before.mentions);
    return c.json({ reply });
  });

  app.delete('/api/comments/:tid/replies/:rid', access.requireUser, requireReply('commenter'), async (c) => {
    const { user, thread, document, reply: existing } = c.var;
    requireAuthor(existing.authorId, user);
    await comments.deleteReply(existing.id);
    recordComment('comment.deleted', document, user, thread.id);
    return c.body(null, 204);
  });

  app.route('/', notificationRoutes(notifications, access));
  return app;
}
