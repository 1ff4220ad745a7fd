import { HttpError } from '../http/errors';
import { LastOwnerError } from '../workspaces/members';
import type { Role } from '../../shared/roles';
import type { RouteContext } from '../api/context';
import { notFound } from '../api/access';

/**
 * Changes a member's role, or removes them (role null): stored, logged, announced to their
 * open sockets on every instance, and recorded as a domain event. `left` marks someone
 * removing themself. A workspace always keeps an owner (409 last_owner).
 */
export function changeMember(
  { deps, repos }: Pick<RouteContext, 'deps' | 'repos'>,
  change: { workspaceId: string; actorId: string; userId: string; role: Role | null; left?: boolean },
): void {
  const { workspaceId, actorId, userId, role } = change;
  const before = repos.members.role(workspaceId, userId);
  if (!before) throw notFound('member');
  try {
    repos.members.change(workspaceId, userId, role);
  } catch (err) {
    if (err instanceof LastOwnerError) throw lastOwner();
    throw err;
  }
  deps.log.info({ event: 'member.changed', workspaceId, userId, actorId, from: before, to: role }, 'membership changed');
  deps.onMembershipChange?.(workspaceId, userId, role);
  if (role === null) deps.onEvent?.({ type: change.left ? 'member.left' : 'member.removed', workspaceId, actorId, userId });
  else if (role !== before) deps.onEvent?.({ type: 'member.role_changed', workspaceId, actorId, userId, from: before, to: role });
}

export function lastOwner(): HttpError {
  return new HttpError(409, 'last_owner', 'A workspace needs at least one owner; make someone else owner first.');
}
