import { allPages } from '../../../shared/pagination';
import { pagePath, request } from '../api/http';
import type {
  CommentReply,
  CommentThread,
  CreateReplyBody,
  CreateThreadBody,
  MarkReadBody,
  NotificationsAnswer,
  UpdateReplyBody,
  UpdateThreadBody,
} from '../../../shared/comments';

const enc = encodeURIComponent;

/** The comment and notification routes (CONTRACT §2, issue #6), one function each. */
export const commentsApi = {
  list: async (did: string) => ({
    threads: await allPages((cursor) =>
      request<{ threads: CommentThread[]; nextCursor: string | null }>('GET', pagePath(`/api/documents/${enc(did)}/comments`, cursor)).then(
        (a) => ({ items: a.threads, nextCursor: a.nextCursor }),
      ),
    ),
  }),
  create: (did: string, body: CreateThreadBody) =>
    request<{ thread: CommentThread }>('POST', `/api/documents/${enc(did)}/comments`, body),
  reply: (tid: string, body: CreateReplyBody) => request<{ reply: CommentReply }>('POST', `/api/comments/${enc(tid)}/replies`, body),
  update: (tid: string, body: UpdateThreadBody) => request<{ thread: CommentThread }>('PATCH', `/api/comments/${enc(tid)}`, body),
  remove: (tid: string) => request<void>('DELETE', `/api/comments/${enc(tid)}`),
  updateReply: (tid: string, rid: string, body: UpdateReplyBody) =>
    request<{ reply: CommentReply }>('PATCH', `/api/comments/${enc(tid)}/replies/${enc(rid)}`, body),
  removeReply: (tid: string, rid: string) => request<void>('DELETE', `/api/comments/${enc(tid)}/replies/${enc(rid)}`),

  notifications: () => request<NotificationsAnswer>('GET', '/api/notifications'),
  markRead: (body: MarkReadBody) => request<{ unread: number }>('POST', '/api/notifications/read', body),
};
