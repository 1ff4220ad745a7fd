import type { Database } from '../storage/db';
import type { Role } from '../../shared/roles';
import type { Workspace } from '../../shared/api';
import { newId } from '../auth/tokens';

interface WorkspaceRow {
  id: string;
  name: string;
  description: string;
  created_at: string;
  role: Role;
}

function toWorkspace(row: WorkspaceRow): Workspace {
  return { id: row.id, name: row.name, description: row.description, role: row.role, createdAt: row.created_at };
}

/** Workspaces, always read through a membership: a workspace is only ever seen by its members. */
export class WorkspaceRepository {
  private readonly insertWorkspace;
  private readonly insertOwner;
  private readonly forMember;
  private readonly allForUser;

  constructor(private readonly db: Database) {
    this.insertWorkspace = db.prepare(
      'INSERT INTO workspaces (id, name, description, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertOwner = db.prepare(
      "INSERT INTO members (workspace_id, user_id, role, joined_at) VALUES (?, ?, 'owner', ?)",
    );
    this.forMember = db.prepare(
      `SELECT w.id, w.name, w.description, w.created_at, m.role
         FROM workspaces w JOIN members m ON m.workspace_id = w.id
        WHERE w.id = ? AND m.user_id = ? AND w.deleted_at IS NULL`,
    );
    this.allForUser = db.prepare(
      `SELECT w.id, w.name, w.description, w.created_at, m.role
         FROM workspaces w JOIN members m ON m.workspace_id = w.id
        WHERE m.user_id = ? AND w.deleted_at IS NULL
        ORDER BY w.created_at DESC, w.id`,
    );
  }

  /** Creates a workspace with its creator as owner, in one transaction. */
  create(input: { name: string; description: string; ownerId: string }): Workspace {
    const id = newId();
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.insertWorkspace.run(id, input.name, input.description, input.ownerId, now);
      this.insertOwner.run(id, input.ownerId, now);
    })();
    return { id, name: input.name, description: input.description, role: 'owner', createdAt: now };
  }

  /** The workspace as `userId` sees it, or undefined when it does not exist or they are not a member. */
  findForMember(workspaceId: string, userId: string): Workspace | undefined {
    const row = this.forMember.get(workspaceId, userId) as WorkspaceRow | undefined;
    return row && toWorkspace(row);
  }

  listForUser(userId: string): Workspace[] {
    return (this.allForUser.all(userId) as WorkspaceRow[]).map(toWorkspace);
  }
}
