/**
 * A version's content as the editor sees it, and bringing it back into the live document.
 * Loaded on first use (the ProseMirror schema is heavy and rarely needed).
 */
import * as Y from 'yjs';
import { updateYFragment } from '@tiptap/y-tiptap';
import { CONTENT_FRAGMENT, editorSchema, yDocToDocJSON, type DocJSON } from '../export/prosemirror';

/** ProseMirror JSON of an encoded state, like every other route that shows content. */
export function stateToDocJSON(state: Uint8Array): DocJSON {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return yDocToDocJSON(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Makes `live`'s content equal to the content of `state` with one NEW transaction: the
 * same minimal child-by-child and text diff the editor uses for a keystroke (y-tiptap's
 * updateYFragment), so unchanged paragraphs, their authors and comment anchors stay.
 * Nothing old is rewritten. Answers the update the transaction produced (null if none).
 */
export function bringBack(live: Y.Doc, state: Uint8Array, origin: object): Uint8Array | null {
  const target = editorSchema.nodeFromJSON(stateToDocJSON(state));
  const updates: Uint8Array[] = [];
  const capture = (update: Uint8Array, o: unknown) => {
    if (o === origin) updates.push(update);
  };
  live.on('update', capture);
  try {
    live.transact(() => {
      updateYFragment(live, live.getXmlFragment(CONTENT_FRAGMENT), target, { mapping: new Map(), isOMark: new Map() });
    }, origin);
  } finally {
    live.off('update', capture);
  }
  return updates.length === 0 ? null : Y.mergeUpdates(updates);
}
