import type * as Y from 'yjs';
import { BALLOT_ROOM, votesHidden } from '../../shared/board';
import { CloseCode } from '../../shared/protocol';
import type { Logger } from '../log';
import { Connection } from '../sync/connection';
import type { SyncExtension } from '../sync/extensions';
import type { Room } from '../sync/room';
import type { RoomRegistry } from '../sync/rooms';
import type { SideRoom } from '../sync/socket-route';
import { ballotRoomId, parseBallotRoomId, type BallotBox } from './ballot-box';
import { checkBallotUpdate } from './ballot-rules';

/**
 * `/sync/:boardId/ballot`: the signed-in person's own ballot on a board, whatever they
 * ask for — the room is named by the server from the authenticated user, so nobody can
 * open (or even name) someone else's.
 */
export const ballotSideRoom: SideRoom = {
  name: BALLOT_ROOM,
  open(boardId, identity) {
    if (identity.documentKind !== 'board') return null;
    return { roomId: ballotRoomId(boardId, identity.user.id), identity: { ...identity, documentKind: 'ballot' } };
  },
};

/**
 * Hidden voting on the sync path. A ballot room keeps its board loaded (the ballot's rules
 * read the board's lock, allowance and cards); each ballot update is checked against the
 * board; and ballots reach the board's public votes whenever the votes are not hidden:
 * for every voter when the facilitator reveals, and for one ballot when it is written or
 * opened after the reveal (a reveal that crossed an in-flight vote, or a server that
 * stopped halfway, is made good the next time that person's ballot is touched).
 */
export function ballotExtension(rooms: RoomRegistry, box: BallotBox, log: Logger): SyncExtension {
  const watched = new WeakSet<Y.Doc>();
  // One hold per ballot room id, however its loads and unloads interleave.
  const holding = new Set<string>();

  // Deferred: never inside the commit or join that triggered it (its own update goes out first).
  const foldOne = (ballot: Room) =>
    setImmediate(() => {
      const ids = parseBallotRoomId(ballot.id);
      const board = ids && rooms.loaded(ids.boardId);
      if (!ids || !board || rooms.loaded(ballot.id) !== ballot || votesHidden(board.doc)) return;
      box.fold(board, ballot, ids.userId);
    });

  /** The facilitator's reveal, seen where it arrived from their socket (other instances get the result). */
  const watchReveal = (board: Room) => {
    if (watched.has(board.doc)) return;
    watched.add(board.doc);
    board.doc.getMap<unknown>('meta').observe((event, tr) => {
      const change = event.changes.keys.get('votesHidden');
      if (!change || change.oldValue !== true || votesHidden(board.doc)) return;
      const workspaceId = tr.origin instanceof Connection ? tr.origin.identity.workspaceId : null;
      if (!workspaceId) return;
      // After this transaction: the reveal is queued for storage before the votes it shows.
      setImmediate(() => {
        box.foldAll(board.id, workspaceId).catch((err: unknown) => log.error({ event: 'board.fold_failed', boardId: board.id, err }, 'could not reveal votes'));
      });
    });
  };

  return {
    name: 'ballots',
    async beforeLoad(documentId) {
      const ids = parseBallotRoomId(documentId);
      if (!ids || holding.has(documentId)) return;
      holding.add(documentId);
      await rooms.hold(ids.boardId).catch((err: unknown) => {
        holding.delete(documentId);
        throw err;
      });
    },
    onUnload(room) {
      const ids = parseBallotRoomId(room.id);
      if (ids && holding.delete(room.id)) rooms.unhold(ids.boardId);
    },
    onJoin(conn, room) {
      if (conn.identity.documentKind === 'board') watchReveal(room);
      if (conn.identity.documentKind === 'ballot') foldOne(room);
    },
    beforeApplyUpdate({ conn, room, update }) {
      if (conn.identity.documentKind !== 'ballot') return null;
      const ids = parseBallotRoomId(room.id);
      const board = ids && rooms.loaded(ids.boardId);
      if (!board) return { kind: 'ballot_rule', reason: 'the board is not loaded', close: CloseCode.internalError };
      const { user, role } = conn.identity;
      const problem = checkBallotUpdate(room.doc, update, board.doc, { userId: user.id, isOwner: role === 'owner' });
      return problem ? { kind: 'ballot_rule', reason: `ballot rule: ${problem}`, close: CloseCode.forbidden } : null;
    },
    afterCommit(room, _update, origin) {
      if (origin?.identity.documentKind === 'ballot') foldOne(room);
    },
  };
}
