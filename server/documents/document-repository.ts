import type { Database } from '../storage/db';
import type { DocumentKind, DocumentMeta, DocumentStatus } from '../../shared/api';
import { newId } from '../auth/tokens';

interface DocumentRow {
  id: string;
  workspace_id: string;
  kind: DocumentKind;
  title: string;
  tags: string;
  status: DocumentStatus;
  created_by: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

function toMeta(row: DocumentRow): DocumentMeta {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    title: row.title,
    tags: JSON.parse(row.tags) as string[],
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at ?? null,
  };
}

/** Document metadata; the content itself lives in the update log (server/storage). */
export class DocumentRepository {
  private readonly insert;
  private readonly byId;
  private readonly inWorkspace;
  private readonly ofKind;
  private readonly update;
  private readonly touchStmt;
  private readonly countStmt;

  constructor(db: Database) {
    this.insert = db.prepare(
      `INSERT INTO documents (id, workspace_id, kind, title, tags, status, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?)`,
    );
    this.byId = db.prepare(
      // A document in the trash, or in a workspace in the trash, does not exist for the API.
      `SELECT d.* FROM documents d JOIN workspaces w ON w.id = d.workspace_id
        WHERE d.id = ? AND d.deleted_at IS NULL AND w.deleted_at IS NULL`,
    );
    this.inWorkspace = db.prepare('SELECT * FROM documents WHERE workspace_id = ? AND deleted_at IS NULL AND archived_at IS NULL ORDER BY updated_at DESC, id');
    this.ofKind = db.prepare('SELECT * FROM documents WHERE workspace_id = ? AND kind = ? AND deleted_at IS NULL AND archived_at IS NULL ORDER BY updated_at DESC, id');
    this.update = db.prepare('UPDATE documents SET title = ?, tags = ?, status = ?, updated_at = ? WHERE id = ?');
    this.touchStmt = db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?');
    this.countStmt = db.prepare('SELECT COUNT(*) FROM documents WHERE workspace_id = ?').pluck();
  }

  /** How many documents the workspace holds (its quota counts them). */
  async count(workspaceId: string): Promise<number> {
    return this.countStmt.get(workspaceId) as number;
  }

  /** The content changed (an edit on the sync socket). */
  touch(id: string, at: string): void {
    this.touchStmt.run(at, id);
  }

  create(input: { workspaceId: string; kind: DocumentKind; title: string; tags: string[]; createdBy: string }): DocumentMeta {
    const id = newId();
    const now = new Date().toISOString();
    this.insert.run(id, input.workspaceId, input.kind, input.title, JSON.stringify(input.tags), input.createdBy, now, now);
    return toMeta(this.byId.get(id) as DocumentRow);
  }

  find(id: string): DocumentMeta | undefined {
    const row = this.byId.get(id) as DocumentRow | undefined;
    return row && toMeta(row);
  }

  list(workspaceId: string, kind?: DocumentKind): DocumentMeta[] {
    const rows = (kind ? this.ofKind.all(workspaceId, kind) : this.inWorkspace.all(workspaceId)) as DocumentRow[];
    return rows.map(toMeta);
  }

  /** Applies the given fields; returns the document as it is now. */
  patch(id: string, changes: { title?: string; tags?: string[]; status?: DocumentStatus }): DocumentMeta {
    const current = this.find(id)!;
    const next: DocumentMeta = {
      ...current,
      title: changes.title ?? current.title,
      tags: changes.tags ?? current.tags,
      status: changes.status ?? current.status,
      updatedAt: new Date().toISOString(),
    };
    this.update.run(next.title, JSON.stringify(next.tags), next.status, next.updatedAt, id);
    return next;
  }
}
