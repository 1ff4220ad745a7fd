import pg from 'pg';
import type { CompactResult, DocumentStore } from './document-store';
import { CompactionPool } from './compaction-pool';

/** Any constant: serialises schema creation among instances starting at the same moment. */
const SCHEMA_LOCK = 0x5744_0018;

/**
 * DocumentStore on PostgreSQL, shared by instances on several hosts. Appends of one batch
 * are one INSERT (one round trip); `seq` orders rows only loosely across instances, which
 * Yjs does not need, so compaction deletes exactly the rows it merged, never a range.
 */
export class PostgresDocumentStore implements DocumentStore {
  private readonly compaction = new CompactionPool();

  private constructor(private readonly pool: pg.Pool) {}

  static async open(connectionString: string, onPoolError?: (err: Error) => void): Promise<PostgresDocumentStore> {
    const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5_000 });
    // An idle client whose server went away (restart, failover) must not crash the process;
    // the next query gets a fresh connection.
    pool.on('error', (err) => onPoolError?.(err));
    const store = new PostgresDocumentStore(pool);
    try {
      await store.createSchema();
    } catch (err) {
      await pool.end();
      throw err;
    }
    return store;
  }

  private async createSchema(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await client.query(`
        CREATE TABLE IF NOT EXISTS doc_updates (
          seq BIGSERIAL PRIMARY KEY,
          doc_id TEXT NOT NULL,
          data BYTEA NOT NULL
        );
        CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates (doc_id, seq);
      `);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      // A client that failed mid-transaction may have lost its connection: do not reuse it.
      client.release(true);
      throw err;
    }
    client.release();
  }

  async loadUpdates(docId: string): Promise<Uint8Array[]> {
    const { rows } = await this.pool.query<{ data: Buffer }>('SELECT data FROM doc_updates WHERE doc_id = $1 ORDER BY seq', [docId]);
    return rows.map((r) => r.data);
  }

  async appendUpdates(docId: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return;
    // One statement is one transaction: the batch is stored whole or not at all.
    await this.pool.query(
      'INSERT INTO doc_updates (doc_id, data) SELECT $1, u FROM unnest($2::bytea[]) WITH ORDINALITY AS t(u, n) ORDER BY n',
      [docId, updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))],
    );
  }

  async appendUpdate(docId: string, update: Uint8Array): Promise<void> {
    return this.appendUpdates(docId, [update]);
  }

  async countUpdates(docId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM doc_updates WHERE doc_id = $1', [docId]);
    return Number(rows[0]!.n);
  }

  async compact(docId: string): Promise<CompactResult> {
    const { rows } = await this.pool.query<{ seq: string; data: Buffer }>(
      'SELECT seq, data FROM doc_updates WHERE doc_id = $1 ORDER BY seq',
      [docId],
    );
    if (rows.length < 2) return { before: rows.length, after: rows.length, bytes: 0 };
    // The merge (decode and encode of the whole document) in a worker thread; the rows travel there and back.
    const merged = await this.compaction.merge(docId, rows.map((r) => r.data));
    // Another instance may have taken a lower seq and committed after the read above:
    // deleting "seq <= max" could drop its row unmerged. Delete what was merged, by seq.
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('DELETE FROM doc_updates WHERE doc_id = $1 AND seq = ANY($2::bigint[])', [docId, rows.map((r) => r.seq)]);
      await client.query('INSERT INTO doc_updates (doc_id, data) VALUES ($1, $2)', [docId, Buffer.from(merged)]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      // A client that failed mid-transaction may have lost its connection: do not reuse it.
      client.release(true);
      throw err;
    }
    client.release();
    return { before: rows.length, after: await this.countUpdates(docId), bytes: merged.byteLength };
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.compaction.close();
    await this.pool.end();
  }
}
