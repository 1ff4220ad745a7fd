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
    return problem ? { kind: 'board_rule', reason: `board rule: ${problem}`, close: CloseCode.forbidden } : null;
  },
};
