import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as ops from '../../client/src/board/board-doc';
import { unconfirmedCards } from '../../client/src/board/unconfirmed-cards';
import { ServerKnowledge } from '../../client/src/editor/server-acknowledgement';

/** What the board's refusal notice names: the cards a refused update carried (issue #11, item 5). */
describe('unconfirmed cards', () => {
  it('names cards added or retyped since the server last answered, not the ones it holds', () => {
    const doc = new Y.Doc();
    const column = ops.addColumn(doc, 'Kansen');
    ops.addCard(doc, { columnId: column, text: 'Een gedeelde HR-dienst', authorId: 'u1', order: 1 });
    const retyped = ops.addCard(doc, { columnId: column, text: 'Regierol', authorId: 'u1', order: 2 });
    const moved = ops.addCard(doc, { columnId: column, text: 'Verplaatst', authorId: 'u1', order: 3 });
    const server = new ServerKnowledge();
    server.learnStateVector(Y.encodeStateVector(doc));
    expect(unconfirmedCards(doc, (id) => server.holds(id))).toEqual([]);

    ops.addCard(doc, { columnId: column, text: 'Nieuw idee', authorId: 'u1', order: 4 });
    ops.editCard(doc, retyped, { text: 'Regierol voor de stad' });
    ops.moveCard(doc, moved, column, 0);
    ops.addCard(doc, { columnId: column, text: '   ', authorId: 'u1', order: 5 });
    expect(unconfirmedCards(doc, (id) => server.holds(id)).sort()).toEqual(['Nieuw idee', 'Regierol voor de stad']);
  });

  it('keeps what it names short: at most ten texts of 200 characters', () => {
    const doc = new Y.Doc();
    const column = ops.addColumn(doc, 'Kansen');
    for (let i = 0; i < 30; i++) ops.addCard(doc, { columnId: column, text: 'x'.repeat(1000), authorId: 'u1', order: i });
    const named = unconfirmedCards(doc, () => false);
    expect(named).toHaveLength(10);
    expect(named.every((t) => t.length === 200)).toBe(true);
  });
});
