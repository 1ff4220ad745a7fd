import * as Y from 'yjs';
import type { DocumentStore } from '../storage/document-store';
import type { RoomRegistry } from '../sync/rooms';

/** The document's current content: the live room's doc when loaded here, else a copy from storage. */
export async function withCurrentDoc<T>(store: DocumentStore, rooms: RoomRegistry, documentId: string, use: (doc: Y.Doc) => T): Promise<T> {
  const room = rooms.loaded(documentId);
  if (room) return use(room.doc);
  const doc = new Y.Doc();
  try {
    const updates = await store.loadUpdates(documentId);
    doc.transact(() => {
      for (const u of updates) Y.applyUpdate(doc, u);
    });
    return use(doc);
  } finally {
    doc.destroy();
  }
}
