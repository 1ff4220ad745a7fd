/**
 * A plain snapshot of a board for rendering: columns in board order, each card with its
 * honest vote count (the same counting as the export, shared/board.ts), the caller's own
 * votes, and its place in the column.
 */
import * as Y from 'yjs';
import { CARD_ORDER_FIELD, compareCardAge, readHonestBoard, type BoardCard } from '../../../shared/board';
import { cardsOf, metaOf, ownVotes, votesUsed } from './board-doc';

export interface CardView extends BoardCard {
  order: number | null;
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
}

function compareOrder(a: CardView, b: CardView): number {
  if (a.order !== b.order) {
    if (a.order === null) return 1;
    if (b.order === null) return -1;
    return a.order - b.order;
  }
  return compareCardAge(a, b);
}

export function readBoardView(doc: Y.Doc, memberIds: Set<string>, userId: string, byVotes: boolean): BoardView {
  const honest = readHonestBoard(doc, memberIds);
  const cards = cardsOf(doc);
  let cardCount = 0;
  const columns = honest.columns.map((column) => {
    const views = column.cards.map((card): CardView => {
      const map = cards.get(card.id)!;
      const order: unknown = map.get(CARD_ORDER_FIELD);
      return { ...card, order: typeof order === 'number' && Number.isFinite(order) ? order : null, myVotes: ownVotes(map, userId) };
    });
    // readHonestBoard ranks by votes already; otherwise the people's own arrangement.
    if (!byVotes) views.sort(compareOrder);
    cardCount += views.length;
    return { id: column.id, title: column.title, cards: views };
  });
  const meta = metaOf(doc);
  const timer: unknown = meta.get('timerEndsAt');
  return {
    columns,
    locked: meta.get('locked') === true,
    votesPerPerson: honest.votesPerPerson,
    votesLeft: Math.max(0, honest.votesPerPerson - votesUsed(doc, userId)),
    timerEndsAt: typeof timer === 'number' && Number.isFinite(timer) ? timer : null,
    cardCount,
  };
}
