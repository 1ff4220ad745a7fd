import { Hono } from 'hono';
import * as Y from 'yjs';
import { readHonestBoard, votesHidden, type HonestBoard } from '../../shared/board';
import type { WithCurrentDoc } from '../documents/current-doc';
import type { Access, AppEnv } from '../http/access';
import { AppError } from '../http/errors';
import type { Logger } from '../log';
import { BallotBox, type VotersOf } from './ballot-box';

export interface VoteRouteDeps {
  access: Access;
  ballots: BallotBox;
  votersOf: VotersOf;
  withCurrentDoc: WithCurrentDoc;
  log: Logger;
}

/** `GET /api/documents/:did/votes`: see `voteRoutes`. */
export interface VotesAnswer {
  hidden: boolean;
  votesPerPerson: number;
  /** card id → the caller's own dots on it (their ballot where it has an entry) */
  mine: Record<string, number>;
  /** card id → honest count; null for everyone but owners while the votes are hidden */
  totals: Record<string, number> | null;
}

function totalsOf(board: HonestBoard): Record<string, number> {
  return Object.fromEntries(board.columns.flatMap((c) => c.cards.map((card) => [card.id, card.votes])));
}

/**
 * The votes on a board, as the caller may know them. While hidden, owners (the facilitators)
 * get the honest totals with every ballot counted; everyone else only their own dots — the
 * same line the sync socket draws. `DELETE` ("Stemmen wissen", owners) clears every public
 * vote and every ballot, which no socket could do: nobody writes into someone else's ballot.
 */
export function voteRoutes({ access, ballots, votersOf, withCurrentDoc, log }: VoteRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api/documents/:did/votes', access.requireDocument(), async (c) => {
    const { user, document, role } = c.var;
    if (document.kind !== 'board') throw new AppError(409, 'not_a_board', 'Only a board has votes.');
    const voters = await votersOf(document.workspaceId);
    // Only owners' answers need everyone's ballots; anyone else's needs only their own.
    const all = role === 'owner' ? await ballots.read(document.id, document.workspaceId) : new Map([[user.id, await ballots.readOne(document.id, user.id)]]);
    const answer = await withCurrentDoc(document.id, (doc): VotesAnswer => {
      const hidden = votesHidden(doc);
      const counted = BallotBox.overlay(doc, all);
      try {
        const board = readHonestBoard(counted, voters);
        return {
          hidden,
          votesPerPerson: board.votesPerPerson,
          mine: Object.fromEntries(ownVotes(counted, user.id)),
          totals: hidden && role !== 'owner' ? null : totalsOf(board),
        };
      } finally {
        counted.destroy();
      }
    });
    return c.json(answer);
  });

  app.delete('/api/documents/:did/votes', access.requireDocument('owner'), async (c) => {
    const { user, document } = c.var;
    if (document.kind !== 'board') throw new AppError(409, 'not_a_board', 'Only a board has votes.');
    await ballots.clearAll(document.id, document.workspaceId);
    log.info({ event: 'board.votes_cleared', boardId: document.id, userId: user.id }, 'votes cleared');
    return c.body(null, 204);
  });

  return app;
}

/** The caller's own entries on the (overlaid) board. */
function* ownVotes(doc: Y.Doc, userId: string): Generator<[string, number]> {
  for (const [cardId, card] of doc.getMap<unknown>('cards').entries()) {
    const votes: unknown = card instanceof Y.Map ? card.get('votes') : null;
    const n: unknown = votes instanceof Y.Map ? votes.get(userId) : 0;
    if (typeof n === 'number' && Number.isInteger(n) && n > 0) yield [cardId, n];
  }
}
