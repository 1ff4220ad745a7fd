/**
 * Open comment threads placed on their text for the Word export (`?comments=open`): each
 * anchor is resolved the way the browser resolves it (shared/comment-anchors.ts), against
 * the same ProseMirror document the export lays out, and the text nodes it covers are
 * split at its ends. The first covered text node says where the comment starts, the last
 * where it ends; docx-content.ts writes Word's comment range marks there.
 */
import type { JSONContent } from '@tiptap/core';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { resolveThreadRange, type EncodedAnchor, type ProsemirrorMapping } from '../../shared/comment-anchors';
import { editorSchema, withReadableCopy, type DocJSON } from './prosemirror';

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

interface Piece {
  node: JSONContent & CommentMarks;
  from: number;
  to: number;
}

/**
 * `doc`'s content with `threads` placed on their text, and the Word comments to write.
 * A thread whose text is gone (an orphaned thread in the comments panel) has nowhere to
 * stand in Word and is left out.
 */
export function contentWithThreads(doc: Y.Doc, threads: ExportThread[]): { content: DocJSON; comments: PlacedComment[] } {
  return withReadableCopy(doc, (fragment, copy) => {
    const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, editorSchema);
    // y-tiptap types its mapping loosely; it is the binding's, as in the browser.
    const ranges = threads.map((thread) => resolveThreadRange(thread, copy, fragment, mapping as ProsemirrorMapping, pmDoc));
    const json = pmDoc.toJSON() as JSONContent;
    const content: DocJSON = { type: 'doc', content: json.content ?? [] };
    const pieces = splitText(content, ranges.flatMap((r) => (r ? [r.from, r.to] : [])));
    const comments: PlacedComment[] = [];
    threads.forEach((thread, index) => {
      const range = ranges[index];
      const covered = range ? pieces.filter((p) => p.from < range.to && p.to > range.from) : [];
      if (covered.length === 0) return;
      // Word threads a reply as a comment of its own on the same text, naming the first as parent.
      const parentId = comments.length;
      const ids = [thread, ...thread.replies].map((comment, i) => {
        comments.push({ id: parentId + i, author: comment.author, body: comment.body, createdAt: comment.createdAt, ...(i > 0 ? { parentId } : {}) });
        return parentId + i;
      });
      (covered[0]!.node.commentStarts ??= []).push(...ids);
      (covered.at(-1)!.node.commentEnds ??= []).push(...ids);
    });
    return { content, comments };
  });
}

/**
 * Splits the text nodes of `doc` (in place) at every position in `cuts` and lists the
 * pieces in document order with their ProseMirror positions.
 */
function splitText(doc: DocJSON, cuts: number[]): Piece[] {
  const at = [...new Set(cuts)].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  // Returns the size of `node`'s content; its content starts at `start`. Recursion stays
  // shallow: the readable copy is flattened to MAX_CONTENT_DEPTH.
  const walk = (node: JSONContent, start: number): number => {
    if (!node.content) return 0;
    const out: JSONContent[] = [];
    let pos = start;
    for (const child of node.content) {
      if (child.type === 'text') {
        const text = child.text ?? '';
        let from = 0;
        for (const cut of at) {
          const offset = cut - pos;
          if (offset <= from || offset >= text.length) continue;
          out.push(piece(child, text.slice(from, offset), pos + from, pos + offset, pieces));
          from = offset;
        }
        out.push(piece(child, text.slice(from), pos + from, pos + text.length, pieces));
        pos += text.length;
      } else {
        out.push(child);
        pos += editorSchema.nodes[child.type ?? '']?.isLeaf ? 1 : 2 + walk(child, pos + 1);
      }
    }
    node.content = out;
    return pos - start;
  };
  walk(doc, 0);
  return pieces;
}

function piece(node: JSONContent, text: string, from: number, to: number, pieces: Piece[]): JSONContent {
  const copy: JSONContent = { ...node, text };
  pieces.push({ node: copy, from, to });
  return copy;
}
