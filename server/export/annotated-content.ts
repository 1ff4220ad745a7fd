/**
 * The Word export's content with what is said about the text written onto it: open
 * comment threads as Word comments (`?comments=open`, comment-ranges.ts) and pending
 * suggestions as tracked changes (`?suggestions=pending`, tracked-changes.ts). Both kinds
 * of anchor are resolved in one readable copy of the document, against the same
 * ProseMirror document the export lays out, as the browser resolves them.
 */
import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import type { ProsemirrorMapping } from '../../shared/comment-anchors';
import { placeThreads, threadRanges, type ExportThread, type PlacedComment } from './comment-ranges';
import { editorSchema, withReadableCopy, type DocJSON } from './prosemirror';
import { splitText } from './text-pieces';
import { placeSuggestions, suggestionRanges, type ExportSuggestion } from './tracked-changes';

/** What an anchor is resolved against: the readable copy and the binding's view of it. */
export interface AnchorContext {
  ydoc: Y.Doc;
  fragment: Y.XmlFragment;
  mapping: ProsemirrorMapping;
  pmDoc: PMNode;
}

export function annotatedContent(doc: Y.Doc, threads: ExportThread[], suggestions: ExportSuggestion[]): { content: DocJSON; comments: PlacedComment[] } {
  return withReadableCopy(doc, (fragment, copy) => {
    const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, editorSchema);
    // y-tiptap types its mapping loosely; it is the binding's, as in the browser.
    const at: AnchorContext = { ydoc: copy, fragment, mapping: mapping as ProsemirrorMapping, pmDoc };
    const commentRanges = threadRanges(threads, at);
    const changeRanges = suggestionRanges(suggestions, at);
    const json = pmDoc.toJSON() as JSONContent;
    const content: DocJSON = { type: 'doc', content: json.content ?? [] };
    const cuts = [...commentRanges, ...changeRanges].flatMap((r) => (r ? [r.from, r.to] : []));
    const placed = splitText(content, cuts);
    const comments = placeThreads(placed.pieces, threads, commentRanges);
    // Last: inserted text adds nodes, after which the positions above no longer hold.
    placeSuggestions(placed, suggestions, changeRanges);
    return { content, comments };
  });
}
