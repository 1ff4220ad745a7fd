import type { Node as PMNode } from '@tiptap/pm/model';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { ProsemirrorMapping } from '../../shared/comment-anchors';
import { encodeSuggestionAnchor, textOfRange } from '../../shared/suggestion-anchors';
import type { CreateSuggestionBody } from '../../shared/suggestions';
import { docJSONToYUpdate, editorSchema, withReadableCopy, yDocToDocJSON, type DocJSON } from '../../server/export/prosemirror';

/** Where a suggestion goes: the text it replaces, a span from one text to another, or right after a text. */
export type Target = string | { from: string; to: string } | { after: string };

/** The position where `needle` starts (or ends, `end`) inside one text node of `pm`. */
function positionOf(pm: PMNode, needle: string, end = false): number {
  let found: number | null = null;
  pm.descendants((node, pos) => {
    if (found !== null) return false;
    const i = node.isText ? node.text!.indexOf(needle) : -1;
    if (i >= 0) found = pos + i + (end ? needle.length : 0);
    return true;
  });
  if (found === null) throw new Error(`"${needle}" is not in the document`);
  return found;
}

/**
 * The body a client would send to suggest `insertText` at `target` in `doc` (the client's
 * synced copy): the anchor encoded as shared/suggestion-anchors.ts does in the browser.
 */
export function suggestionBody(doc: Y.Doc, target: Target, insertText: string): CreateSuggestionBody {
  return withReadableCopy(doc, (fragment) => {
    const { doc: pm, mapping } = initProseMirrorDoc(fragment, editorSchema);
    let from: number;
    let to: number;
    if (typeof target === 'string') [from, to] = [positionOf(pm, target), positionOf(pm, target, true)];
    else if ('after' in target) from = to = positionOf(pm, target.after, true);
    else [from, to] = [positionOf(pm, target.from), positionOf(pm, target.to, true)];
    const anchor = encodeSuggestionAnchor(from, to, fragment, mapping as ProsemirrorMapping);
    return { anchor, deletedText: textOfRange(pm, from, to), insertText };
  });
}

/** Fills an empty, synced client document with `json` (sent to the server like any edit). */
export function fill(doc: Y.Doc, json: DocJSON): void {
  Y.applyUpdate(doc, docJSONToYUpdate(json));
}

/** The text of every block, as ProseMirror reads it, blocks joined by "\n". */
export function textOf(doc: Y.Doc): string {
  const pm = editorSchema.nodeFromJSON(yDocToDocJSON(doc));
  return pm.textBetween(0, pm.content.size, '\n', ' ');
}

export const paragraph = (...texts: (string | { text: string; marks: { type: string }[] })[]) => ({
  type: 'paragraph',
  content: texts.map((t) => (typeof t === 'string' ? { type: 'text', text: t } : { type: 'text', ...t })),
});

export const doc = (...content: DocJSON['content']): DocJSON => ({ type: 'doc', content });
