import * as Y from 'yjs';
import { BALLOT_VOTES, readBallot, readVotesPerPerson } from '../../shared/board';
import type { BoardWriter } from './policy';

/** More entries than any honest ballot needs (one per card touched); keeps a ballot small. */
export const MAX_BALLOT_ENTRIES = 1_000;
const MAX_CARD_ID_LENGTH = 128;

/**
 * The rules of a person's ballot (hidden voting, shared/board.ts), checked on a copy: the
 * ballot holds only its `votes` map of card id → whole number ≥ 0; while the board is
 * locked only owners change theirs; and the person's dots over the whole board — the
 * ballot's entry where it has one, else their entry in the card's public `votes` — stay
 * within `votesPerPerson` (or at least do not grow when they were over it already).
 * Returns what was broken, or null. Ballots are tiny, so applying to a copy is cheap and
 * judges the result rather than every way of encoding it.
 */
export function checkBallotUpdate(ballot: Y.Doc, update: Uint8Array, board: Y.Doc, writer: BoardWriter): string | null {
  if (!writer.isOwner && board.getMap('meta').get('locked') === true) return 'the board is locked';
  const next = new Y.Doc();
  try {
    Y.applyUpdate(next, Y.encodeStateAsUpdate(ballot));
    Y.applyUpdate(next, update);
    const problem = checkShape(next);
    if (problem) return problem;
    const after = dotsOnBoard(board, readBallot(next), writer.userId);
    if (after <= readVotesPerPerson(board)) return null;
    return after > dotsOnBoard(board, readBallot(ballot), writer.userId) ? 'more votes than the allowance' : null;
  } finally {
    next.destroy();
  }
}

function checkShape(next: Y.Doc): string | null {
  for (const name of next.share.keys()) if (name !== BALLOT_VOTES) return 'a ballot holds only votes';
  const votes = next.getMap<unknown>(BALLOT_VOTES);
  if (votes._start !== null) return 'a ballot holds only votes';
  let entries = 0;
  for (const [cardId, item] of votes._map) {
    if (item.deleted) continue;
    if (++entries > MAX_BALLOT_ENTRIES) return 'too many entries on a ballot';
    if (cardId.length === 0 || cardId.length > MAX_CARD_ID_LENGTH) return 'a ballot entry needs a card id';
    const value: unknown = votes.get(cardId);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return 'a vote must be a whole number';
  }
  return null;
}

/** The person's dots on the board's cards: the ballot's entry where there is one, else the public one. */
export function dotsOnBoard(board: Y.Doc, ballot: Map<string, number>, userId: string): number {
  let total = 0;
  for (const [cardId, card] of board.getMap<unknown>('cards').entries()) {
    if (!(card instanceof Y.Map)) continue;
    const own = ballot.has(cardId) ? ballot.get(cardId) : publicVotes(card, userId);
    if (typeof own === 'number' && Number.isInteger(own) && own > 0) total += own;
  }
  return total;
}

function publicVotes(card: Y.Map<unknown>, userId: string): unknown {
  const votes: unknown = card.get('votes');
  return votes instanceof Y.Map ? votes.get(userId) : 0;
}
