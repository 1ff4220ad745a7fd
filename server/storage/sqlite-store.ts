import type { Database } from './db';
import type { CompactResult, DocumentStore } from './document-store';
import { CompactionPool } from './compaction-pool';
import { SqliteUpdateLog } from './sqlite-update-log';

/** DocumentStore on the embedded SQLite database: one row per update, merged by `compact`. */
export class SqliteDocumentStore implements DocumentStore {
  private readonly log: SqliteUpdateLog;
  private readonly insertMany;
  private readonly compaction = new CompactionPool();

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
    this.log = new SqliteUpdateLog(db);
    this.insertMany = db.transaction((docId: string, updates: Uint8Array[]) => {
      for (const u of updates) this.log.insert.run(docId, u);
    });
  }

  async loadUpdates(docId: string): Promise<Uint8Array[]> {
    return this.log.rows(docId).map((r) => r.data);
  }

  /** Synchronous on purpose: the sync layer then broadcasts in the same tick, as before. */
  appendUpdates(docId: string, updates: Uint8Array[]): void {
    if (updates.length === 1) this.log.insert.run(docId, updates[0]);
    else if (updates.length > 1) this.insertMany.immediate(docId, updates);
  }

  async appendUpdate(docId: string, update: Uint8Array): Promise<void> {
    this.log.insert.run(docId, update);
  }

  async countUpdates(docId: string): Promise<number> {
    return this.log.countOf(docId);
  }

  /** In a worker thread with a connection of its own (WAL lets it read and write beside this one). */
  async compact(docId: string): Promise<CompactResult> {
    if (this.db.memory) throw new Error('compaction needs a database file that its worker can open');
    return this.compaction.compactSqlite(this.db.name, docId);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  /** After the compactions under way: closing the database under them is harmless, but their work would be lost. */
  async close(): Promise<void> {
    await this.compaction.close();
    this.db.close();
  }
}
