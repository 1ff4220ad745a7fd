/**
 * Comments on drafts and mention notifications (CONTRACT §2, issue #6): request schemas
 * and answer types, shared by server and client.
 */
import { z } from 'zod';
import type { PublicUser } from './api';

// Same rules as shared/api.ts's (unexported) `text`: what a person typed, NFC, trimmed,
// no control characters. Comments may span lines.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function text(min: number, max: number) {
  return z
    .string()
    .max(max * 4)
    .refine((s) => !LONE_SURROGATE.test(s), 'contains an invalid character (unpaired surrogate)')
    .transform((s) => s.normalize('NFC').trim())
    .refine((s) => !CONTROL_CHARS.test(s), 'contains a control character')
    .refine((s) => s.length >= min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .refine((s) => s.length <= max, `must be at most ${max} characters`);
}

export const MAX_COMMENT_LENGTH = 5000;
export const MAX_QUOTE_LENGTH = 2000;
export const MAX_MENTIONS = 20;

// An encoded relative position is a few dozen bytes; this only stops absurd input early.
const RelativePosition = z.string().min(1).max(1024).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

const Mentions = z
  .array(z.string().min(1).max(64))
  .max(MAX_MENTIONS)
  .transform((ids) => [...new Set(ids)]);

export const CreateThreadBody = z.object({
  anchor: z.object({ start: RelativePosition, end: RelativePosition }),
  quote: text(1, MAX_QUOTE_LENGTH),
  body: text(1, MAX_COMMENT_LENGTH),
  /** User ids of the workspace members the body mentions (`@Name`); each is notified. */
  mentions: Mentions.optional(),
});
export type CreateThreadBody = z.input<typeof CreateThreadBody>;

export const CreateReplyBody = z.object({
  body: text(1, MAX_COMMENT_LENGTH),
  mentions: Mentions.optional(),
});
export type CreateReplyBody = z.input<typeof CreateReplyBody>;

export const UpdateThreadBody = z
  .object({
    resolved: z.boolean().optional(),
    body: text(1, MAX_COMMENT_LENGTH).optional(),
    mentions: Mentions.optional(),
  })
  .refine((b) => b.resolved !== undefined || b.body !== undefined, { message: 'name at least one of resolved, body' });
export type UpdateThreadBody = z.input<typeof UpdateThreadBody>;

export const UpdateReplyBody = z.object({
  body: text(1, MAX_COMMENT_LENGTH),
  mentions: Mentions.optional(),
});
export type UpdateReplyBody = z.input<typeof UpdateReplyBody>;

export const MarkReadBody = z.union([
  z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkReadBody = z.input<typeof MarkReadBody>;

// ---------------------------------------------------------------------------------------
// Answers

export type CommentAuthor = Pick<PublicUser, 'id' | 'name' | 'organization' | 'color'>;

export interface CommentReply {
  id: string;
  author: CommentAuthor;
  body: string;
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
}

export interface CommentThread {
  id: string;
  documentId: string;
  /** base64 of Y.encodeRelativePosition into the `default` fragment. */
  anchor: { start: string; end: string };
  /** The text the thread was made on, kept so a thread whose text is deleted still shows it. */
  quote: string;
  author: CommentAuthor;
  body: string;
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  resolved: boolean;
  resolvedBy: CommentAuthor | null;
  resolvedAt: string | null;
  replies: CommentReply[];
}

/**
 * Why someone is told: mentioned, a reply on a thread they started or took part in, that
 * thread resolved, or an editor accepted or rejected their suggestion (issue 14).
 */
export type NotificationKind = 'mention' | 'reply' | 'resolve' | 'suggestion_accepted' | 'suggestion_rejected';

export interface Notification {
  id: string;
  type: NotificationKind;
  workspaceId: string;
  documentId: string;
  documentTitle: string;
  /** Null when the notification is about the document, not a thread (a suggestion decided): it opens the document. */
  threadId: string | null;
  actor: CommentAuthor;
  /** The start of the comment that mentioned the person. */
  excerpt: string;
  createdAt: string;
  read: boolean;
}

export interface NotificationsAnswer {
  notifications: Notification[];
  unread: number;
  /** The next page (`?cursor=`), null on the last. */
  nextCursor: string | null;
}
