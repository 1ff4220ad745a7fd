/**
 * The bridge between a document's Yjs content and ProseMirror JSON, using the same
 * schema and the same conversion library (@tiptap/y-tiptap) as the TipTap editor, so
 * that what the server reads and writes is exactly what the client edits.
 */
import * as Y from 'yjs';
import { getSchema, type Extensions, type JSONContent } from '@tiptap/core';
import { contentExtensions } from '../../shared/editor-content';
import type { Schema } from '@tiptap/pm/model';
import { flattenTooDeep } from './depth-limit';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';

/** The fragment TipTap's Collaboration extension binds to (CONTRACT §3). */
export const CONTENT_FRAGMENT = 'default';

/** The editor's content extensions: the one shared list (shared/editor-content.ts). */
export const editorExtensions: Extensions = contentExtensions();

export const editorSchema: Schema = getSchema(editorExtensions);

/** A ProseMirror document as JSON: the root `doc` node. */
export interface DocJSON extends JSONContent {
  type: 'doc';
  content: JSONContent[];
}

/**
 * Reads the TipTap content of `doc` as ProseMirror JSON.
 *
 * The conversion runs on a private copy because y-tiptap deletes, inside the Y.Doc it
 * reads, any element the schema rejects; done on a live room document that deletion
 * would be stored and broadcast to every editor as if someone had typed it.
 */
export function yDocToDocJSON(doc: Y.Doc): DocJSON {
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    flattenTooDeep(copy.getXmlFragment(CONTENT_FRAGMENT));
    const root = yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(CONTENT_FRAGMENT), editorSchema);
    const json = root.toJSON() as JSONContent;
    return { type: 'doc', content: json.content ?? [] };
  } finally {
    copy.destroy();
  }
}

/**
 * Encodes ProseMirror JSON as a Yjs update that, applied to an empty Y.Doc, fills its
 * `default` fragment the way TipTap's Collaboration extension would. Throws when the
 * JSON does not fit the editor schema, so no update the editor cannot open escapes.
 */
export function docJSONToYUpdate(json: DocJSON): Uint8Array {
  editorSchema.nodeFromJSON(json).check();
  const target = new Y.Doc();
  try {
    prosemirrorJSONToYXmlFragment(editorSchema, json, target.getXmlFragment(CONTENT_FRAGMENT));
    return Y.encodeStateAsUpdate(target);
  } finally {
    target.destroy();
  }
}
