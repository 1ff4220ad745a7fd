/**
 * Version history (CONTRACT §2 "Versions", issue 14): request bodies and answers, shared
 * by the server's routes and the web client's history panel.
 */
import type { JSONContent } from '@tiptap/core';
import { z } from 'zod';
import { ExportFormat, text } from './api';
import { DOCUMENT_ID_PATTERN } from './protocol';

/** Why a version exists: saved by hand, after a quiet period of edits, on a status change, around a restore, right after a Word import. */
export const VERSION_REASONS = ['manual', 'edit', 'status', 'before_restore', 'restore', 'import'] as const;
export type VersionReason = (typeof VERSION_REASONS)[number];

export const MAX_VERSION_NAME = 200;

/** POST /api/documents/:did/versions (editor+). */
export const CreateVersionBody = z.object({ name: text(1, MAX_VERSION_NAME) });
export type CreateVersionBody = z.input<typeof CreateVersionBody>;

/** GET /api/versions/:vid/diff?against=current|<versionId>. */
export const VersionDiffQuery = z.object({
  against: z.union([z.literal('current'), z.string().regex(DOCUMENT_ID_PATTERN, 'must be "current" or a version id')]).default('current'),
});

/**
 * GET /api/versions/:vid/export?format=…: the formats of the document export. Comments and
 * suggestions belong to the present text, so an old version's file never carries them.
 */
export const VersionExportQuery = z.object({
  format: ExportFormat.default('markdown'),
  comments: z.never({ error: 'only the present document carries comments' }).optional(),
  suggestions: z.never({ error: 'only the present document carries suggestions' }).optional(),
});

export interface VersionPerson {
  id: string;
  name: string;
  organization: string;
}

export interface VersionMeta {
  id: string;
  documentId: string;
  /** Null for automatic versions. */
  name: string | null;
  reason: VersionReason;
  createdAt: string;
  /** Who saved it or caused it (status change, restore); null when the server made it after a quiet period. */
  createdBy: VersionPerson | null;
  /** Who changed the content since the previous version. */
  contributors: VersionPerson[];
  /** For a restore: the version whose content came back. */
  restoredFrom: string | null;
  /** Bytes of the stored state. */
  size: number;
}

/** A change in a diff: on a text run as a mark, on a block as its `change` attribute. */
export interface ChangeAttrs {
  kind: 'added' | 'removed';
  /** Who inserted (added) or deleted (removed) it; null when the server does not know. */
  by: string | null;
}

/** The mark name text changes carry in a diff's content. */
export const CHANGE_MARK = 'versionChange';

export interface DiffEnd {
  /** Null: the document as it is now. */
  versionId: string | null;
  createdAt: string;
}

export interface VersionDiff {
  /** Always the older end; `added` is what `to` has and `from` had not. */
  from: DiffEnd;
  to: DiffEnd;
  /** ProseMirror JSON of both ends merged, with `versionChange` marks and `change` block attributes. */
  content: { type: 'doc'; content: JSONContent[] };
  /** Characters added and removed per person (null: not known). */
  changes: { by: string | null; added: number; removed: number }[];
  /** Who changed the document between the two ends: deletions nobody else is known for are theirs. */
  activeBetween: string[];
  /** Everyone named above. */
  people: VersionPerson[];
}
