import type { DocumentKind, DocumentStatus } from '../../shared/api';
import type { SearchResult } from '../../shared/search';

/** One searchable thing: a document's title and content, or one comment thread on it. */
export interface SearchEntry {
  key: string;
  type: 'document' | 'comment';
  workspaceId: string;
  documentId: string;
  threadId: string | null;
  title: string;
  body: string;
  tags: string[];
  kind: DocumentKind;
  status: DocumentStatus;
  /** Organisations of the people behind it (author, commenters): "Stad Gent". */
  organizations: string[];
  updatedAt: string;
}

export interface SearchFilters {
  workspace?: string;
  kind?: DocumentKind;
  status?: DocumentStatus;
  tag?: string;
  organization?: string;
  from?: string;
  to?: string;
  limit: number;
}

/**
 * The full-text index. Membership is checked inside `search` against the live members
 * table, so someone removed from a workspace stops finding its documents at once,
 * whatever the index holds. SQLite implements it with FTS5; PostgreSQL would with tsvector.
 */
export interface SearchIndex {
  /** Replaces every entry of one document (its own and its threads'). */
  replaceDocument(documentId: string, entries: SearchEntry[]): Promise<void>;
  removeDocument(documentId: string): Promise<void>;
  search(userId: string, query: string, filters: SearchFilters): Promise<SearchResult[]>;
  /** Document ids the index holds: for rebuilds and checks. */
  documentIds(): Promise<string[]>;
  clear(): Promise<void>;
  /** Every entry, ordered by key: lets a test compare a rebuilt index with an incremental one. */
  dump(): Promise<SearchEntry[]>;
}
