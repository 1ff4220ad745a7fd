import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

export interface PresentPerson {
  id: string;
  name: string;
  organization: string;
  color?: string;
}

export interface BoardPresence {
  /** One entry per person (several tabs count once), yourself first. */
  people: PresentPerson[];
  /** Card id → the other people editing it now. */
  editing: Map<string, PresentPerson[]>;
}

/**
 * Who is on the board, from awareness. The board announces its own state (the server
 * replaces `user` with the authenticated identity, so names can be trusted) and which
 * card this person is editing, so others see a marker on it.
 */
export function useBoardPresence(provider: WebsocketProvider, self: PresentPerson, editingCard: string | null): BoardPresence {
  const awareness = provider.awareness;
  const [presence, setPresence] = useState<BoardPresence>({ people: [self], editing: new Map() });

  useEffect(() => {
    awareness.setLocalStateField('user', self);
  }, [awareness, self]);
  useEffect(() => {
    awareness.setLocalStateField('editing', editingCard);
  }, [awareness, editingCard]);

  useEffect(() => {
    const update = () => {
      const people = new Map<string, PresentPerson>([[self.id, self]]);
      const editing = new Map<string, PresentPerson[]>();
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const u = (state as { user?: Partial<PresentPerson> }).user;
        if (!u || typeof u.id !== 'string' || typeof u.name !== 'string') continue;
        const person = { id: u.id, name: u.name, organization: u.organization ?? '', color: u.color };
        if (!people.has(u.id)) people.set(u.id, person);
        const card = (state as { editing?: unknown }).editing;
        if (typeof card === 'string' && u.id !== self.id) editing.set(card, [...(editing.get(card) ?? []), person]);
      }
      setPresence({ people: [...people.values()], editing });
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness, self]);

  return presence;
}
