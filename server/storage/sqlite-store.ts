import * as Y from 'yjs';
import type { Database } from './db';
import { applyStoredUpdates } from './stored-doc';
import type { CompactResult, DocumentStore } from './document-store';

/** DocumentStore on the embedded SQLite database: one row per update, merged by `compact`. */
export class SqliteDocumentStore implements DocumentStore {
  private readonly insert;
  private readonly selectAll;
  private readonly count;
  private readonly deleteUpTo;

  constructor(private readonly db: Database) {
    this.insert = db.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)');
    this.selectAll = db.prepare('SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq');
    this.count = db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ?').pluck();
    this.deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?');
  }

  async loadUpdates(docId: string): Promise<Uint8Array[]> {
    return (this.selectAll.all(docId) as { data: Buffer }[]).map((r) => r.data);
  }

  appendUpdate(docId: string, update: Uint8Array): void {
    this.insert.run(docId, update);
  }

  async countUpdates(docId: string): Promise<number> {
    return this.count.get(docId) as number;
  }

  async compact(docId: string): Promise<CompactResult> {
    // Read outside the write lock (WAL gives a stable snapshot), merge, then swap the
    // merged rows for one in a short transaction. Rows appended meanwhile have a higher
    // seq and are left alone, so nothing written concurrently is lost.
    const rows = this.selectAll.all(docId) as { seq: number; data: Buffer }[];
    if (rows.length < 2) return { before: rows.length, after: rows.length, bytes: 0 };
    const doc = new Y.Doc();
    const broken = applyStoredUpdates(doc, rows.map((r) => r.data));
    if (broken > 0) {
      // Merging would delete rows it could not read: keep them for whoever investigates.
      doc.destroy();
      throw new Error(`${broken} stored update(s) of ${docId} do not decode; not compacting`);
    }
    const merged = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const maxSeq = rows[rows.length - 1]!.seq;
    this.db
      .transaction(() => {
        this.deleteUpTo.run(docId, maxSeq);
        this.insert.run(docId, merged);
      })
      .immediate();
    return { before: rows.length, after: (await this.countUpdates(docId)), bytes: merged.byteLength };
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  close(): void {
    this.db.close();
  }
}
