import { LazyPool } from '../workers/lazy-pool';
import { workerScript } from '../workers/worker-script';
import type { CompactResult } from './document-store';
import { packUpdates, type CompactionTask } from './compaction-task';

/** Two rooms compact side by side: one room's large document never holds up another's compaction. */
const THREADS = 2;

/**
 * The worker threads that compact stored updates (compaction-worker.ts), so the event loop
 * that serves every room never decodes or encodes a whole document. Threads start at the
 * first compaction and leave when idle: an idle process holds none.
 */
export class CompactionPool {
  private readonly pool = new LazyPool<CompactionTask, CompactResult | Uint8Array>({
    ...workerScript(import.meta.dirname, 'compaction-worker'),
    minThreads: 0,
    maxThreads: THREADS,
    idleTimeout: 10_000,
  });
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  /** The whole compaction of a document in a SQLite file, on the worker's own connection. */
  compactSqlite(file: string, docId: string): Promise<CompactResult> {
    return this.run({ kind: 'sqlite', file, docId }) as Promise<CompactResult>;
  }

  /** One update holding the state of `rows` (see merge-updates.ts). */
  merge(docId: string, rows: Uint8Array[]): Promise<Uint8Array> {
    const { packed, lengths } = packUpdates(rows);
    return this.run({ kind: 'merge', docId, packed, lengths }, [packed.buffer as ArrayBuffer]) as Promise<Uint8Array>;
  }

  /** Waits for the compactions under way (a half-done one would only be rolled back), then stops the threads. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled(this.running);
    await this.pool.destroy();
  }

  private run(task: CompactionTask, transferList: ArrayBuffer[] = []): Promise<CompactResult | Uint8Array> {
    if (this.closed) return Promise.reject(new Error('the compaction pool is closed'));
    const running = this.pool.get().then((pool) => pool.run(task, { transferList }));
    this.running.add(running);
    void running.catch(() => undefined).finally(() => this.running.delete(running));
    return running;
  }
}
