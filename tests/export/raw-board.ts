/** Builds a workshop board (CONTRACT §3) with plain Yjs, as a board client would. */
import * as Y from 'yjs';

export interface RawCard {
  id: string;
  columnId: string;
  text: string;
  createdAt: unknown;
  color?: string;
  authorId?: string;
  votes?: Record<string, unknown>;
}

export interface RawBoard {
  columns: { id: string; title: string }[];
  cards: RawCard[];
  votesPerPerson?: unknown;
}

export function rawBoard(board: RawBoard, doc: Y.Doc = new Y.Doc()): Y.Doc {
  doc.transact(() => {
    for (const column of board.columns) {
      const map = new Y.Map<unknown>();
      doc.getArray('columns').push([map]);
      map.set('id', column.id);
      map.set('title', column.title);
    }
    for (const card of board.cards) {
      const map = new Y.Map<unknown>();
      doc.getMap('cards').set(card.id, map);
      map.set('id', card.id);
      map.set('columnId', card.columnId);
      map.set('text', card.text);
      map.set('color', card.color ?? 'yellow');
      map.set('authorId', card.authorId ?? 'u-anna');
      map.set('createdAt', card.createdAt);
      const votes = new Y.Map<unknown>();
      map.set('votes', votes);
      for (const [userId, n] of Object.entries(card.votes ?? {})) votes.set(userId, n);
    }
    const meta = doc.getMap('meta');
    meta.set('locked', false);
    meta.set('timerEndsAt', null);
    if (board.votesPerPerson !== undefined) meta.set('votesPerPerson', board.votesPerPerson);
  });
  return doc;
}
