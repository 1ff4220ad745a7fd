import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { api } from '../api/endpoints';
import type { Member } from '../../../shared/api';

/** At most one reload of the members list per this window, however many strangers appear. */
const RELOAD_EVERY_MS = 3_000;

function idsOnBoard(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  for (const card of doc.getMap<unknown>('cards').values()) {
    if (!(card instanceof Y.Map)) continue;
    const author: unknown = card.get('authorId');
    if (typeof author === 'string') ids.add(author);
    const votes: unknown = card.get('votes');
    if (votes instanceof Y.Map) for (const id of votes.keys()) ids.add(id);
  }
  return ids;
}

/**
 * The workspace's members, reloaded when the board shows someone the list does not know:
 * during a workshop people join through the invite link after the facilitator opened the
 * board, and their names (and, for honest counting, their votes) must appear without a reload.
 */
export function useMembers(workspaceId: string, initial: Member[], doc: Y.Doc): Member[] {
  const [members, setMembers] = useState(initial);
  useEffect(() => {
    let last = 0;
    let pending: ReturnType<typeof setTimeout> | null = null;
    let known = new Set(initial.map((m) => m.user.id));
    let cancelled = false;
    const reload = () => {
      pending = null;
      last = Date.now();
      api.getWorkspace(workspaceId).then(
        ({ members: next }) => {
          if (cancelled) return;
          known = new Set(next.map((m) => m.user.id));
          setMembers(next);
        },
        () => undefined, // the next stranger tries again
      );
    };
    const check = () => {
      if (pending) return;
      for (const id of idsOnBoard(doc)) {
        if (known.has(id)) continue;
        pending = setTimeout(reload, Math.max(0, last + RELOAD_EVERY_MS - Date.now()));
        return;
      }
    };
    doc.on('update', check);
    check();
    return () => {
      cancelled = true;
      doc.off('update', check);
      if (pending) clearTimeout(pending);
    };
  }, [workspaceId, doc, initial]);
  return members;
}
