/**
 * Suggestion mode (issue #14, item 4): proposed wording kept beside the text, anchored
 * like a comment thread, never inside the shared document. The text only changes when an
 * editor accepts a suggestion: the server then applies it as one new change attributed to
 * the suggester. A commenter's socket therefore stays read-only, which is the guarantee
 * that a raw Yjs client can never change accepted text (CONTRACT §2).
 */
import { z } from 'zod';
import type { CommentAuthor } from './comments';

export const SUGGESTION_STATUSES = ['pending', 'accepted', 'rejected', 'withdrawn'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** Longest text one suggestion may replace or insert (a few paragraphs). */
export const MAX_SUGGESTION_TEXT = 10_000;
/** Pending suggestions one document may hold; one more answers 409 `too_many_suggestions`. */
export const MAX_PENDING_SUGGESTIONS = 500;

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// Unlike a comment body, a suggestion keeps its spaces ("de stad" → "de  stad" matters)
// and may hold "\n" (a paragraph break); other control characters are refused.
const CONTROL_CHARS = /[\u0000-\u0009\u000B-\u001F\u007F]/;

const suggestionText = z
  .string()
  .max(MAX_SUGGESTION_TEXT * 4)
  .refine((s) => !LONE_SURROGATE.test(s), 'contains an invalid character (unpaired surrogate)')
  .transform((s) => s.normalize('NFC'))
  .refine((s) => !CONTROL_CHARS.test(s), 'contains a control character')
  .refine((s) => s.length <= MAX_SUGGESTION_TEXT, `must be at most ${MAX_SUGGESTION_TEXT} characters`);

const RelativePosition = z.string().min(1).max(1024).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

/**
 * `anchor` spans the accepted text the suggestion replaces (start === end position for a
 * pure insertion; see shared/suggestion-anchors.ts); `deletedText` is that text as the
 * client read it (the server checks it, paragraphs joined by "\n"); `insertText` is what
 * would stand there instead ("\n" starts a new paragraph). At least one is not empty.
 */
export const CreateSuggestionBody = z
  .object({
    anchor: z.object({ start: RelativePosition, end: RelativePosition }).strict(),
    deletedText: suggestionText,
    insertText: suggestionText,
  })
  .strict()
  .refine((b) => b.deletedText.length > 0 || b.insertText.length > 0, { message: 'deletedText or insertText must not be empty' });
export type CreateSuggestionBody = z.input<typeof CreateSuggestionBody>;

/** The author extends their own pending suggestion while typing (same rules as creating). */
export const UpdateSuggestionBody = CreateSuggestionBody;
export type UpdateSuggestionBody = z.input<typeof UpdateSuggestionBody>;

/** Deciding many at once: all pending suggestions of the document, or only one person's. */
export const DecideSuggestionsBody = z.object({ authorId: z.string().min(1).max(64).optional() }).strict();
export type DecideSuggestionsBody = z.input<typeof DecideSuggestionsBody>;

export interface Suggestion {
  id: string;
  documentId: string;
  author: CommentAuthor;
  anchor: { start: string; end: string };
  deletedText: string;
  insertText: string;
  status: SuggestionStatus;
  createdAt: string;
  updatedAt: string;
  /** Who accepted, rejected or withdrew it; null while pending. */
  decidedBy: CommentAuthor | null;
  decidedAt: string | null;
}

export interface SuggestionsAnswer {
  suggestions: Suggestion[];
}

/** A bulk decision: what was decided, and what could not be (its text changed meanwhile). */
export interface DecideSuggestionsAnswer {
  decided: Suggestion[];
  /** Ids left pending because their text changed since they were made (accept only). */
  outdated: string[];
}
