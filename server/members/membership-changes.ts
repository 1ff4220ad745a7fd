import type { Role } from '../../shared/roles';
import type { UserRow } from '../auth/users';
import { actorOf, type Emit } from '../events/emit';
import { AppError, notFound } from '../http/errors';
import type { Logger } from '../log';
import { LastOwnerError, type MemberRepository } from '../workspaces/members';

export interface MembershipChangeDeps {
  log: Logger;
  members: MemberRepository;
  emit: Emit;
  /** A member's role changed (null: removed); open sockets must follow at once. */
  onMembershipChange?(workspaceId: string, userId: string, role: Role | null): void;
}

export function lastOwner(): AppError {
  return new AppError(409, 'last_owner', 'A workspace needs at least one owner; make someone else owner first.');
}

/**
 * Changes a member's role, or removes them (role null): stored, logged, announced to their
 * open sockets on every instance, and emitted as a domain event. `left` marks someone
 * removing themself. A workspace always keeps an owner (409 last_owner).
 */
export async function changeMember(
  { log, members, emit, onMembershipChange }: MembershipChangeDeps,
  change: { workspaceId: string; actor: UserRow; userId: string; role: Role | null; left?: boolean },
): Promise<void> {
  const { workspaceId, actor, userId, role } = change;
  let before: Role | undefined;
  try {
    before = await members.change(workspaceId, userId, role);
  } catch (err) {
    if (err instanceof LastOwnerError) throw lastOwner();
    throw err;
  }
  if (!before) throw notFound('member');
  log.info({ event: 'member.changed', workspaceId, userId, actorId: actor.id, from: before, to: role }, 'membership changed');
  onMembershipChange?.(workspaceId, userId, role);
  const base = { workspaceId, actor: actorOf(actor), subject: userId };
  if (role === null) emit({ ...base, type: change.left ? 'member.left' : 'member.removed' });
  else if (role !== before) emit({ ...base, type: 'member.role_changed', data: { from: before, to: role } });
}
