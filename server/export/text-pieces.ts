/**
 * ProseMirror positions on the export's JSON content: the text nodes are split (in place)
 * at given positions, and the pieces and textblocks are listed with where they stand, so
 * that comments (comment-ranges.ts) and tracked changes (tracked-changes.ts) resolved as
 * positions can be written onto the nodes the Word renderer lays out.
 */
import type { JSONContent } from '@tiptap/core';
import { editorSchema, type DocJSON } from './prosemirror';

/** A text node after splitting, with its ProseMirror range. */
export interface Piece {
  node: JSONContent;
  from: number;
  to: number;
}

/** A textblock (paragraph, heading, code block) and the range of its content. */
export interface Textblock {
  node: JSONContent;
  from: number;
  to: number;
}

export interface PlacedText {
  pieces: Piece[];
  textblocks: Textblock[];
}

/** Splits the text nodes of `doc` (in place) at every position in `cuts`; lists pieces and textblocks in document order. */
export function splitText(doc: DocJSON, cuts: number[]): PlacedText {
  const at = [...new Set(cuts)].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  const textblocks: Textblock[] = [];
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
        const type = editorSchema.nodes[child.type ?? ''];
        if (type?.isLeaf) {
          pos += 1;
          continue;
        }
        const block: Textblock | null = type?.isTextblock ? { node: child, from: pos + 1, to: pos + 1 } : null;
        if (block) textblocks.push(block);
        const size = walk(child, pos + 1);
        if (block) block.to = pos + 1 + size;
        pos += 2 + size;
      }
    }
    node.content = out;
    return pos - start;
  };
  walk(doc, 0);
  return { pieces, textblocks };
}

function piece(node: JSONContent, text: string, from: number, to: number, pieces: Piece[]): JSONContent {
  const copy: JSONContent = { ...node, text };
  pieces.push({ node: copy, from, to });
  return copy;
}

/** The pieces a range covers. */
export function covered(pieces: Piece[], range: { from: number; to: number }): Piece[] {
  return pieces.filter((p) => p.from < range.to && p.to > range.from);
}
