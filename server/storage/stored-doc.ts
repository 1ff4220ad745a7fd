import * as Y from 'yjs';
import type { DocumentStore } from './document-store';

/**
 * The one way a Y.Doc is rebuilt from stored updates: in one transaction (one observer
 * call), skipping rows that do not decode so that one bad row never hides the rest.
 * Returns how many rows were skipped.
 */
export function applyStoredUpdates(doc: Y.Doc, updates: Iterable<Uint8Array>, origin: unknown = null): number {
  let broken = 0;
  doc.transact(() => {
    for (const u of updates) {
      try {
        Y.applyUpdate(doc, u, origin);
      } catch {
        broken++;
      }
    }
  }, origin);
  return broken;
}

/** A document's content as a fresh Y.Doc, given to `use` and destroyed afterwards. */
export async function withStoredDoc<T>(store: DocumentStore, documentId: string, use: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
  const doc = new Y.Doc();
  try {
    applyStoredUpdates(doc, await store.loadUpdates(documentId));
    return await use(doc);
  } finally {
    doc.destroy();
  }
}
