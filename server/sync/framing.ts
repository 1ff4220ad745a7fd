import type { WebSocket } from 'ws';

/**
 * One WebSocket frame, built once for a broadcast and written as is to every receiver's
 * TCP socket. ws would otherwise build a header and issue a corked pair of writes per
 * receiver; with hundreds of receivers per update that is most of a sync server's work.
 *
 * It relies on ws's sender being idle (no compression, no queued frame, not mid-fragment),
 * which `writeFramed` checks per socket, falling back to `ws.send` otherwise.
 */
export function frameBinary(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x82; // FIN + binary opcode
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.set(payload, headerLength);
  return frame;
}

interface WsInternals {
  _socket?: { write(data: Buffer): boolean; writable?: boolean };
  _sender?: { _state: number; _firstFragment: boolean; _extensions: Record<string, unknown> };
}

/** Writes a pre-built frame when ws's sender is idle; otherwise lets ws send the payload. */
export function writeFramed(ws: WebSocket, frame: Buffer, payload: Uint8Array): void {
  const internals = ws as unknown as WsInternals;
  const sender = internals._sender;
  const socket = internals._socket;
  if (
    sender &&
    socket?.writable &&
    sender._state === 0 &&
    sender._firstFragment &&
    Object.keys(sender._extensions).length === 0
  ) {
    socket.write(frame);
    return;
  }
  ws.send(payload, { binary: true });
}
