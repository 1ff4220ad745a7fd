import { MessageChannel } from 'node:worker_threads';
import type { DocumentMeta } from '../../shared/api';
import type { Limits } from '../limits-config';
import type { Logger } from '../log';
import type { DocumentStore } from '../storage/document-store';
import { AppError } from '../http/errors';
import { Throttle } from '../http/throttle';
import { ExportPool } from './export-pool';
import { answerImageRequest } from './image-port';
import type { ExportImages, ExportMeta } from './export-meta';
import type { ExportThread } from './comment-ranges';
import type { ExportSuggestion } from './tracked-changes';
import type { ExportResult, FileExportResult, OfficeFormat, TextFormat } from './index';

/** What a Word or PDF export needs besides the document: all of it read on the main thread. */
export interface OfficeExportRequest {
  format: OfficeFormat;
  memberIds: Set<string>;
  /** member id → organisation, shown beside each board card */
  organisations: Map<string, string>;
  meta: ExportMeta;
  threads: ExportThread[];
  suggestions: ExportSuggestion[];
  /** The placeable images for the `src`s the worker finds in the content. */
  loadImages: (srcs: string[]) => Promise<ExportImages>;
  /** The state to render instead of the stored one (an owner's view of a board). */
  content?: Uint8Array[];
}

/**
 * GET /api/documents/:did/export behind its limits: a per-person allowance per minute, a
 * size limit on the stored document, and the worker pool that renders it off the loop —
 * every format, Word and PDF included.
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
  async render(userId: string, document: DocumentMeta, format: TextFormat, memberIds: Set<string>, content?: Uint8Array[]): Promise<ExportResult> {
    const updates = await this.storedUpdates(userId, document, content);
    return this.pool.run({ updates, kind: document.kind, title: document.title, format, memberIds: [...memberIds] }, document.id);
  }

  async renderFile(userId: string, document: DocumentMeta, request: OfficeExportRequest): Promise<FileExportResult> {
    const updates = await this.storedUpdates(userId, document, request.content);
    const { port1, port2 } = new MessageChannel();
    answerImageRequest(port1, request.loadImages);
    try {
      return await this.pool.run(
        {
          updates,
          kind: document.kind,
          title: document.title,
          format: request.format,
          memberIds: [...request.memberIds],
          organisations: [...request.organisations],
          meta: request.meta,
          threads: request.threads,
          suggestions: request.suggestions,
          images: port2,
        },
        document.id,
        [port2],
      );
    } finally {
      port1.close();
    }
  }

  /** `content` or else the document's stored updates, once the person's allowance and the size limit allow. */
  private async storedUpdates(userId: string, document: DocumentMeta, content?: Uint8Array[]): Promise<Uint8Array[]> {
    await this.perUser.take(userId);
    // Committed before broadcast: the stored log is everything any client has seen.
    const updates = content ?? (await this.store.loadUpdates(document.id));
    const bytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
    if (bytes > this.limits.maxDocumentBytes) {
      throw new AppError(413, 'document_too_large', `This document is larger than ${this.limits.maxDocumentBytes} bytes and cannot be exported.`);
    }
    return updates;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
