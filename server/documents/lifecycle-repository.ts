import { sql } from 'kysely';
import type { DocumentKind } from '../../shared/api';
import type { Dialect } from '../storage/sql/dialect';
import type { Db } from '../storage/sql/open-sql';

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
  kind: string;
  title: string;
  deleted_at: string | null;
  deleted_by: string | null;
}

const toTrashed = (r: TrashRow): TrashedDocument => ({
  id: r.id,
  workspaceId: r.workspace_id,
  kind: r.kind as DocumentKind,
  title: r.title,
  deletedAt: r.deleted_at ?? '',
  deletedBy: r.deleted_by,
});

const TRASH_COLUMNS = ['d.id', 'd.workspace_id', 'd.kind', 'd.title', 'd.deleted_at', 'd.deleted_by'] as const;

/** Trash, archive, move and purge: the states a document or workspace passes through. */
export class LifecycleRepository {
  /** `dialect` only for the purge: SQLite's search index has a table of its own (FTS5). */
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

  async trashDocument(id: string, by: string, at: string): Promise<void> {
    await this.db.updateTable('documents').set({ deleted_at: at, deleted_by: by }).where('id', '=', id).where('deleted_at', 'is', null).execute();
  }

  /** A document in the trash of a live workspace, or undefined. */
  async findTrashed(id: string): Promise<TrashedDocument | undefined> {
    const row = await this.db
      .selectFrom('documents as d')
      .innerJoin('workspaces as w', 'w.id', 'd.workspace_id')
      .select(TRASH_COLUMNS)
      .where('d.id', '=', id)
      .where('d.deleted_at', 'is not', null)
      .where('w.deleted_at', 'is', null)
      .executeTakeFirst();
    return row && toTrashed(row);
  }

  async restoreDocument(id: string): Promise<void> {
    await this.db.updateTable('documents').set({ deleted_at: null, deleted_by: null }).where('id', '=', id).execute();
  }

  async trash(workspaceId: string): Promise<TrashedDocument[]> {
    const rows = await this.db
      .selectFrom('documents as d')
      .select(TRASH_COLUMNS)
      .where('d.workspace_id', '=', workspaceId)
      .where('d.deleted_at', 'is not', null)
      .orderBy('d.deleted_at', 'desc')
      .orderBy('d.id')
      .execute();
    return rows.map(toTrashed);
  }

  async setArchived(id: string, at: string | null): Promise<void> {
    await this.db.updateTable('documents').set({ archived_at: at }).where('id', '=', id).execute();
  }

  async archived(workspaceId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('documents')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('deleted_at', 'is', null)
      .where('archived_at', 'is not', null)
      .orderBy('archived_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async moveDocument(id: string, workspaceId: string, at: string): Promise<void> {
    await this.db.updateTable('documents').set({ workspace_id: workspaceId, updated_at: at }).where('id', '=', id).execute();
  }

  async renameWorkspace(id: string, changes: { name?: string; description?: string }): Promise<void> {
    if (changes.name === undefined && changes.description === undefined) return;
    await this.db
      .updateTable('workspaces')
      .set({
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.description !== undefined && { description: changes.description }),
      })
      .where('id', '=', id)
      .execute();
  }

  async trashWorkspace(id: string, by: string, at: string): Promise<void> {
    await this.db.updateTable('workspaces').set({ deleted_at: at, deleted_by: by }).where('id', '=', id).where('deleted_at', 'is', null).execute();
  }

  /** A workspace in the trash that `userId` owns, with its name. */
  async findTrashedWorkspace(id: string, userId: string): Promise<{ id: string; name: string; deletedAt: string } | undefined> {
    const row = await this.db
      .selectFrom('workspaces as w')
      .innerJoin('members as m', (join) => join.onRef('m.workspace_id', '=', 'w.id').on('m.user_id', '=', userId).on('m.role', '=', 'owner'))
      .select(['w.id', 'w.name', 'w.deleted_at'])
      .where('w.id', '=', id)
      .where('w.deleted_at', 'is not', null)
      .executeTakeFirst();
    return row && { id: row.id, name: row.name, deletedAt: row.deleted_at ?? '' };
  }

  async restoreWorkspace(id: string): Promise<void> {
    await this.db.updateTable('workspaces').set({ deleted_at: null, deleted_by: null }).where('id', '=', id).execute();
  }

  /**
   * Deletes for good what has been in the trash since before `cutoff`: documents (their
   * update log, comments and search entries with them) and whole workspaces, in one
   * transaction. The update log is the document store's table `doc_updates`, which both
   * stores keep in this same database; comments, members, invites, images and the rest
   * go by ON DELETE CASCADE.
   */
  async purge(cutoff: string): Promise<{ documents: string[]; workspaces: string[] }> {
    return this.db.transaction().execute(async (trx) => {
      const workspaces = (await trx.selectFrom('workspaces').select('id').where('deleted_at', '<', cutoff).orderBy('id').execute()).map((r) => r.id);
      const documents = (
        await trx
          .selectFrom('documents')
          .select('id')
          .where((eb) =>
            eb.or([
              eb('deleted_at', '<', cutoff),
              eb('workspace_id', 'in', eb.selectFrom('workspaces').select('id').where('deleted_at', '<', cutoff)),
            ]),
          )
          .orderBy('id')
          .execute()
      ).map((r) => r.id);
      if (documents.length > 0) {
        await sql`DELETE FROM doc_updates WHERE doc_id IN (${sql.join(documents)})`.execute(trx);
        if (this.dialect === 'sqlite') {
          await sql`DELETE FROM search_fts WHERE rowid IN (SELECT rowid FROM search_entries WHERE document_id IN (${sql.join(documents)}))`.execute(trx);
        }
        await trx.deleteFrom('search_entries').where('document_id', 'in', documents).execute();
        await trx.deleteFrom('documents').where('id', 'in', documents).execute();
      }
      // Members, invites and the rest of a purged workspace go with it by ON DELETE CASCADE; events have no key to it.
      if (workspaces.length > 0) {
        await trx.deleteFrom('events').where('workspace_id', 'in', workspaces).execute();
        await trx.deleteFrom('workspaces').where('id', 'in', workspaces).execute();
      }
      return { documents, workspaces };
    });
  }
}
