import * as Y from 'yjs';
import { applyStoredUpdates } from './stored-doc';

/**
 * One update holding the state of many (compaction). Applied through a Y.Doc rather than
 * `Y.mergeUpdates` so deleted content is garbage-collected and the result stays small.
 */
export function mergeStoredUpdates(docId: string, rows: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    const broken = applyStoredUpdates(doc, rows);
    // Merging would delete rows it could not read: keep them for whoever investigates.
    if (broken > 0) throw new Error(`${broken} stored update(s) of ${docId} do not decode; not compacting`);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
