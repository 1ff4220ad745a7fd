import type { Database } from './db';
import type { CompactResult, DocumentStore } from './document-store';
import { mergeStoredUpdates } from './merge-updates';

/** DocumentStore on the embedded SQLite database: one row per update, merged by `compact`. */
export class SqliteDocumentStore implements DocumentStore {
  private readonly insert;
  private readonly selectAll;
  private readonly count;
  private readonly deleteUpTo;
  private readonly insertMany;

  constructor(private readonly db: Database) {
    // The store owns its table (as the PostgreSQL store does); AUTOINCREMENT keeps seq
    // growing after compaction deleted the newest rows, so order by seq stays true.
    db.exec(`
      CREATE TABLE IF NOT EXISTS doc_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates (doc_id, seq);
    `);
    this.insert = db.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)');
    this.selectAll = db.prepare('SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq');
    this.count = db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ?').pluck();
    this.deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?');
    this.insertMany = db.transaction((docId: string, updates: Uint8Array[]) => {
      for (const u of updates) this.insert.run(docId, u);
    });
  }

  async loadUpdates(docId: string): Promise<Uint8Array[]> {
    return (this.selectAll.all(docId) as { data: Buffer }[]).map((r) => r.data);
  }

  /** Synchronous on purpose: the sync layer then broadcasts in the same tick, as before. */
  appendUpdates(docId: string, updates: Uint8Array[]): void {
    if (updates.length === 1) this.insert.run(docId, updates[0]);
    else if (updates.length > 1) this.insertMany.immediate(docId, updates);
  }

  appendUpdate(docId: string, update: Uint8Array): void {
    this.insert.run(docId, update);
  }

  async countUpdates(docId: string): Promise<number> {
    return this.count.get(docId) as number;
  }

  async compact(docId: string): Promise<CompactResult> {
    // Read outside the write lock (WAL gives a stable snapshot), merge, then swap the
    // merged rows for one in a short transaction. SQLite has one writer, so rows appended
    // meanwhile have a higher seq and are left alone: nothing written concurrently is lost.
    const rows = this.selectAll.all(docId) as { seq: number; data: Buffer }[];
    if (rows.length < 2) return { before: rows.length, after: rows.length, bytes: 0 };
    const merged = mergeStoredUpdates(docId, rows.map((r) => r.data));
    const maxSeq = rows[rows.length - 1]!.seq;
    this.db
      .transaction(() => {
        this.deleteUpTo.run(docId, maxSeq);
        this.insert.run(docId, merged);
      })
      .immediate();
    return { before: rows.length, after: await this.countUpdates(docId), bytes: merged.byteLength };
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  close(): void {
    this.db.close();
  }
}
