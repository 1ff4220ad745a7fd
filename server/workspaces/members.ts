import type { Database } from '../storage/db';
import type { Role } from '../../shared/roles';
import type { Member } from '../../shared/api';
import { colorForUser } from '../auth/user-color';

export class LastOwnerError extends Error {}

const ROLE_ORDER = "CASE m.role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 WHEN 'participant' THEN 2 WHEN 'commenter' THEN 3 ELSE 4 END";

/** Who belongs to which workspace, in which role. */
export class MemberRepository {
  private readonly roleOf;
  private readonly listStmt;
  private readonly ids;
  private readonly insert;
  private readonly update;
  private readonly remove;
  private readonly owners;

  constructor(private readonly db: Database) {
    this.roleOf = db.prepare('SELECT role FROM members WHERE workspace_id = ? AND user_id = ?').pluck();
    this.listStmt = db.prepare(
      `SELECT u.id, u.name, u.organization, m.role
         FROM members m JOIN users u ON u.id = m.user_id
        WHERE m.workspace_id = ?
        ORDER BY ${ROLE_ORDER}, u.name COLLATE NOCASE, u.id`,
    );
    this.ids = db.prepare('SELECT user_id FROM members WHERE workspace_id = ?').pluck();
    this.insert = db.prepare(
      'INSERT INTO members (workspace_id, user_id, role, joined_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.update = db.prepare('UPDATE members SET role = ? WHERE workspace_id = ? AND user_id = ?');
    this.remove = db.prepare('DELETE FROM members WHERE workspace_id = ? AND user_id = ?');
    this.owners = db.prepare("SELECT COUNT(*) FROM members WHERE workspace_id = ? AND role = 'owner'").pluck();
  }

  role(workspaceId: string, userId: string): Role | undefined {
    return this.roleOf.get(workspaceId, userId) as Role | undefined;
  }

  list(workspaceId: string): Member[] {
    return (this.listStmt.all(workspaceId) as { id: string; name: string; organization: string; role: Role }[]).map((r) => ({
      user: { id: r.id, name: r.name, organization: r.organization, color: colorForUser(r.id) },
      role: r.role,
    }));
  }

  userIds(workspaceId: string): Set<string> {
    return new Set(this.ids.all(workspaceId) as string[]);
  }

  /** Adds a member; someone who already belongs keeps the role they have. Returns the role in force. */
  add(workspaceId: string, userId: string, role: Role): { role: Role; joined: boolean } {
    return this.db.transaction(() => {
      const joined = this.insert.run(workspaceId, userId, role, new Date().toISOString()).changes === 1;
      return { role: this.role(workspaceId, userId)!, joined };
    })();
  }

  /**
   * Changes a role (or removes the member when `role` is null). A workspace always keeps
   * an owner: demoting or removing the last one throws LastOwnerError. Checked inside the
   * write transaction so two owners demoting each other at once cannot both succeed.
   */
  change(workspaceId: string, userId: string, role: Role | null): void {
    this.db
      .transaction(() => {
        const current = this.role(workspaceId, userId);
        if (current === 'owner' && role !== 'owner' && (this.owners.get(workspaceId) as number) <= 1) {
          throw new LastOwnerError();
        }
        if (role === null) this.remove.run(workspaceId, userId);
        else this.update.run(role, workspaceId, userId);
      })
      .immediate();
  }
}
