import { sql } from 'kysely';
import type { Db } from '../storage/sql/open-sql';
import type { Role } from '../../shared/roles';
import type { Member } from '../../shared/api';
import { colorForUser } from '../auth/user-color';
import { lockWorkspaces } from './owner-lock';

export class LastOwnerError extends Error {}

/** Strongest role first (the members list's order). */
const ROLE_ORDER = sql<number>`case m.role when 'owner' then 0 when 'editor' then 1 when 'participant' then 2 when 'commenter' then 3 else 4 end`;

/** Who belongs to which workspace, in which role. */
export class MemberRepository {
  constructor(private readonly db: Db) {}

  async role(workspaceId: string, userId: string): Promise<Role | undefined> {
    const row = await this.db.selectFrom('members').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
    // The members table's CHECK constraint admits only the five roles.
    return row?.role as Role | undefined;
  }

  async list(workspaceId: string): Promise<Member[]> {
    const rows = await this.db
      .selectFrom('members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.name', 'u.organization', 'm.role'])
      .where('m.workspace_id', '=', workspaceId)
      .orderBy(ROLE_ORDER)
      .orderBy(sql`lower(u.name)`)
      .orderBy('u.id')
      .execute();
    return rows.map((r) => ({
      user: { id: r.id, name: r.name, organization: r.organization, color: colorForUser(r.id) },
      role: r.role as Role,
    }));
  }

  async userIds(workspaceId: string): Promise<Set<string>> {
    const rows = await this.db.selectFrom('members').select('user_id').where('workspace_id', '=', workspaceId).execute();
    return new Set(rows.map((r) => r.user_id));
  }

  /** Adds a member; someone who already belongs keeps the role they have. Returns the role in force. */
  async add(workspaceId: string, userId: string, role: Role): Promise<{ role: Role; joined: boolean }> {
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('members')
        .values({ workspace_id: workspaceId, user_id: userId, role, joined_at: new Date().toISOString() })
        .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doNothing())
        .returning('role')
        .executeTakeFirst();
      if (inserted) return { role, joined: true };
      const existing = await trx.selectFrom('members').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirstOrThrow();
      return { role: existing.role as Role, joined: false };
    });
  }

  /**
   * Changes a role (or removes the member when `role` is null). A workspace always keeps
   * an owner: demoting or removing the last one throws LastOwnerError. The workspace is
   * locked first (owner-lock.ts), so two owners demoting each other at once cannot both
   * succeed, on any number of instances. Returns the role they had before, read under the
   * lock; undefined when they are not a member (then nothing changes).
   */
  async change(workspaceId: string, userId: string, role: Role | null): Promise<Role | undefined> {
    return this.db.transaction().execute(async (trx) => {
      await lockWorkspaces(trx, [workspaceId]);
      const current = await trx.selectFrom('members').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
      if (!current) return undefined;
      if (current.role === 'owner' && role !== 'owner') {
        const { n } = await trx
          .selectFrom('members')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspaceId)
          .where('role', '=', 'owner')
          .executeTakeFirstOrThrow();
        if (Number(n) <= 1) throw new LastOwnerError();
      }
      if (role === null) await trx.deleteFrom('members').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
      else await trx.updateTable('members').set({ role }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
      return current.role as Role;
    });
  }
}
