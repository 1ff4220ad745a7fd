import type * as Y from 'yjs';
import type { DocumentStore } from '../storage/document-store';
import { withStoredDoc } from '../storage/stored-doc';
import type { RoomRegistry } from '../sync/rooms';

/** Reads a document's current content: the live room's doc when it is loaded here, else a copy from storage. */
export type WithCurrentDoc = <T>(documentId: string, use: (doc: Y.Doc) => T | Promise<T>) => Promise<T>;

export function currentDocReader(rooms: RoomRegistry, store: DocumentStore): WithCurrentDoc {
  return async (documentId, use) => {
    const room = rooms.loaded(documentId);
    if (room) return use(room.doc);
    return withStoredDoc(store, documentId, use);
  };
}
