import * as Y from 'yjs';
import type { Repositories } from '../api/context';
import type { CommentRepository } from '../comments/comment-repository';
import type { Logger } from '../log';
import type { Database } from '../storage/db';
import type { DocumentStore } from '../storage/document-store';
import type { RoomRegistry } from '../sync/rooms';
import { documentText } from './document-text';
import { SearchIndexer, type SearchSource } from './indexer';
import { searchRoutes } from './routes';
import { SqliteSearchIndex } from './sqlite-search-index';

export interface SearchFeature {
  indexer: SearchIndexer;
  routes: ReturnType<typeof searchRoutes>;
  /** Something about a document changed (content, title, tags, status, comments). */
  changed(documentId: string): void;
  close(): void;
}

/**
 * Search wired to this server's storage. Content is read from the live room when loaded
 * (what people see now), else from the store. An empty index is rebuilt in the background
 * at start, so a data directory from before search existed becomes searchable by itself.
 */
export function createSearch(deps: {
  db: Database;
  store: DocumentStore;
  rooms: RoomRegistry;
  repos: Repositories;
  comments: CommentRepository;
  log: Logger;
  delayMs?: number;
}): SearchFeature {
  const index = new SqliteSearchIndex(deps.db);
  const source: SearchSource = {
    document: async (id) => deps.repos.documents.find(id),
    organizationOf: async (userId) => deps.repos.users.findById(userId)?.organization,
    contentText: async (document) => {
      const room = deps.rooms.loaded(document.id);
      if (room) return documentText(room.doc, document.kind);
      const doc = new Y.Doc();
      try {
        const updates = await deps.store.loadUpdates(document.id);
        doc.transact(() => {
          for (const u of updates) Y.applyUpdate(doc, u);
        });
        return documentText(doc, document.kind);
      } finally {
        doc.destroy();
      }
    },
    threads: async (documentId) => deps.comments.list(documentId),
    allDocumentIds: async () =>
      (deps.db.prepare('SELECT id FROM documents ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id),
  };
  const indexer = new SearchIndexer(index, source, deps.log, deps.delayMs);
  void (async () => {
    const indexed = await index.documentIds();
    const documents = await source.allDocumentIds();
    if (indexed.length === 0 && documents.length > 0) await indexer.rebuild();
  })().catch((err: unknown) => deps.log.error({ event: 'search.rebuild_failed', err }, 'search index rebuild failed'));
  return {
    indexer,
    routes: searchRoutes(index),
    changed: (documentId) => indexer.schedule(documentId),
    close: () => indexer.close(),
  };
}
