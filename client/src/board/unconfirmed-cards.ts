import * as Y from 'yjs';

/** At most this many texts, each cut to this length: they travel through sessionStorage. */
const MAX_CARDS = 10;
const MAX_CHARS = 200;

/**
 * The texts of cards the server does not hold yet — added, or retyped, here — for saying
 * what a refused update carried before the page drops it. `holds` tells whether the server
 * is known to have an item (server-acknowledgement.ts). Moves, votes and deletions carry no
 * text of their own; the refusal's reason covers those.
 */
export function unconfirmedCards(doc: Y.Doc, holds: (id: Y.ID) => boolean): string[] {
  const texts: string[] = [];
  for (const card of doc.getMap<unknown>('cards').values()) {
    if (texts.length >= MAX_CARDS) break;
    if (!(card instanceof Y.Map)) continue;
    const text: unknown = card.get('text');
    if (typeof text !== 'string' || text.trim() === '') continue;
    const created = card._item;
    const typed = card._map.get('text');
    if ((created && !holds(created.id)) || (typed && !holds(typed.id))) texts.push(text.slice(0, MAX_CHARS));
  }
  return texts;
}
