import { canWriteBoard } from '../../shared/roles';
import type { MemberRepository } from '../workspaces/members';

/**
 * Whose votes count on a board: members who may write it now (participant and up). A
 * viewer's or a removed member's votes, whatever a client wrote, count for nothing.
 */
export async function boardVoterIds(members: MemberRepository, workspaceId: string): Promise<Set<string>> {
  return new Set((await members.list(workspaceId)).filter((m) => canWriteBoard(m.role)).map((m) => m.user.id));
}
