import * as Y from 'yjs';
import type { Database } from './db';
import type { DocumentStore } from './document-store';
import { applyStoredUpdates } from './stored-doc';

export interface CopyReport {
  documents: number;
  rows: number;
}

export class CopyError extends Error {}

/**
 * Copies every document's update log from the embedded database into another store (the
 * server stopped), then verifies it: the same number of rows per document, and each
 * document's state, rebuilt from the target, byte for byte the state rebuilt from the source.
 */
export async function copyDocuments(source: Database, target: DocumentStore): Promise<CopyReport> {
  const ids = source.prepare('SELECT DISTINCT doc_id FROM doc_updates ORDER BY doc_id').pluck().all() as string[];
  const rowsOf = source.prepare('SELECT data FROM doc_updates WHERE doc_id = ? ORDER BY seq').pluck();
  for (const id of ids) {
    if ((await target.countUpdates(id)) > 0) throw new CopyError(`The target already holds content of document ${id}; copy into an empty database.`);
  }
  let rows = 0;
  for (const id of ids) {
    const updates = rowsOf.all(id) as Buffer[];
    // One batch per document: it arrives whole or not at all.
    await target.appendUpdates(id, updates);
    rows += updates.length;
  }
  for (const id of ids) {
    const expected = rowsOf.all(id) as Buffer[];
    const copied = await target.loadUpdates(id);
    if (copied.length !== expected.length) {
      throw new CopyError(`Document ${id}: ${expected.length} rows in the source, ${copied.length} in the target.`);
    }
    if (!Buffer.from(stateOf(copied)).equals(Buffer.from(stateOf(expected)))) {
      throw new CopyError(`Document ${id}: the copied state differs from the source.`);
    }
  }
  return { documents: ids.length, rows };
}

function stateOf(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  const broken = applyStoredUpdates(doc, updates);
  if (broken > 0) throw new CopyError(`${broken} stored update(s) do not decode.`);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
