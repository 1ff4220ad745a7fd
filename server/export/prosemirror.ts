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
 * Runs `use` on a private copy of `doc`'s content fragment, flattened to the depth the
 * editor can open.
 *
 * A copy because y-tiptap deletes, inside the Y.Doc it reads, any element the schema
 * rejects; done on a live room document that deletion would be stored and broadcast to
 * every editor as if someone had typed it. The copy keeps every item's id, so relative
 * positions (comment anchors) resolve in it as in the original.
 */
export function withReadableCopy<T>(doc: Y.Doc, use: (fragment: Y.XmlFragment, copy: Y.Doc) => T): T {
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const fragment = copy.getXmlFragment(CONTENT_FRAGMENT);
    flattenTooDeep(fragment);
    return use(fragment, copy);
  } finally {
    copy.destroy();
  }
}

/** Reads the TipTap content of `doc` as ProseMirror JSON. */
export function yDocToDocJSON(doc: Y.Doc): DocJSON {
  return withReadableCopy(doc, (fragment) => {
    const json = yXmlFragmentToProseMirrorRootNode(fragment, editorSchema).toJSON() as JSONContent;
    return { type: 'doc', content: json.content ?? [] };
  });
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
