import type { Transaction } from 'kysely';
import type { DocumentKind } from '../../shared/api';
import type { TemplateSummary } from '../../shared/templates';
import { newId } from '../auth/tokens';
import type { Db } from '../storage/sql/open-sql';
import type { Tables } from '../storage/sql/tables';
import { lockWorkspaces } from '../workspaces/owner-lock';

export interface SavedTemplate {
  id: string;
  workspaceId: string;
  kind: DocumentKind;
  name: string;
}

interface Row {
  id: string;
  kind: string;
  name: string;
  created_at: string;
}

async function countIn(db: Db | Transaction<Tables>, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('templates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const toSummary = (r: Row): TemplateSummary => ({ id: r.id, kind: r.kind as DocumentKind, name: r.name, builtin: false, createdAt: r.created_at });

/** Templates saved in a workspace, each with a copy of its source document's Yjs state. */
export class TemplateRepository {
  constructor(private readonly db: Db) {}

  async list(workspaceId: string): Promise<TemplateSummary[]> {
    const rows = await this.db
      .selectFrom('templates')
      .select(['id', 'kind', 'name', 'created_at'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toSummary);
  }

  count(workspaceId: string): Promise<number> {
    return countIn(this.db, workspaceId);
  }

  /**
   * Saves a template, unless the workspace already keeps `cap` of them: undefined then. The
   * count and the insert run in one transaction under the workspace's row lock (owner-lock.ts;
   * on SQLite BEGIN IMMEDIATE), so saves at the same moment, on any number of instances,
   * cannot both take the last place.
   */
  async create(
    input: { workspaceId: string; kind: DocumentKind; name: string; state: Uint8Array; createdBy: string },
    cap: number,
  ): Promise<TemplateSummary | undefined> {
    const row: Row = { id: newId(), kind: input.kind, name: input.name, created_at: new Date().toISOString() };
    return this.db.transaction().execute(async (trx) => {
      await lockWorkspaces(trx, [input.workspaceId]);
      if ((await countIn(trx, input.workspaceId)) >= cap) return undefined;
      await trx
        .insertInto('templates')
        .values({ ...row, workspace_id: input.workspaceId, state: Buffer.from(input.state), created_by: input.createdBy })
        .execute();
      return toSummary(row);
    });
  }

  async find(id: string): Promise<SavedTemplate | undefined> {
    const row = await this.db.selectFrom('templates').select(['id', 'workspace_id', 'kind', 'name']).where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, workspaceId: row.workspace_id, kind: row.kind as DocumentKind, name: row.name };
  }

  async state(id: string): Promise<Uint8Array | undefined> {
    const row = await this.db.selectFrom('templates').select('state').where('id', '=', id).executeTakeFirst();
    return row && new Uint8Array(row.state);
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('templates').where('id', '=', id).execute();
  }
}
