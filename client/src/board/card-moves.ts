/**
 * Where a card lands, worked out from the board as the person sees it (columns in board
 * order, cards in their arranged order) and turned into one `moveCard` call.
 */
import type * as Y from 'yjs';
import { moveCard } from './board-doc';
import { compareOrder, type CardView, type ColumnView } from './board-view';
import { orderAt } from './card-order';

/** The column's cards in their arranged order (the view may be ranked by votes instead). */
export function arranged(column: ColumnView): CardView[] {
  return [...column.cards].sort(compareOrder);
}

/** Puts the card at `index` of `target`'s arranged cards (counted without the card itself). */
export function placeCard(doc: Y.Doc, cardId: string, target: ColumnView, index: number): void {
  const others = arranged(target).filter((c) => c.id !== cardId);
  const at = Math.max(0, Math.min(index, others.length));
  moveCard(doc, cardId, target.id, orderAt(others.map((c) => c.order), at));
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/** Alt + arrow: one place up or down, or to the end of the neighbouring column. Returns where it went. */
export function moveByKey(doc: Y.Doc, columns: ColumnView[], cardId: string, direction: Direction): { column: ColumnView; index: number } | null {
  const ci = columns.findIndex((col) => col.cards.some((c) => c.id === cardId));
  if (ci < 0) return null;
  const column = columns[ci]!;
  const index = arranged(column).findIndex((c) => c.id === cardId);
  if (direction === 'up' || direction === 'down') {
    const next = direction === 'up' ? index - 1 : index + 1;
    if (next < 0 || next >= column.cards.length) return null;
    placeCard(doc, cardId, column, next);
    return { column, index: next };
  }
  const target = columns[direction === 'left' ? ci - 1 : ci + 1];
  if (!target) return null;
  placeCard(doc, cardId, target, target.cards.length);
  return { column: target, index: target.cards.length };
}

/** Drop target ids: a card's id, or `column:<id>` for a column's empty space. */
export const columnDropId = (columnId: string) => `column:${columnId}`;

/** A drag ended over `overId`: move the card there. Dropping on a card takes that card's place. */
export function dropCard(doc: Y.Doc, columns: ColumnView[], cardId: string, overId: string): void {
  if (overId === cardId) return;
  if (overId.startsWith('column:')) {
    const target = columns.find((c) => columnDropId(c.id) === overId);
    if (target) placeCard(doc, cardId, target, target.cards.length);
    return;
  }
  const target = columns.find((col) => col.cards.some((c) => c.id === overId));
  if (!target) return;
  const order = arranged(target);
  const overIndex = order.findIndex((c) => c.id === overId);
  // placeCard counts without the moved card, so this lands before the card dropped on when
  // coming from below it or from another column, and after it when coming from above it:
  // what sortable lists do.
  placeCard(doc, cardId, target, overIndex);
}

/** Drop target of a card's cluster zone: dropping there groups the dragged card with it. */
export const groupDropId = (cardId: string) => `group:${cardId}`;
