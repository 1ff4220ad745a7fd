import * as Y from 'yjs';

/** The snapshot (state vector and deletions) of an encoded state. */
export function snapshotOf(state: Uint8Array): Y.Snapshot {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return Y.snapshot(doc);
  } finally {
    doc.destroy();
  }
}

/** Whether two encoded states hold the same changes (same ids, same deletions). */
export function sameState(a: Uint8Array, b: Uint8Array): boolean {
  return Y.equalSnapshots(snapshotOf(a), snapshotOf(b));
}
