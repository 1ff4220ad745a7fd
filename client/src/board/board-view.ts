/**
 * A plain snapshot of a board for rendering: columns in board order, each card with its
 * honest vote count (the same counting as the export, shared/board.ts), the caller's own
 * votes, and its place in the column.
 */
import * as Y from 'yjs';
import { CARD_ORDER_FIELD, compareCardAge, readBallot, readGroups, readHonestBoard, votesHidden as isHidden, type BoardCard, type BoardGroup } from '../../../shared/board';
import { cardsOf, metaOf, ownVotes, votesUsed } from './board-doc';
import { compareOrders, readOrder, type CardOrder } from './card-order';

export interface CardView extends BoardCard {
  /** fractional-indexing key; a number on boards made before keys; null when absent */
  order: CardOrder;
  myVotes: number;
}

export interface ColumnView {
  id: string;
  title: string;
  cards: CardView[];
}

export interface BoardView {
  columns: ColumnView[];
  locked: boolean;
  votesPerPerson: number;
  votesLeft: number;
  timerEndsAt: number | null;
  cardCount: number;
  /** counts are off every screen until the facilitator reveals them; own dots still show */
  votesHidden: boolean;
  groups: Map<string, BoardGroup>;
}

export function compareOrder(a: CardView, b: CardView): number {
  return compareOrders(a.order, b.order) || compareCardAge(a, b);
}

/** `ballot`: the person's hidden votes (shared/board.ts); their own dots count from it where it has an entry. */
export function readBoardView(doc: Y.Doc, memberIds: Set<string>, userId: string, byVotes: boolean, ballot: Y.Doc | null = null): BoardView {
  const honest = readHonestBoard(doc, memberIds);
  const votesHidden = isHidden(doc);
  const cards = cardsOf(doc);
  const mine = ballot ? readBallot(ballot) : new Map<string, number>();
  let cardCount = 0;
  const columns = honest.columns.map((column) => {
    const views = column.cards.map((card): CardView => {
      const map = cards.get(card.id)!;
      return { ...card, order: readOrder(map.get(CARD_ORDER_FIELD)), myVotes: mine.get(card.id) ?? ownVotes(doc, card.id, userId) };
    });
    // readHonestBoard ranks by votes already; otherwise the people's own arrangement.
    // While votes are hidden, ranking would give them away.
    if (!byVotes || votesHidden) views.sort(compareOrder);
    cardCount += views.length;
    return { id: column.id, title: column.title, cards: views };
  });
  const meta = metaOf(doc);
  const timer: unknown = meta.get('timerEndsAt');
  return {
    columns,
    locked: meta.get('locked') === true,
    votesPerPerson: honest.votesPerPerson,
    votesLeft: Math.max(0, honest.votesPerPerson - votesUsed(doc, userId, ballot)),
    timerEndsAt: typeof timer === 'number' && Number.isFinite(timer) ? timer : null,
    cardCount,
    votesHidden,
    groups: readGroups(doc),
  };
}
