import type { Database } from './db';

/**
 * The statements on SQLite's doc_updates table, for the store on the main thread and for
 * the compaction worker's own connection alike.
 */
export class SqliteUpdateLog {
  readonly insert;
  readonly selectAll;
  readonly count;
  private readonly deleteSeqs;

  constructor(readonly db: Database) {
    this.insert = db.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)');
    this.selectAll = db.prepare('SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq');
    this.count = db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = ?').pluck();
    this.deleteSeqs = db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq IN (SELECT value FROM json_each(?))');
  }

  rows(docId: string): { seq: number; data: Buffer }[] {
    return this.selectAll.all(docId) as { seq: number; data: Buffer }[];
  }

  countOf(docId: string): number {
    return this.count.get(docId) as number;
  }

  /** Swaps exactly the rows `seqs` (never a range) for `merged`, in one write transaction. */
  replace(docId: string, seqs: number[], merged: Uint8Array): void {
    this.db
      .transaction(() => {
        this.deleteSeqs.run(docId, JSON.stringify(seqs));
        this.insert.run(docId, merged);
      })
      .immediate();
  }
}
