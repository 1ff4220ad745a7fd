import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import type { Node as PMNode } from '@tiptap/pm/model';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import type { EncodedAnchor, ProsemirrorMapping } from './comment-anchors';

/** How a block boundary reads inside `deletedText`; the server compares with the same rule. */
export const BLOCK_SEPARATOR = '\n';

/** The accepted text between two positions, as a suggestion's `deletedText` names it. */
export function textOfRange(doc: PMNode, from: number, to: number): string {
  return doc.textBetween(from, to, BLOCK_SEPARATOR, ' ');
}

/**
 * ProseMirror positions → a suggestion's anchor. A replaced range is tied like a comment
 * (start to the right, end to the left), so text typed just outside it stays outside; an
 * insertion point (from === to) is tied to the character on its left, so it stays behind
 * the word it follows whatever is typed after it.
 */
export function encodeSuggestionAnchor(from: number, to: number, fragment: Y.XmlFragment, mapping: ProsemirrorMapping): EncodedAnchor {
  const end = tie(absolutePositionToRelativePosition(to, fragment, mapping) as Y.RelativePosition, fragment, -1);
  const start = from === to ? end : tie(absolutePositionToRelativePosition(from, fragment, mapping) as Y.RelativePosition, fragment, 0);
  return { start: toBase64(Y.encodeRelativePosition(start)), end: toBase64(Y.encodeRelativePosition(end)) };
}

function tie(pos: Y.RelativePosition, fragment: Y.XmlFragment, assoc: number): Y.RelativePosition {
  const abs = fragment.doc && Y.createAbsolutePositionFromRelativePosition(pos, fragment.doc);
  return abs ? Y.createRelativePositionFromTypeIndex(abs.type, abs.index, assoc) : pos;
}

/**
 * Where a suggestion stands now: its range in the ProseMirror document, or null when it
 * cannot be placed — the anchor is unreadable, or the text it would replace is gone.
 * An insertion (empty `deletedText`) resolves to an empty range.
 */
export function resolveSuggestionRange(
  suggestion: { anchor: EncodedAnchor; deletedText: string },
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  mapping: ProsemirrorMapping,
): { from: number; to: number } | null {
  try {
    const from = absolute(ydoc, fragment, Y.decodeRelativePosition(fromBase64(suggestion.anchor.start)), mapping);
    const to = absolute(ydoc, fragment, Y.decodeRelativePosition(fromBase64(suggestion.anchor.end)), mapping);
    if (from === null || to === null || to < from) return null;
    if (suggestion.deletedText.length > 0 ? to === from : to !== from) return null;
    return { from, to };
  } catch {
    return null;
  }
}

/**
 * A relative position as a ProseMirror position. y-tiptap refuses a position tied to a
 * character that resolves at or before 1 (it takes it for a misplaced caret), which is
 * exactly where a suggestion on the document's first word starts: there the same place
 * is read again as "index n of its text", which y-tiptap resolves.
 */
function absolute(ydoc: Y.Doc, fragment: Y.XmlFragment, rel: Y.RelativePosition, mapping: ProsemirrorMapping): number | null {
  const pos = relativePositionToAbsolutePosition(ydoc, fragment, rel, mapping);
  if (pos !== null || rel.item === null) return pos;
  const abs = Y.createAbsolutePositionFromRelativePosition(rel, ydoc);
  if (!abs || !(abs.type instanceof Y.XmlText) || abs.index !== 0) return null;
  return relativePositionToAbsolutePosition(ydoc, fragment, Y.createRelativePositionFromTypeIndex(abs.type, 0, -1), mapping);
}

/** True when the range still holds exactly the text the suggestion was made on. */
export function rangeStillReads(doc: PMNode, range: { from: number; to: number }, deletedText: string): boolean {
  if (range.to > doc.content.size) return false;
  return textOfRange(doc, range.from, range.to) === deletedText;
}
