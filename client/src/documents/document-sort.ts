import type { DocumentMeta } from '../../../shared/api';
import { DOCUMENT_STATUSES } from '../../../shared/documents';

export const DOCUMENT_SORTS = ['updated', 'title', 'status'] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

/**
 * Orders a workspace's documents: most recently changed first, by title (Dutch collation,
 * numbers in order: "Atelier 2" before "Atelier 10"), or by status (concept, ter bespreking,
 * definitief) and within a status by latest change.
 */
export function sortDocuments(documents: DocumentMeta[], sort: DocumentSort, locale: string): DocumentMeta[] {
  const byUpdated = (a: DocumentMeta, b: DocumentMeta) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const rank = (d: DocumentMeta) => DOCUMENT_STATUSES.indexOf(d.status);
  const compare =
    sort === 'title'
      ? (a: DocumentMeta, b: DocumentMeta) => collator.compare(a.title, b.title) || byUpdated(a, b)
      : sort === 'status'
        ? (a: DocumentMeta, b: DocumentMeta) => rank(a) - rank(b) || byUpdated(a, b)
        : byUpdated;
  return [...documents].sort(compare);
}
