import type { Selectable } from 'kysely';
import type { DocumentKind, DocumentMeta, DocumentStatus } from '../../shared/api';
import { newId } from '../auth/tokens';
import type { Db } from '../storage/sql/open-sql';
import type { DocumentsTable } from '../storage/sql/tables';

type DocumentRow = Selectable<DocumentsTable>;

function toMeta(row: DocumentRow): DocumentMeta {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind as DocumentKind,
    title: row.title,
    tags: JSON.parse(row.tags) as string[],
    status: row.status as DocumentStatus,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at ?? null,
  };
}

/** Document metadata; the content itself lives in the update log (server/storage). */
export class DocumentRepository {
  constructor(private readonly db: Db) {}

  /** How many documents the workspace holds (its quota counts them). */
  async count(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The content changed (an edit on the sync socket). */
  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('documents').set({ updated_at: at }).where('id', '=', id).execute();
  }

  async create(input: { workspaceId: string; kind: DocumentKind; title: string; tags: string[]; createdBy: string }): Promise<DocumentMeta> {
    const now = new Date().toISOString();
    const row = await this.db
      .insertInto('documents')
      .values({
        id: newId(),
        workspace_id: input.workspaceId,
        kind: input.kind,
        title: input.title,
        tags: JSON.stringify(input.tags),
        status: 'draft',
        created_by: input.createdBy,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toMeta(row);
  }

  /** A document in the trash, or in a workspace in the trash, does not exist for the API. */
  async find(id: string): Promise<DocumentMeta | undefined> {
    const row = await this.db
      .selectFrom('documents as d')
      .innerJoin('workspaces as w', 'w.id', 'd.workspace_id')
      .selectAll('d')
      .where('d.id', '=', id)
      .where('d.deleted_at', 'is', null)
      .where('w.deleted_at', 'is', null)
      .executeTakeFirst();
    return row && toMeta(row);
  }

  /** Live documents (not in the trash or the archive), most recently changed first. */
  async list(workspaceId: string, kind?: DocumentKind): Promise<DocumentMeta[]> {
    let query = this.db
      .selectFrom('documents')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('deleted_at', 'is', null)
      .where('archived_at', 'is', null);
    if (kind) query = query.where('kind', '=', kind);
    const rows = await query.orderBy('updated_at', 'desc').orderBy('id').execute();
    return rows.map(toMeta);
  }

  /**
   * Applies the given fields in one statement (a concurrent patch of another field is not
   * overwritten) and returns the document as it is now, or undefined when it is gone.
   */
  async patch(id: string, changes: { title?: string; tags?: string[]; status?: DocumentStatus }): Promise<DocumentMeta | undefined> {
    const row = await this.db
      .updateTable('documents')
      .set({
        ...(changes.title !== undefined && { title: changes.title }),
        ...(changes.tags !== undefined && { tags: JSON.stringify(changes.tags) }),
        ...(changes.status !== undefined && { status: changes.status }),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toMeta(row);
  }
}
