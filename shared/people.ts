/** "Wie weet wat": the people one shares a workspace with, and what they worked on (`GET /api/people`). */
import { z } from 'zod';
import type { DocumentKind } from './api';

export const PeopleQuery = z.object({
  /** Words matched against name, organisation and themes. */
  q: z.string().trim().max(100).optional(),
  /** A theme (tag) they contributed to: "wonen". */
  theme: z.string().trim().min(1).max(60).optional(),
  /** A city or organisation: "Gent" finds "Stad Gent". */
  city: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type PeopleQuery = z.input<typeof PeopleQuery>;

export interface Contribution {
  documentId: string;
  title: string;
  kind: DocumentKind;
  workspaceName: string;
  at: string;
}

export interface PersonCard {
  user: { id: string; name: string; organization: string };
  /** Tags of the documents they created, edited or commented on, most frequent first. */
  themes: Array<{ tag: string; count: number }>;
  recent: Contribution[];
  /** How many documents they contributed to in the workspaces you share. */
  documentCount: number;
}

export interface PeopleAnswer {
  people: PersonCard[];
}
