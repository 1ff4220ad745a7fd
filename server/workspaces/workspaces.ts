import type { Db } from '../storage/sql/open-sql';
import type { Role } from '../../shared/roles';
import type { Workspace } from '../../shared/api';
import { newId } from '../auth/tokens';

interface WorkspaceRow {
  id: string;
  name: string;
  description: string;
  created_at: string;
  role: string;
}

function toWorkspace(row: WorkspaceRow): Workspace {
  // The members table's CHECK constraint admits only the five roles.
  return { id: row.id, name: row.name, description: row.description, role: row.role as Role, createdAt: row.created_at };
}

/** Workspaces, always read through a membership: a workspace is only ever seen by its members. */
export class WorkspaceRepository {
  constructor(private readonly db: Db) {}

  /** Creates a workspace with its creator as owner, in one transaction. */
  async create(input: { name: string; description: string; ownerId: string }): Promise<Workspace> {
    const id = newId();
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('workspaces').values({ id, name: input.name, description: input.description, created_by: input.ownerId, created_at: now }).execute();
      await trx.insertInto('members').values({ workspace_id: id, user_id: input.ownerId, role: 'owner', joined_at: now }).execute();
    });
    return { id, name: input.name, description: input.description, role: 'owner', createdAt: now };
  }

  /** The workspace as `userId` sees it, or undefined when it does not exist, is in the trash, or they are not a member. */
  async findForMember(workspaceId: string, userId: string): Promise<Workspace | undefined> {
    const row = await this.visibleTo(userId).where('w.id', '=', workspaceId).executeTakeFirst();
    return row && toWorkspace(row);
  }

  async listForUser(userId: string): Promise<Workspace[]> {
    const rows = await this.visibleTo(userId).orderBy('w.created_at', 'desc').orderBy('w.id').execute();
    return rows.map(toWorkspace);
  }

  private visibleTo(userId: string) {
    return this.db
      .selectFrom('workspaces as w')
      .innerJoin('members as m', 'm.workspace_id', 'w.id')
      .select(['w.id', 'w.name', 'w.description', 'w.created_at', 'm.role'])
      .where('m.user_id', '=', userId)
      .where('w.deleted_at', 'is', null);
  }
}
