import { AppError } from '../http/errors';
import type { DocumentRepository } from './document-repository';

/**
 * Refuses a new document once the workspace holds `max` (MAX_DOCUMENTS_PER_WORKSPACE): one
 * member cannot fill the database, or every member's document list, with thousands.
 */
export async function checkDocumentQuota(documents: DocumentRepository, workspaceId: string, max: number): Promise<void> {
  if ((await documents.count(workspaceId)) < max) return;
  throw new AppError(
    429,
    'document_quota_reached',
    `This workspace already holds ${max} documents, the most it may hold. Delete or move some first.`,
  );
}
