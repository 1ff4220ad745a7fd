import { vi } from 'vitest';
import type { WebSocket } from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType, SyncStep } from '../../shared/protocol';

/**
 * Barriers for negative assertions ("was not applied, stored or relayed"): instead of
 * sleeping and hoping the server was fast enough, make the server prove it has handled
 * everything sent before.
 */

function bytesOf(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return Buffer.concat(data as Buffer[]);
  throw new Error('unexpected message data');
}

function isSyncStep2(data: unknown): boolean {
  try {
    const d = decoding.createDecoder(bytesOf(data));
    return decoding.readVarUint(d) === MessageType.sync && decoding.readVarUint(d) === SyncStep.step2;
  } catch {
    return false;
  }
}

/** The socket under a stock y-websocket provider (connected). */
export function socketOf(provider: WebsocketProvider): WebSocket {
  if (!provider.ws || !provider.wsconnected) throw new Error('the provider is not connected');
  return provider.ws as unknown as WebSocket;
}

/**
 * A round trip on one socket: sends a sync step 1 and resolves when the server's step 2
 * answer arrives. The server handles a socket's messages in order, so by then it has
 * handled everything sent earlier on this socket, and everything it wrote to this socket
 * before has arrived (TCP keeps order).
 */
export function roundTrip(ws: WebSocket | WebsocketProvider, timeoutMs = 5_000): Promise<void> {
  const socket = 'awareness' in ws ? socketOf(ws) : ws;
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncStep.step1);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('message', onMessage);
      reject(new Error('no answer to the barrier’s sync step 1'));
    }, timeoutMs);
    const onMessage = (data: unknown) => {
      if (!isSyncStep2(data)) return;
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve();
    };
    socket.on('message', onMessage);
    socket.send(encoding.toUint8Array(e));
  });
}

/**
 * "Nothing `sender` sent so far reached `receivers`": a round trip on the sender (the server
 * has handled and, where allowed, broadcast it), then on each receiver (what was broadcast to
 * it has arrived). Frames on different sockets have no order; this never assumes one.
 */
export async function settled(sender: WebSocket | WebsocketProvider, ...receivers: (WebSocket | WebsocketProvider)[]): Promise<void> {
  await roundTrip(sender);
  await Promise.all(receivers.map((r) => roundTrip(r)));
}

/**
 * For awareness, which the server coalesces on a timer: the sender publishes a marker in its
 * own state and the observer waits for it. The room relays awareness in the order it
 * received it, so anything the sender sent before the marker has been relayed (or dropped)
 * by the time the observer sees the marker.
 */
export async function awarenessMarker(sender: WebsocketProvider, observer: WebsocketProvider, marker: string): Promise<void> {
  sender.awareness.setLocalStateField('marker', marker);
  const id = sender.doc.clientID;
  await vi.waitFor(
    () => {
      const state = observer.awareness.getStates().get(id) as { marker?: string } | undefined;
      if (state?.marker !== marker) throw new Error(`awareness marker ${marker} has not arrived`);
    },
    { timeout: 5_000, interval: 10 },
  );
}
