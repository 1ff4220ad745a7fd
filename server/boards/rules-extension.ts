import { boardRuleCloseReason } from '../../shared/board-rules';
import { CloseCode } from '../../shared/protocol';
import type { SyncExtension } from '../sync/extensions';
import { checkBoardUpdate } from './policy';

/**
 * Board rules on the sync path: every update to a board is checked on its dry run; a
 * broken rule refuses all of it and closes the socket with 4403, so the client reloads
 * from the server instead of building on a change the server never took.
 */
export const boardRules: SyncExtension = {
  name: 'board-rules',
  beforeApplyUpdate({ conn, room, inspect }) {
    if (conn.identity.documentKind !== 'board') return null;
    const { user, role } = conn.identity;
    const problem = checkBoardUpdate(room.doc, inspect(), { userId: user.id, isOwner: role === 'owner' });
    if (!problem) return null;
    // The client words the code itself; the English reason is for the logs.
    return { kind: 'board_rule', reason: boardRuleCloseReason(problem.code), detail: problem.reason, close: CloseCode.forbidden };
  },
};
