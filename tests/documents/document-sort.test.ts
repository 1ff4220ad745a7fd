import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../shared/api';
import { sortDocuments } from '../../client/src/documents/document-sort';

const doc = (id: string, title: string, status: DocumentMeta['status'], updatedAt: string): DocumentMeta => ({
  id,
  workspaceId: 'w',
  kind: 'recommendation',
  title,
  tags: [],
  status,
  createdBy: 'u',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt,
  archivedAt: null,
});

const docs = [
  doc('a', 'Atelier 10', 'final', '2026-03-01T00:00:00.000Z'),
  doc('b', 'atelier 2', 'draft', '2026-01-01T00:00:00.000Z'),
  doc('c', 'Ëerste schets', 'review', '2026-02-01T00:00:00.000Z'),
  doc('d', 'Zwembaden', 'draft', '2026-04-01T00:00:00.000Z'),
];

describe('sorting a workspace\'s documents', () => {
  it('by latest change, newest first', () => {
    expect(sortDocuments(docs, 'updated', 'nl-BE').map((d) => d.id)).toEqual(['d', 'a', 'c', 'b']);
  });
  it('by title, Dutch collation with numbers in order and accents ignored', () => {
    expect(sortDocuments(docs, 'title', 'nl-BE').map((d) => d.title)).toEqual(['atelier 2', 'Atelier 10', 'Ëerste schets', 'Zwembaden']);
  });
  it('by status: concept, ter bespreking, definitief; newest first within one', () => {
    expect(sortDocuments(docs, 'status', 'nl-BE').map((d) => d.id)).toEqual(['d', 'b', 'c', 'a']);
  });
  it('leaves the given list alone', () => {
    const before = docs.map((d) => d.id);
    sortDocuments(docs, 'title', 'nl-BE');
    expect(docs.map((d) => d.id)).toEqual(before);
  });
});
