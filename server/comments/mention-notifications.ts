import type { NewDomainEvent } from '../../shared/events';
import type { EventListener } from '../events/emit';
import type { CommentRepository } from './comment-repository';
import type { NotificationRepository } from './notification-repository';

/**
 * Notifications follow the event stream: each `comment.mentioned` event becomes a
 * notification for the person it names, with an excerpt of the comment that mentions them
 * (the thread's body, or the reply's when the event names one).
 */
export function mentionNotifier(comments: CommentRepository, notifications: NotificationRepository): EventListener {
  return async (event: NewDomainEvent) => {
    if (event.type !== 'comment.mentioned') return;
    const { threadId, replyId, mentionedUserId } = event.data as { threadId: string; replyId?: string; mentionedUserId: string };
    const thread = await comments.get(threadId);
    if (!thread) return;
    const body = replyId === undefined ? thread.body : thread.replies.find((r) => r.id === replyId)?.body;
    if (body === undefined) return;
    await notifications.mentioned({ userIds: [mentionedUserId], actorId: event.actor.id, threadId, body });
  };
}
