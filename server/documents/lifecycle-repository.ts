import type { Database } from '../storage/db';
import type { DocumentKind } from '../../shared/api';

export interface TrashedDocument {
  id: string;
  workspaceId: string;
  kind: DocumentKind;
  title: string;
  deletedAt: string;
  deletedBy: string | null;
}

interface TrashRow {
  id: string;
  workspace_id: string;
  kind: DocumentKind;
  title: string;
  deleted_at: string;
  deleted_by: string | null;
}

const toTrashed = (r: TrashRow): TrashedDocument => ({
  id: r.id,
  workspaceId: r.workspace_id,
  kind: r.kind,
  title: r.title,
  deletedAt: r.deleted_at,
  deletedBy: r.deleted_by,
});

/** Trash, archive, move and purge: the states a document or workspace passes through. */
export class LifecycleRepository {
  constructor(private readonly db: Database) {}

  async trashDocument(id: string, by: string, at: string): Promise<void> {
    this.db.prepare('UPDATE documents SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL').run(at, by, id);
  }

  /** A document in the trash of a live workspace, or undefined. */
  async findTrashed(id: string): Promise<TrashedDocument | undefined> {
    const row = this.db
      .prepare(
        `SELECT d.id, d.workspace_id, d.kind, d.title, d.deleted_at, d.deleted_by
           FROM documents d JOIN workspaces w ON w.id = d.workspace_id
          WHERE d.id = ? AND d.deleted_at IS NOT NULL AND w.deleted_at IS NULL`,
      )
      .get(id) as TrashRow | undefined;
    return row && toTrashed(row);
  }

  async restoreDocument(id: string): Promise<void> {
    this.db.prepare('UPDATE documents SET deleted_at = NULL, deleted_by = NULL WHERE id = ?').run(id);
  }

  async trash(workspaceId: string): Promise<TrashedDocument[]> {
    const rows = this.db
      .prepare(
        `SELECT id, workspace_id, kind, title, deleted_at, deleted_by FROM documents
          WHERE workspace_id = ? AND deleted_at IS NOT NULL ORDER BY deleted_at DESC, id`,
      )
      .all(workspaceId) as TrashRow[];
    return rows.map(toTrashed);
  }

  async setArchived(id: string, at: string | null): Promise<void> {
    this.db.prepare('UPDATE documents SET archived_at = ? WHERE id = ?').run(at, id);
  }

  async archived(workspaceId: string): Promise<string[]> {
    const rows = this.db
      .prepare('SELECT id FROM documents WHERE workspace_id = ? AND deleted_at IS NULL AND archived_at IS NOT NULL ORDER BY archived_at DESC, id')
      .all(workspaceId) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  async moveDocument(id: string, workspaceId: string, at: string): Promise<void> {
    this.db.prepare('UPDATE documents SET workspace_id = ?, updated_at = ? WHERE id = ?').run(workspaceId, at, id);
  }

  async renameWorkspace(id: string, changes: { name?: string; description?: string }): Promise<void> {
    if (changes.name !== undefined) this.db.prepare('UPDATE workspaces SET name = ? WHERE id = ?').run(changes.name, id);
    if (changes.description !== undefined) this.db.prepare('UPDATE workspaces SET description = ? WHERE id = ?').run(changes.description, id);
  }

  async trashWorkspace(id: string, by: string, at: string): Promise<void> {
    this.db.prepare('UPDATE workspaces SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL').run(at, by, id);
  }

  /** A workspace in the trash that `userId` owns, with its name. */
  async findTrashedWorkspace(id: string, userId: string): Promise<{ id: string; name: string; deletedAt: string } | undefined> {
    return this.db
      .prepare(
        `SELECT w.id, w.name, w.deleted_at AS deletedAt FROM workspaces w
           JOIN members m ON m.workspace_id = w.id AND m.user_id = ? AND m.role = 'owner'
          WHERE w.id = ? AND w.deleted_at IS NOT NULL`,
      )
      .get(userId, id) as { id: string; name: string; deletedAt: string } | undefined;
  }

  async restoreWorkspace(id: string): Promise<void> {
    this.db.prepare('UPDATE workspaces SET deleted_at = NULL, deleted_by = NULL WHERE id = ?').run(id);
  }

  /**
   * Deletes for good what has been in the trash since before `cutoff`: documents (their
   * update log, comments and search entries with them) and whole workspaces.
   */
  async purge(cutoff: string): Promise<{ documents: string[]; workspaces: string[] }> {
    return this.db.transaction(() => {
      const workspaces = (this.db.prepare('SELECT id FROM workspaces WHERE deleted_at < ?').all(cutoff) as Array<{ id: string }>).map((r) => r.id);
      const documents = (
        this.db
          .prepare(
            `SELECT id FROM documents WHERE deleted_at < ?
              OR workspace_id IN (SELECT id FROM workspaces WHERE deleted_at < ?)`,
          )
          .all(cutoff, cutoff) as Array<{ id: string }>
      ).map((r) => r.id);
      for (const id of documents) {
        this.db.prepare('DELETE FROM doc_updates WHERE doc_id = ?').run(id);
        this.db.prepare('DELETE FROM search_fts WHERE rowid IN (SELECT rowid FROM search_entries WHERE document_id = ?)').run(id);
        this.db.prepare('DELETE FROM search_entries WHERE document_id = ?').run(id);
        this.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
      }
      // Members, invites and events of a purged workspace go with it (ON DELETE CASCADE, or here).
      for (const id of workspaces) {
        this.db.prepare('DELETE FROM events WHERE workspace_id = ?').run(id);
        this.db.prepare('DELETE FROM workspaces WHERE id = ?').run(id);
      }
      return { documents, workspaces };
    })();
  }
}
