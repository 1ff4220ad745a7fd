import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, addColumn, groupCards, groupsOf, renameGroup, ungroupCard, vote } from '../../client/src/board/board-doc';
import { readBoardView } from '../../client/src/board/board-view';
import { columnItems } from '../../client/src/board/column-items';

function board() {
  const doc = new Y.Doc();
  const kansen = addColumn(doc, 'Kansen');
  const zorgen = addColumn(doc, 'Zorgen');
  const a = addCard(doc, { columnId: kansen, text: 'Gedeelde HR-dienst', authorId: 'u1', order: 'a0' });
  const b = addCard(doc, { columnId: zorgen, text: 'Samen aanwerven', authorId: 'u2', order: 'a1' });
  const c = addCard(doc, { columnId: kansen, text: 'Opleiding', authorId: 'u2', order: 'a2' });
  vote(doc, a, 'u1');
  vote(doc, b, 'u2');
  vote(doc, b, 'u1');
  const view = () => readBoardView(doc, new Set(['u1', 'u2']), 'u1', false);
  return { doc, kansen, a, b, c, view };
}

describe('clusters on a board', () => {
  it('groups a dropped card with the target under the target text, in its column, votes summed', () => {
    const { doc, kansen, a, b, view } = board();
    const groupId = groupCards(doc, b, a)!;
    expect(groupsOf(doc).get(groupId)?.get('title')).toBe('Gedeelde HR-dienst');
    const column = view().columns.find((c) => c.id === kansen)!;
    const items = columnItems(column, view().groups);
    expect(items.map((i) => i.kind)).toEqual(['group', 'card']);
    const group = items[0] as Extract<(typeof items)[number], { kind: 'group' }>;
    expect(group.cards.map((c) => c.text)).toEqual(['Gedeelde HR-dienst', 'Samen aanwerven']);
    expect(group.votes).toBe(3);
    renameGroup(doc, groupId, 'Mensen en middelen');
    expect(view().groups.get(groupId)?.title).toBe('Mensen en middelen');
  });

  it('a third card joins the same cluster; taking cards out dissolves a cluster of one', () => {
    const { doc, a, b, c, view } = board();
    const groupId = groupCards(doc, b, a)!;
    expect(groupCards(doc, c, b)).toBe(groupId);
    ungroupCard(doc, c);
    expect(view().groups.has(groupId)).toBe(true);
    ungroupCard(doc, b);
    expect(view().groups.size).toBe(0);
    expect(view().columns.flatMap((col) => col.cards).every((card) => card.groupId === null)).toBe(true);
  });

  it('treats a card pointing at a cluster that does not exist as ungrouped', () => {
    const { doc, a, view } = board();
    doc.getMap<Y.Map<unknown>>('cards').get(a)!.set('groupId', 'nowhere');
    expect(view().columns[0]!.cards.find((card) => card.id === a)?.groupId).toBeNull();
  });
});
