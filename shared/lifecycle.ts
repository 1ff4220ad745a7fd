/** Trash, archive, duplicate, move, and the workspace's own life cycle (issue 17). */
import { z } from 'zod';
import { CreateWorkspaceBody } from './api';

/** Days a trashed document or workspace can be restored before it is purged. */
export const TRASH_DAYS = 30;

export const MoveDocumentBody = z.object({ workspaceId: z.string().min(1).max(64) });
export type MoveDocumentBody = z.input<typeof MoveDocumentBody>;

export const ArchiveBody = z.object({ archived: z.boolean() });
export type ArchiveBody = z.input<typeof ArchiveBody>;

export const UpdateWorkspaceBody = z
  .object({ name: CreateWorkspaceBody.shape.name.optional(), description: CreateWorkspaceBody.shape.description })
  .refine((b) => b.name !== undefined || b.description !== undefined, { message: 'name at least one of name, description' });
export type UpdateWorkspaceBody = z.input<typeof UpdateWorkspaceBody>;

/** Deleting a workspace asks the owner to type its name: a slip of the mouse deletes nothing. */
export const DeleteWorkspaceBody = z.object({ confirm: z.string().max(400) });
export type DeleteWorkspaceBody = z.input<typeof DeleteWorkspaceBody>;

export interface TrashEntry {
  id: string;
  kind: 'recommendation' | 'note' | 'board';
  title: string;
  deletedAt: string;
  /** When it will be purged for good. */
  purgeAt: string;
}
