import type { DocumentMeta } from '../../shared/api';
import type { CommentThread } from '../../shared/comments';
import type { Logger } from '../log';
import type { SearchEntry, SearchIndex } from './search-index';

/** Where the indexer reads what it indexes; the server builds it from its repositories and store. */
export interface SearchSource {
  document(documentId: string): Promise<DocumentMeta | undefined>;
  /** Organisation of the person who created the document. */
  organizationOf(userId: string): Promise<string | undefined>;
  /** The readable text of the document's current content. */
  contentText(document: DocumentMeta): Promise<string>;
  threads(documentId: string): Promise<CommentThread[]>;
  allDocumentIds(): Promise<string[]>;
}

/** Edits within this window are indexed once: typing does not reindex per keystroke. */
const DEFAULT_DELAY_MS = 500;

/**
 * Keeps the search index following the documents: `schedule` after any change (content
 * over the socket, title/tags/status, comments), `rebuild` from storage when the index is
 * missing. Both produce the same entries, so a rebuilt index equals an incremental one.
 */
export class SearchIndexer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  private closed = false;

  constructor(
    private readonly index: SearchIndex,
    private readonly source: SearchSource,
    private readonly log: Logger,
    private readonly delayMs = DEFAULT_DELAY_MS,
  ) {}

  schedule(documentId: string): void {
    if (this.closed || this.timers.has(documentId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(documentId);
      void this.reindex(documentId);
    }, this.delayMs);
    timer.unref();
    this.timers.set(documentId, timer);
  }

  /** Indexes one document now (after any run already under way for it). */
  reindex(documentId: string): Promise<void> {
    const previous = this.running.get(documentId) ?? Promise.resolve();
    const next = previous
      .then(() => this.indexDocument(documentId))
      .catch((err: unknown) => this.log.warn({ event: 'search.index_failed', documentId, err }, 'could not index document'));
    this.running.set(documentId, next);
    void next.finally(() => {
      if (this.running.get(documentId) === next) this.running.delete(documentId);
    });
    return next;
  }

  /** Drops the index and reads every document from storage again. */
  async rebuild(): Promise<number> {
    await this.index.clear();
    const ids = await this.source.allDocumentIds();
    for (const id of ids) await this.indexDocument(id);
    this.log.info({ event: 'search.rebuilt', documents: ids.length }, 'search index rebuilt');
    return ids.length;
  }

  /** Waits for every scheduled and running index job (tests, shutdown). */
  async idle(): Promise<void> {
    for (const [id, timer] of this.timers) {
      clearTimeout(timer);
      this.timers.delete(id);
      void this.reindex(id);
    }
    await Promise.all([...this.running.values()]);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async indexDocument(documentId: string): Promise<void> {
    const document = await this.source.document(documentId);
    if (!document) {
      await this.index.removeDocument(documentId);
      return;
    }
    const [content, threads, creatorOrg] = await Promise.all([
      this.source.contentText(document),
      this.source.threads(documentId),
      this.source.organizationOf(document.createdBy),
    ]);
    const base = {
      workspaceId: document.workspaceId,
      documentId,
      title: document.title,
      tags: document.tags,
      kind: document.kind,
      status: document.status,
    };
    const organizations = new Set<string>(creatorOrg ? [creatorOrg] : []);
    const entries: SearchEntry[] = threads.map((t) => {
      const people = [t.author, ...t.replies.map((r) => r.author)];
      for (const p of people) organizations.add(p.organization);
      return {
        ...base,
        key: `thread:${t.id}`,
        type: 'comment',
        threadId: t.id,
        body: [t.quote, t.body, ...t.replies.map((r) => r.body)].join('\n'),
        organizations: [...new Set(people.map((p) => p.organization))].sort(),
        updatedAt: [t.createdAt, ...t.replies.map((r) => r.createdAt)].sort().at(-1)!,
      };
    });
    entries.unshift({
      ...base,
      key: `doc:${documentId}`,
      type: 'document',
      threadId: null,
      body: content,
      organizations: [...organizations].sort(),
      updatedAt: document.updatedAt,
    });
    await this.index.replaceDocument(documentId, entries);
  }
}
