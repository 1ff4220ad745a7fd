/** Search across the caller's workspaces (`GET /api/search`), declared once for server and client. */
import { z } from 'zod';
import { DocumentKind, DocumentStatus } from './api';

export const SEARCH_MAX_QUERY = 200;

export const SearchQuery = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(SEARCH_MAX_QUERY),
  workspace: z.string().min(1).max(64).optional(),
  kind: DocumentKind.optional(),
  status: DocumentStatus.optional(),
  tag: z.string().trim().min(1).max(60).optional(),
  organization: z.string().trim().min(1).max(200).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.input<typeof SearchQuery>;

/** A run of a snippet; `match` marks the words the query found (shown highlighted). */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchResult {
  /** A document (title, content, tags, board cards) or one comment thread on it. */
  type: 'document' | 'comment';
  documentId: string;
  workspaceId: string;
  workspaceName: string;
  threadId: string | null;
  title: string;
  kind: DocumentKind;
  status: DocumentStatus;
  tags: string[];
  snippet: SnippetPart[];
  updatedAt: string;
}

export interface SearchAnswer {
  results: SearchResult[];
}
