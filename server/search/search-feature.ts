import type { UserRepository } from '../auth/users';
import type { CommentRepository } from '../comments/comment-repository';
import type { DocumentRepository } from '../documents/document-repository';
import type { WithCurrentDoc } from '../documents/current-doc';
import type { DomainEvents } from '../events/emit';
import type { Logger } from '../log';
import type { Sql } from '../storage/sql/open-sql';
import { documentText } from './document-text';
import { SearchIndexer, type SearchSource } from './indexer';
import { searchRoutes } from './routes';
import { PostgresSearchIndex } from './postgres-search-index';
import type { SearchIndex } from './search-index';
import { SqliteSearchIndex } from './sqlite-search-index';

export interface SearchFeature {
  indexer: SearchIndexer;
  routes: ReturnType<typeof searchRoutes>;
  /** A document's content changed (an edit on the sync socket): reindex it soon. */
  changed(documentId: string): void;
  close(): void;
}

/** Events that change what a document's search entries hold. */
const DOCUMENT_EVENTS = /^(document|comment)\./;

/**
 * Search wired to this server's storage: follows content edits (`changed`, from the sync
 * path) and every document and comment event, reads content from the live room when
 * loaded, and rebuilds an empty index from storage in the background at start, so a data
 * directory from before search existed becomes searchable by itself.
 */
export function createSearch(deps: {
  sql: Sql;
  withCurrentDoc: WithCurrentDoc;
  documents: DocumentRepository;
  users: UserRepository;
  comments: CommentRepository;
  events: DomainEvents;
  log: Logger;
  delayMs?: number;
}): SearchFeature {
  const index = searchIndexFor(deps.sql);
  const source: SearchSource = {
    document: async (id) => deps.documents.find(id),
    organizationOf: async (userId) => (await deps.users.findById(userId))?.organization,
    contentText: (document) => deps.withCurrentDoc(document.id, (doc) => documentText(doc, document.kind)),
    threads: (documentId) => deps.comments.list(documentId),
    allDocumentIds: async () => (await deps.sql.db.selectFrom('documents').select('id').orderBy('id').execute()).map((r) => r.id),
  };
  const indexer = new SearchIndexer(index, source, deps.log, deps.delayMs);
  deps.events.subscribe((event) => {
    if (!DOCUMENT_EVENTS.test(event.type)) return;
    // Comment events name their thread; the document is in the data.
    const documentId = typeof event.data?.documentId === 'string' ? event.data.documentId : event.subject;
    indexer.schedule(documentId);
  });
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

/** Full-text search is engine-specific by nature: FTS5 on SQLite's own connection, tsvector on PostgreSQL. */
export function searchIndexFor(sql: Sql): SearchIndex {
  if (sql.dialect === 'postgres') return new PostgresSearchIndex(sql.db);
  if (!sql.sqlite) throw new Error('the SQLite search index needs the SQLite connection');
  return new SqliteSearchIndex(sql.sqlite);
}
