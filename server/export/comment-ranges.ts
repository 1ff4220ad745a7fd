/**
 * Open comment threads placed on their text for the Word export (`?comments=open`): each
 * anchor is resolved the way the browser resolves it (shared/comment-anchors.ts), against
 * the same ProseMirror document the export lays out (annotated-content.ts), and the text
 * nodes it covers are split at its ends. The first covered text node says where the
 * comment starts, the last where it ends; docx-content.ts writes Word's comment range
 * marks there.
 */
import { resolveThreadRange, type EncodedAnchor } from '../../shared/comment-anchors';
import type { AnchorContext } from './annotated-content';
import { covered, type Piece } from './text-pieces';

/** One comment as the export needs it: what the comments API shows, without ids of people. */
export interface ExportComment {
  author: string;
  body: string;
  /** ISO 8601 */
  createdAt: string;
}

/** An open thread: its anchor and quote to place it, its comment and replies to print. */
export interface ExportThread extends ExportComment {
  anchor: EncodedAnchor;
  quote: string;
  replies: ExportComment[];
}

/** Where a text node opens and closes Word comments (their ids), set only on text nodes. */
export interface CommentMarks {
  commentStarts?: number[];
  commentEnds?: number[];
}

/** A Word comment: the thread's first, its replies threaded under it by `parentId`. */
export interface PlacedComment extends ExportComment {
  id: number;
  parentId?: number;
}

/** The range of each thread on `pmDoc`, resolved the way the browser resolves it; null where its text is gone. */
export function threadRanges(threads: ExportThread[], at: AnchorContext): ({ from: number; to: number } | null)[] {
  return threads.map((thread) => resolveThreadRange(thread, at.ydoc, at.fragment, at.mapping, at.pmDoc));
}

/**
 * Writes each placed thread's comment and replies onto the pieces its range covers and
 * answers the Word comments to write. A thread whose text is gone (an orphaned thread in
 * the comments panel) has nowhere to stand in Word and is left out.
 */
export function placeThreads(pieces: Piece[], threads: ExportThread[], ranges: ({ from: number; to: number } | null)[]): PlacedComment[] {
  const comments: PlacedComment[] = [];
  threads.forEach((thread, index) => {
    const range = ranges[index];
    const on = range ? covered(pieces, range) : [];
    if (on.length === 0) return;
    // Word threads a reply as a comment of its own on the same text, naming the first as parent.
    const parentId = comments.length;
    const ids = [thread, ...thread.replies].map((comment, i) => {
      comments.push({ id: parentId + i, author: comment.author, body: comment.body, createdAt: comment.createdAt, ...(i > 0 ? { parentId } : {}) });
      return parentId + i;
    });
    const first = on[0]!.node as CommentMarks;
    const last = on.at(-1)!.node as CommentMarks;
    (first.commentStarts ??= []).push(...ids);
    (last.commentEnds ??= []).push(...ids);
  });
  return comments;
}
