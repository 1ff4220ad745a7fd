import type { DocumentMeta, Workspace } from '../../../shared/api';
import type { Role } from '../../../shared/roles';
import { ApiError } from '../api/http';

/**
 * What the document page needs before it can open a document — its metadata, workspace,
 * the person's role and the members — remembered per person, so that offline a document
 * whose content is on this device (IndexedDB) still opens and takes edits.
 */
export interface DocumentContext {
  document: DocumentMeta;
  workspace: Workspace;
  role: Role;
  members: unknown[];
}

const key = (userId: string, documentId: string) => `stadskamer.doc:${userId}:${documentId}`;

export function rememberDocument<T extends DocumentContext>(userId: string, context: T): void {
  try {
    localStorage.setItem(key(userId, context.document.id), JSON.stringify(context));
  } catch {
    // Storage full or unavailable: the page only loses its offline fallback.
  }
}

export function recallDocument<T extends DocumentContext>(userId: string, documentId: string): T | null {
  try {
    const raw = localStorage.getItem(key(userId, documentId));
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** The request never reached the server (offline, server away): not an answer to show as one. */
export function isNetworkFailure(err: unknown): boolean {
  return err instanceof ApiError && err.status === 0;
}
