import * as Y from 'yjs';

/**
 * One update holding the state of many (compaction). Applied through a Y.Doc rather than
 * `Y.mergeUpdates` so deleted content is garbage-collected and the result stays small.
 */
export function mergeStoredUpdates(rows: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const r of rows) Y.applyUpdate(doc, r);
  });
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}
