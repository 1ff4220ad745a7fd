/** The kinds and statuses of a document, without zod, so that the client bundle can use them. */
export const DOCUMENT_KINDS = ['recommendation', 'note', 'board'] as const;
export const DOCUMENT_STATUSES = ['draft', 'review', 'final'] as const;
