import type { DocumentMeta } from '../../shared/api';
import type { Limits } from '../limits-config';
import type { Logger } from '../log';
import type { DocumentStore } from '../storage/document-store';
import { AppError } from '../http/errors';
import { Throttle } from '../http/throttle';
import { ExportPool } from './export-pool';
import type { ExportFormat, ExportResult } from './index';

/**
 * GET /api/documents/:did/export behind its limits: a per-person allowance per minute, a
 * size limit on the stored document, and the worker pool that renders it off the loop.
 */
export class ExportService {
  private readonly pool: ExportPool;
  private readonly perUser: Throttle;

  constructor(
    private readonly store: DocumentStore,
    private readonly limits: Limits,
    log: Logger,
  ) {
    this.pool = new ExportPool({
      threads: limits.exportThreads,
      maxQueue: limits.exportQueue,
      timeoutMs: limits.exportTimeoutMs,
      maxHeapMb: 1024,
      log,
    });
    this.perUser = new Throttle('export', limits.exportsPerMinute, 60, 'Too many exports in a short time. Try again in a minute.');
  }

  /** `content`: the state to render instead of the stored one (an owner's view of a board). */
  async render(userId: string, document: DocumentMeta, format: ExportFormat, memberIds: Set<string>, content?: Uint8Array[]): Promise<ExportResult> {
    await this.perUser.take(userId);
    // Committed before broadcast: the stored log is everything any client has seen.
    const updates = content ?? (await this.store.loadUpdates(document.id));
    const bytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
    if (bytes > this.limits.maxDocumentBytes) {
      throw new AppError(413, 'document_too_large', `This document is larger than ${this.limits.maxDocumentBytes} bytes and cannot be exported.`);
    }
    return this.pool.run(
      { updates, kind: document.kind, title: document.title, format, memberIds: [...memberIds] },
      document.id,
    );
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
