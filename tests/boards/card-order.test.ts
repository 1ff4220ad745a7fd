import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareOrders, orderAt, type CardOrder } from '../../client/src/board/card-order';
import { addCard, addColumn, cardsOf } from '../../client/src/board/board-doc';
import { readBoardView } from '../../client/src/board/board-view';
import { arranged, placeCard } from '../../client/src/board/card-moves';

const sorted = (orders: CardOrder[]) => [...orders].sort(compareOrders);

describe('card order (fractional-indexing, legacy floats still read)', () => {
  it('keeps 500 drops into the same gap strictly ordered', () => {
    // Floats gave up here after about 50 halvings of one gap.
    let orders: CardOrder[] = [orderAt([], 0)];
    orders.push(orderAt(orders, 1));
    for (let i = 0; i < 500; i++) {
      const key = orderAt(orders, 1);
      expect(compareOrders(orders[0]!, key)).toBeLessThan(0);
      expect(compareOrders(key, orders[1]!)).toBeLessThan(0);
      orders = sorted([...orders, key]);
    }
    expect(new Set(orders).size).toBe(502);
  });

  it('places keys among legacy float orders without rewriting them', () => {
    const legacy: CardOrder[] = [1, 2, 3];
    const front = orderAt(legacy, 0);
    const middle = orderAt(legacy, 2);
    const end = orderAt(legacy, 3);
    expect(sorted([...legacy, front, middle, end])).toEqual([front, 1, 2, middle, 3, end]);
    expect(typeof end).toBe('string');
  });

  it('puts a card after a group of equal keys (two concurrent drops) instead of failing', () => {
    const k = orderAt([], 0);
    const after = orderAt([k], 1);
    const placed = orderAt([k, k, after], 1);
    expect(compareOrders(k, placed)).toBeLessThan(0);
    expect(compareOrders(placed, after)).toBeLessThan(0);
  });

  it('moves cards on an old board whose orders are floats', () => {
    const doc = new Y.Doc();
    const column = addColumn(doc, 'Interne organisatie');
    const ids = [1, 2, 3].map((order) => addCard(doc, { columnId: column, text: `kaart ${order}`, authorId: 'u', order }));
    const view = () => readBoardView(doc, new Set(['u']), 'u', false).columns[0]!;
    placeCard(doc, ids[2]!, view(), 0);
    expect(arranged(view()).map((c) => c.text)).toEqual(['kaart 3', 'kaart 1', 'kaart 2']);
    placeCard(doc, ids[2]!, view(), 3);
    expect(arranged(view()).map((c) => c.text)).toEqual(['kaart 1', 'kaart 2', 'kaart 3']);
    expect(typeof cardsOf(doc).get(ids[2]!)!.get('order')).toBe('string');
    expect(cardsOf(doc).get(ids[0]!)!.get('order')).toBe(1);
  });
});
