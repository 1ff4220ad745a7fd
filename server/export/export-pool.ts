import type { MessagePort } from 'node:worker_threads';
import type { Logger } from '../log';
import { AppError } from '../http/errors';
import { LazyPool } from '../workers/lazy-pool';
import { workerScript } from '../workers/worker-script';
import type { ExportResult, FileExportResult } from './index';
import type { ExportTask, OfficeExportTask, TextExportTask } from './export-task';

export interface ExportPoolOptions {
  threads: number;
  /** Exports waiting for a thread; one more answers 503. */
  maxQueue: number;
  /** A render that takes longer is stopped (its thread is replaced) and answers 422. */
  timeoutMs: number;
  /** Heap of one worker: a document that needs more fails alone instead of taking the process down. */
  maxHeapMb: number;
  log: Logger;
}

/**
 * Exports run in worker threads (piscina) so that rendering a large or hostile document
 * never holds up the event loop. The pool is bounded three ways: threads, queue length
 * and time per export; a worker that runs out of heap or time is replaced.
 */
export class ExportPool {
  private readonly pool: LazyPool<ExportTask, ExportResult | FileExportResult>;

  constructor(private readonly opts: ExportPoolOptions) {
    this.pool = new LazyPool({
      ...workerScript(import.meta.dirname, 'export-worker'),
      minThreads: 0,
      maxThreads: opts.threads,
      maxQueue: opts.maxQueue,
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb },
    });
  }

  run(task: TextExportTask, documentId: string): Promise<ExportResult>;
  /** `transfer`: the ports in the task, handed to the worker rather than copied. */
  run(task: OfficeExportTask, documentId: string, transfer: MessagePort[]): Promise<FileExportResult>;
  async run(task: ExportTask, documentId: string, transfer: MessagePort[] = []): Promise<ExportResult | FileExportResult> {
    if (this.pool.queueSize >= this.opts.maxQueue) throw busy();
    const started = Date.now();
    try {
      return await (await this.pool.get()).run(task, { signal: AbortSignal.timeout(this.opts.timeoutMs), transferList: transfer });
    } catch (err) {
      if (err instanceof Error && /queue is at limit/i.test(err.message)) throw busy();
      this.opts.log.warn(
        { event: 'export.failed', documentId, format: task.format, ms: Date.now() - started, err: (err as Error).message },
        'export failed',
      );
      throw new AppError(422, 'export_failed', 'This document could not be exported: it is too large or too deeply nested.');
    }
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

function busy(): AppError {
  return new AppError(503, 'export_busy', 'The server is busy with other exports. Try again in a moment.', undefined, {
    'Retry-After': '5',
  });
}
