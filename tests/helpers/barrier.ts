import type { WebsocketProvider } from 'y-websocket';
import { waitFor } from './clients';

/**
 * A same-socket barrier for stock clients: a socket's frames are handled in order, so once
 * the awareness state `marker` sent after an edit has reached `observer`, the server has
 * dealt with the edit too. This makes "it never arrived" a fact rather than a timeout.
 * (For raw clients, RawYjsClient.roundTrip() is the same idea.)
 */
export async function awarenessBarrier(sender: WebsocketProvider, observer: WebsocketProvider, marker: string): Promise<void> {
  sender.awareness.setLocalStateField('marker', marker);
  const id = sender.doc.clientID;
  await waitFor(
    () => (observer.awareness.getStates().get(id) as { marker?: string } | undefined)?.marker === marker,
    5_000,
    `awareness marker ${marker}`,
  );
}
