import * as Y from 'yjs';
import { BALLOT_VOTES, readBallot } from '../../shared/board';
import type { Logger } from '../log';
import type { DocumentStore } from '../storage/document-store';
import { withStoredDoc } from '../storage/stored-doc';
import type { RoomRegistry } from '../sync/rooms';
import type { Room } from '../sync/room';

/** Origin of the server's own writes to boards and ballots: stored and broadcast like any edit. */
export const BALLOT_ORIGIN = Symbol('ballot-box');

/** Who has a say on a board (boardVoterIds): only their ballots are read. */
export type VotersOf = (workspaceId: string) => Set<string> | Promise<Set<string>>;

/** An owner's export of a board counts this copy (BallotBox.ownerView); null: the board itself. */
export type OwnerBoardView = (board: { id: string; workspaceId: string }) => Promise<Y.Doc | null>;

/** person id → (card id → their whole vote count on that card) */
export type Ballots = Map<string, Map<string, number>>;

/**
 * Ballots live in the document store as documents of their own, one per (board, person),
 * under an id no document can have (`~` is outside DOCUMENT_ID_PATTERN). They reach the
 * board only through here: on reveal (fold) and when the facilitator clears the votes.
 */
export function ballotRoomId(boardId: string, userId: string): string {
  return `${boardId}~ballot~${userId}`;
}

export function parseBallotRoomId(roomId: string): { boardId: string; userId: string } | null {
  const parts = roomId.split('~');
  return parts.length === 3 && parts[1] === 'ballot' ? { boardId: parts[0]!, userId: parts[2]! } : null;
}

export class BallotBox {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly store: DocumentStore,
    private readonly votersOf: VotersOf,
    private readonly log: Logger,
  ) {}

  /** Every voter's ballot entries on the board; empty ballots left out. */
  async read(boardId: string, workspaceId: string): Promise<Ballots> {
    const ballots: Ballots = new Map();
    for (const userId of await this.votersOf(workspaceId)) {
      const entries = await this.readOne(boardId, userId);
      if (entries.size > 0) ballots.set(userId, entries);
    }
    return ballots;
  }

  /** One person's ballot entries: the live room's when it is loaded here, else storage's. */
  async readOne(boardId: string, userId: string): Promise<Map<string, number>> {
    const id = ballotRoomId(boardId, userId);
    const room = this.rooms.loaded(id);
    return room ? readBallot(room.doc) : withStoredDoc(this.store, id, readBallot);
  }

  /** Reveal: every ballot of the board goes into the board's public votes, then is emptied. */
  async foldAll(boardId: string, workspaceId: string): Promise<number> {
    const ballots = await this.read(boardId, workspaceId);
    await this.withRooms(boardId, [...ballots.keys()], (board, rooms) => {
      for (const [userId, ballot] of rooms) this.fold(board, ballot, userId);
    });
    if (ballots.size > 0) this.log.info({ event: 'board.ballots_folded', boardId, ballots: ballots.size }, 'hidden votes revealed');
    return ballots.size;
  }

  /** One ballot into the board's public votes (set, never added: folding twice changes nothing). */
  fold(board: Room, ballot: Room, userId: string): void {
    const entries = readBallot(ballot.doc);
    if (entries.size === 0) return;
    const cards = board.doc.getMap<unknown>('cards');
    board.doc.transact(() => {
      for (const [cardId, n] of entries) {
        const card = cards.get(cardId);
        if (!(card instanceof Y.Map)) continue;
        let votes: unknown = card.get('votes');
        if (!(votes instanceof Y.Map)) card.set('votes', (votes = new Y.Map<unknown>()));
        const map = votes as Y.Map<unknown>;
        if (n > 0 && map.get(userId) !== n) map.set(userId, n);
        else if (n === 0 && map.has(userId)) map.delete(userId);
      }
    }, BALLOT_ORIGIN);
    empty(ballot.doc, entries.keys());
  }

  /** "Stemmen wissen": every public vote on the board and every ballot, gone. */
  async clearAll(boardId: string, workspaceId: string): Promise<void> {
    const ballots = await this.read(boardId, workspaceId);
    await this.withRooms(boardId, [...ballots.keys()], (board, rooms) => {
      board.doc.transact(() => {
        for (const card of board.doc.getMap<unknown>('cards').values()) {
          const votes: unknown = card instanceof Y.Map ? card.get('votes') : null;
          if (votes instanceof Y.Map && votes.size > 0) votes.clear();
        }
      }, BALLOT_ORIGIN);
      for (const [, ballot] of rooms) empty(ballot.doc, readBallot(ballot.doc).keys());
    });
  }

  /**
   * What an owner's export counts: a copy of the board with every ballot applied, or null
   * when there are none (the board as it stands then). Everyone else's export reads the
   * board itself: only revealed votes. The caller destroys the copy.
   */
  async ownerView(boardId: string, workspaceId: string, withDoc: <T>(id: string, use: (doc: Y.Doc) => T) => Promise<T>): Promise<Y.Doc | null> {
    const ballots = await this.read(boardId, workspaceId);
    return ballots.size === 0 ? null : withDoc(boardId, (doc) => BallotBox.overlay(doc, ballots));
  }

  /** The board as its owners see it while votes are hidden: a copy with every ballot applied. */
  static overlay(board: Y.Doc, ballots: Ballots): Y.Doc {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(board));
    const cards = copy.getMap<unknown>('cards');
    copy.transact(() => {
      for (const [userId, entries] of ballots) {
        for (const [cardId, n] of entries) {
          const card = cards.get(cardId);
          if (!(card instanceof Y.Map)) continue;
          let votes: unknown = card.get('votes');
          if (!(votes instanceof Y.Map)) card.set('votes', (votes = new Y.Map<unknown>()));
          (votes as Y.Map<unknown>).set(userId, n);
        }
      }
    });
    return copy;
  }

  /** Loads the board and the given ballots as rooms (stored and relayed like any edit), then lets go. */
  private async withRooms(boardId: string, userIds: string[], use: (board: Room, ballots: Map<string, Room>) => void): Promise<void> {
    const board = await this.rooms.get(boardId);
    const ballots = new Map<string, Room>();
    try {
      for (const userId of userIds) ballots.set(userId, await this.rooms.get(ballotRoomId(boardId, userId)));
      use(board, ballots);
    } finally {
      for (const room of ballots.values()) this.rooms.released(room);
      this.rooms.released(board);
    }
  }
}

function empty(ballot: Y.Doc, cardIds: Iterable<string>): void {
  const votes = ballot.getMap<unknown>(BALLOT_VOTES);
  ballot.transact(() => {
    for (const cardId of cardIds) votes.delete(cardId);
  }, BALLOT_ORIGIN);
}
