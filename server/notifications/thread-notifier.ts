import type { NewDomainEvent } from '../../shared/events';
import type { EventListener } from '../events/emit';
import type { CommentRepository } from '../comments/comment-repository';
import type { NotificationRepository } from '../comments/notification-repository';

/**
 * Replies and resolves reach the people of a thread: whoever started it or replied to it
 * (never the actor; someone mentioned in the same reply hears of it once, as a mention).
 */
export function threadNotifier(comments: CommentRepository, notifications: NotificationRepository): EventListener {
  return async (event: NewDomainEvent) => {
    if (event.type !== 'comment.replied' && event.type !== 'comment.resolved') return;
    const { threadId, replyId, resolved } = event.data as { threadId: string; replyId?: string; resolved?: boolean };
    const thread = await comments.get(threadId);
    if (!thread) return;
    const people = new Set([thread.author.id, ...thread.replies.filter((r) => r.id !== replyId).map((r) => r.author.id)]);
    people.delete(event.actor.id);
    if (event.type === 'comment.replied') {
      const reply = thread.replies.find((r) => r.id === replyId);
      if (!reply) return;
      for (const mentioned of reply.mentions) people.delete(mentioned);
      await notifications.add({ kind: 'reply', userIds: [...people], actorId: event.actor.id, threadId, body: reply.body });
    } else if (resolved === true) {
      await notifications.add({ kind: 'resolve', userIds: [...people], actorId: event.actor.id, threadId, body: thread.body });
    }
  };
}
