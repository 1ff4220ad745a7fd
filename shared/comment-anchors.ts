import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import type { Node as PMNode } from '@tiptap/pm/model';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { findQuote } from './quote-search';

/** The y-sync binding's map from Yjs types to ProseMirror nodes (not exported by name). */
export type ProsemirrorMapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/** A thread's anchor as the API stores it: base64 of Y.encodeRelativePosition (CONTRACT §2). */
export interface EncodedAnchor {
  start: string;
  end: string;
}

/**
 * ProseMirror positions → Yjs relative positions. A relative position names the Yjs item
 * next to it, not a number, so the anchor keeps pointing at its sentence whatever others
 * insert or delete around it. `mapping` is the y-sync binding's (ySyncPluginKey state).
 */
export function encodeAnchor(from: number, to: number, fragment: Y.XmlFragment, mapping: ProsemirrorMapping): EncodedAnchor {
  const start = withAssociation(absolutePositionToRelativePosition(from, fragment, mapping) as Y.RelativePosition, fragment, 0);
  const end = withAssociation(absolutePositionToRelativePosition(to, fragment, mapping) as Y.RelativePosition, fragment, -1);
  return { start: toBase64(Y.encodeRelativePosition(start)), end: toBase64(Y.encodeRelativePosition(end)) };
}

/**
 * y-tiptap ties every position to the character on its left, as a caret wants. A comment
 * wants its start tied to the right (text typed just before the sentence stays outside)
 * and its end to the left (text typed just after it stays outside too).
 */
function withAssociation(pos: Y.RelativePosition, fragment: Y.XmlFragment, assoc: number): Y.RelativePosition {
  const abs = fragment.doc && Y.createAbsolutePositionFromRelativePosition(pos, fragment.doc);
  return abs ? Y.createRelativePositionFromTypeIndex(abs.type, abs.index, assoc) : pos;
}

/**
 * The anchor's current range in the ProseMirror document, or null when its text is gone
 * (deleted, or the anchor cannot be read): such a thread is shown as orphaned.
 */
export function resolveAnchor(
  anchor: EncodedAnchor,
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  mapping: ProsemirrorMapping,
): { from: number; to: number } | null {
  try {
    const start = Y.decodeRelativePosition(fromBase64(anchor.start));
    const end = Y.decodeRelativePosition(fromBase64(anchor.end));
    // A position whose item was deleted resolves to where the item was; when both ends
    // meet, nothing of the commented text is left.
    const from = relativePositionToAbsolutePosition(ydoc, fragment, start, mapping);
    const to = relativePositionToAbsolutePosition(ydoc, fragment, end, mapping);
    if (from === null || to === null || to <= from) return null;
    return { from, to };
  } catch {
    return null;
  }
}

/**
 * A thread's range: its anchor when the anchored text still reads as the quote, else the
 * quote found again in the document (structural edits can make the binding rewrite a
 * block's text as new Yjs items, which leaves the anchor on deleted items), else null —
 * orphaned, because its text is really gone.
 */
export function resolveThreadRange(
  thread: { anchor: EncodedAnchor; quote?: string },
  ydoc: Y.Doc,
  fragment: Y.XmlFragment,
  mapping: ProsemirrorMapping,
  doc: PMNode,
): { from: number; to: number } | null {
  const range = resolveAnchor(thread.anchor, ydoc, fragment, mapping);
  // A long quote is stored cut short ("…"): only the anchor can place it.
  if (!thread.quote || thread.quote.endsWith('…')) return range;
  if (range && range.to <= doc.content.size) {
    const text = doc.textBetween(range.from, range.to, ' ', ' ');
    if (text.replace(/\s+/g, ' ').trim() === thread.quote.replace(/\s+/g, ' ').trim()) return range;
  }
  return findQuote(doc, thread.quote, range?.from ?? lastKnownStart(thread.anchor, ydoc, fragment, mapping));
}

/** Where the anchor's start was, even when its text is gone: a hint for the nearest quote. */
function lastKnownStart(anchor: EncodedAnchor, ydoc: Y.Doc, fragment: Y.XmlFragment, mapping: ProsemirrorMapping): number | null {
  try {
    return relativePositionToAbsolutePosition(ydoc, fragment, Y.decodeRelativePosition(fromBase64(anchor.start)), mapping);
  } catch {
    return null;
  }
}
