import { canWriteBoard } from '../../shared/roles';
import type { Repositories } from '../api/context';

/**
 * Whose votes count on a board: members who may write it now (participant and up). A
 * viewer's or a removed member's votes, whatever a client wrote, count for nothing.
 */
export function boardVoterIds(repos: Repositories, workspaceId: string): Set<string> {
  return new Set(repos.members.list(workspaceId).filter((m) => canWriteBoard(m.role)).map((m) => m.user.id));
}
