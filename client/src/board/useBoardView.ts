import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readBoardView, type BoardView } from './board-view';

/**
 * The board's snapshot, recomputed after each change. Changes from a 40-person room come in
 * bursts, so recomputing waits for the next animation frame and then reads once.
 */
export function useBoardView(doc: Y.Doc, memberIds: Set<string>, userId: string, byVotes: boolean, ballot: Y.Doc | null): BoardView {
  const [view, setView] = useState(() => readBoardView(doc, memberIds, userId, byVotes, ballot));
  useEffect(() => {
    let frame = 0;
    const refresh = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setView(readBoardView(doc, memberIds, userId, byVotes, ballot));
      });
    };
    setView(readBoardView(doc, memberIds, userId, byVotes, ballot));
    doc.on('update', refresh);
    ballot?.on('update', refresh);
    return () => {
      doc.off('update', refresh);
      ballot?.off('update', refresh);
      cancelAnimationFrame(frame);
    };
  }, [doc, memberIds, userId, byVotes, ballot]);
  return view;
}
