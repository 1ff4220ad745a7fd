import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ballotRoomName } from '../../../shared/board';

/**
 * The person's own ballot on a board (hidden voting, shared/board.ts): a small Y.Doc synced
 * with a stock provider on room `<boardId>/ballot`, which the server opens for the signed-in
 * person only. Opened for people who may vote; null for everyone else and until it exists.
 * Not kept offline: a vote cast while offline waits in memory and goes out on reconnect.
 */
export function useBallot(boardId: string, mayVote: boolean): Y.Doc | null {
  const [ballot, setBallot] = useState<Y.Doc | null>(null);
  useEffect(() => {
    if (!mayVote) return;
    const doc = new Y.Doc();
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const provider = new WebsocketProvider(`${scheme}://${location.host}/sync`, ballotRoomName(boardId), doc, { maxBackoffTime: 5_000 });
    // Nobody else is in this room: no cursor to share.
    provider.awareness.setLocalState(null);
    setBallot(doc);
    return () => {
      setBallot(null);
      provider.destroy();
      doc.destroy();
    };
  }, [boardId, mayVote]);
  return ballot;
}
