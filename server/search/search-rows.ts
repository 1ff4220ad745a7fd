import type { Insertable, Selectable } from 'kysely';
import type { SearchEntriesTable } from '../storage/sql/tables';
import type { SearchResult } from '../../shared/search';
import type { SearchEntry } from './search-index';
import { snippetFor } from './snippet';

/** A row of `search_entries`, as both engines' indexes store it (lists as JSON text). */
export type EntryRow = Selectable<SearchEntriesTable>;

export function toEntry(row: EntryRow): SearchEntry {
  return {
    key: row.key,
    type: row.type as SearchEntry['type'],
    workspaceId: row.workspace_id,
    documentId: row.document_id,
    threadId: row.thread_id,
    title: row.title,
    body: row.body,
    tags: JSON.parse(row.tags) as string[],
    kind: row.kind as SearchEntry['kind'],
    status: row.status as SearchEntry['status'],
    organizations: JSON.parse(row.organizations) as string[],
    updatedAt: row.updated_at,
  };
}

export function toRow(e: SearchEntry): Insertable<SearchEntriesTable> {
  return {
    key: e.key,
    type: e.type,
    workspace_id: e.workspaceId,
    document_id: e.documentId,
    thread_id: e.threadId,
    title: e.title,
    body: e.body,
    tags: JSON.stringify(e.tags),
    kind: e.kind,
    status: e.status,
    organizations: JSON.stringify(e.organizations),
    updated_at: e.updatedAt,
  };
}

/** One hit in the API's shape, with the snippet around the first word the query found. */
export function toResult(row: EntryRow & { workspace_name: string }, stems: string[]): SearchResult {
  const e = toEntry(row);
  return {
    type: e.type,
    documentId: e.documentId,
    workspaceId: e.workspaceId,
    workspaceName: row.workspace_name,
    threadId: e.threadId,
    title: e.title,
    kind: e.kind,
    status: e.status,
    tags: e.tags,
    snippet: snippetFor(e.body || e.title, stems),
    updatedAt: e.updatedAt,
  };
}
