import type { BoardGroup } from '../../../shared/board';
import type { CardView, ColumnView } from './board-view';

export type ColumnItem =
  | { kind: 'card'; card: CardView }
  | { kind: 'group'; group: BoardGroup; cards: CardView[]; votes: number; myVotes: number };

/**
 * A column as shown: cards in the column's order, each cluster once, where its first card
 * is, holding all its cards. Cluster votes are the sum of its cards' honest votes.
 */
export function columnItems(column: ColumnView, groups: Map<string, BoardGroup>): ColumnItem[] {
  const items: ColumnItem[] = [];
  const byGroup = new Map<string, Extract<ColumnItem, { kind: 'group' }>>();
  for (const card of column.cards) {
    const group = card.groupId ? groups.get(card.groupId) : undefined;
    if (!group) {
      items.push({ kind: 'card', card });
      continue;
    }
    let item = byGroup.get(group.id);
    if (!item) {
      item = { kind: 'group', group, cards: [], votes: 0, myVotes: 0 };
      byGroup.set(group.id, item);
      items.push(item);
    }
    item.cards.push(card);
    item.votes += card.votes;
    item.myVotes += card.myVotes;
  }
  return items;
}
