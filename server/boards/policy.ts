import * as Y from 'yjs';
import { readVotesPerPerson, votesHidden } from '../../shared/board';
import type { BoardRuleCode } from '../../shared/board-rules';
import type { UpdateInspection } from '../sync/update-inspection';

/** Who is writing: board writers are participants and up; owners are the facilitators. */
export interface BoardWriter {
  userId: string;
  isOwner: boolean;
}

/** A broken rule: its code goes to the client, the reason (English, for people reading logs) to the log. */
export interface BoardProblem {
  code: BoardRuleCode;
  reason: string;
}

const refuse = (code: BoardRuleCode, reason: string): BoardProblem => ({ code, reason });

/**
 * The board rules of CONTRACT §3, checked on a dry run of one update against the live
 * board (nothing is applied here): only owners change `meta` and `columns`; while locked
 * only owners change anything; a new card's `authorId` is the writer; only a card's author
 * (or an owner) edits or deletes it; a writer changes only their own entry in `votes`, as a
 * whole non-negative number, within `votesPerPerson` in total, and nobody while the votes
 * are hidden (they go on the ballot, ballot-rules.ts). Returns the rule broken, or
 * null. Pure: reads `doc` and the inspection, changes neither.
 */
export function checkBoardUpdate(doc: Y.Doc, dry: UpdateInspection, writer: BoardWriter): BoardProblem | null {
  const cards = doc.getMap<unknown>('cards');
  const authorOf = (cardId: string): unknown => {
    const card = cards.get(cardId);
    return card instanceof Y.Map ? card.get('authorId') : undefined;
  };
  const mayEdit = (cardId: string) => writer.isOwner || newCards.has(cardId) || authorOf(cardId) === writer.userId;
  const newCards = new Set<string>();
  const deletedCards = new Set<string>();
  const ownVotes = new Map<string, number>();

  const hidden = votesHidden(doc);
  if (!writer.isOwner && doc.getMap('meta').get('locked') === true && (dry.inserted.length > 0 || dry.deleteRanges.length > 0)) {
    return refuse('locked', 'the board is locked');
  }
  // Cards first: a card's fields may come before the card itself in the update.
  for (const item of dry.inserted) {
    const path = dry.pathOf(item);
    if (path.length === 2 && path[0] === 'cards') {
      const cardId = path[1]!;
      if (!(item.content instanceof Y.ContentType)) return refuse('malformed', 'a card must be a map');
      if (cards.has(cardId) && !mayEdit(cardId)) return refuse('not_author', "only its author replaces someone's card");
      newCards.add(cardId);
    }
  }
  for (const item of dry.deletedItems()) {
    const path = dry.pathOf(item);
    if (path.length === 2 && path[0] === 'cards') {
      if (!mayEdit(path[1]!)) return refuse('not_author', 'only its author or the facilitator deletes a card');
      deletedCards.add(path[1]!);
    }
  }
  for (const item of dry.inserted) {
    const problem = checkInsert(dry.pathOf(item), item);
    if (problem) return problem;
  }
  for (const item of dry.deletedItems()) {
    const path = dry.pathOf(item);
    if (path[0] !== 'cards') {
      if (!writer.isOwner) return refuse('facilitator_only', `only the facilitator changes ${describe(path[0])}`);
      continue;
    }
    const cardId = path[1]!;
    if (path.length === 2 || deletedCards.has(cardId)) continue;
    if (path.length === 4 && path[2] === 'votes') {
      if (!writer.isOwner && path[3] !== writer.userId) return refuse('not_own_vote', 'a vote can only be taken back by whoever cast it');
      if (!ownVotes.has(cardId) && path[3] === writer.userId) ownVotes.set(cardId, 0);
      continue;
    }
    if (!mayEdit(cardId)) return refuse('not_author', 'only its author or the facilitator edits a card');
  }
  return checkAllowance();

  function checkInsert(path: string[], item: Y.Item): BoardProblem | null {
    if (path[0] !== 'cards') return writer.isOwner ? null : refuse('facilitator_only', `only the facilitator changes ${describe(path[0])}`);
    if (path.length === 2) return null;
    const cardId = path[1]!;
    const field = path[2]!;
    if (path.length === 3) {
      if (field === 'authorId' && newCards.has(cardId)) {
        return valueOf(item) === writer.userId ? null : refuse('wrong_author', "a new card's author must be whoever adds it");
      }
      if (!mayEdit(cardId)) return refuse('not_author', 'only its author or the facilitator edits a card');
      if (field === 'authorId' && !writer.isOwner) return refuse('wrong_author', "a card's author cannot be changed");
      if (field === 'votes' && !writer.isOwner && !newCards.has(cardId) && cards.get(cardId) instanceof Y.Map) {
        const existing = (cards.get(cardId) as Y.Map<unknown>).get('votes');
        if (existing instanceof Y.Map) return refuse('facilitator_only', "only the facilitator replaces a card's votes");
      }
      return null;
    }
    if (path.length === 4 && field === 'votes') {
      const voter = path[3]!;
      if (!writer.isOwner && voter !== writer.userId) return refuse('not_own_vote', "a vote can only be cast under one's own name");
      // A value set and replaced within the update arrives already deleted: it carries nothing.
      if (item.content instanceof Y.ContentDeleted) return null;
      // Hidden voting: nobody's vote may show on the board until the reveal (shared/board.ts).
      if (hidden) return refuse('votes_hidden', 'while votes are hidden a vote goes on the ballot');
      const value = valueOf(item);
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return refuse('bad_vote', 'a vote must be a whole number');
      if (voter === writer.userId) ownVotes.set(cardId, value);
      return null;
    }
    return writer.isOwner ? null : refuse('facilitator_only', 'only the facilitator changes the inside of a card field');
  }

  function checkAllowance(): BoardProblem | null {
    if (ownVotes.size === 0) return null;
    let total = 0;
    for (const [cardId, card] of cards.entries()) {
      if (deletedCards.has(cardId) || ownVotes.has(cardId) || !(card instanceof Y.Map)) continue;
      const votes: unknown = card.get('votes');
      const n: unknown = votes instanceof Y.Map ? votes.get(writer.userId) : 0;
      if (typeof n === 'number' && Number.isInteger(n) && n > 0) total += n;
    }
    for (const [cardId, n] of ownVotes) if (!deletedCards.has(cardId)) total += n;
    return total > readVotesPerPerson(doc) ? refuse('over_allowance', 'more votes than the allowance') : null;
  }
}

function valueOf(item: Y.Item): unknown {
  return item.content instanceof Y.ContentAny ? item.content.getContent()[0] : undefined;
}

function describe(root: string | undefined): string {
  if (root === 'meta') return 'the board settings';
  if (root === 'columns') return 'the columns';
  return 'this part of the board';
}
