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

/**
 * ws's private fields the fast path reads. ws is pinned to an exact version in package.json
 * for this reason; tests/sync/framing.test.ts fails if an upgrade renames or reshapes them.
 */
interface WsInternals {
  _socket?: { write(data: Buffer): boolean; writable?: boolean };
  _sender?: { _state?: number; _firstFragment?: boolean; _extensions?: Record<string, unknown> };
}

/**
 * True when a frame written straight to the TCP socket cannot overtake or split anything
 * ws has queued: its sender is idle (not compressing, not reading a Blob), not in the middle
 * of a fragmented message, and no extension (compression) rewrites frames.
 */
export function senderIsIdle(ws: WebSocket): boolean {
  const { _sender: sender, _socket: socket } = ws as unknown as WsInternals;
  return (
    sender !== undefined &&
    socket?.writable === true &&
    sender._state === 0 &&
    sender._firstFragment === true &&
    sender._extensions !== undefined &&
    isEmpty(sender._extensions)
  );
}

/** Without Object.keys: this runs once per receiver of every broadcast, and allocated an array each time. */
function isEmpty(record: Record<string, unknown>): boolean {
  for (const _ in record) return false;
  return true;
}

/** Writes a pre-built frame when ws's sender is idle; otherwise lets ws send the payload. */
export function writeFramed(ws: WebSocket, frame: Buffer, payload: Uint8Array): void {
  if (senderIsIdle(ws)) (ws as unknown as Required<WsInternals>)._socket.write(frame);
  else ws.send(payload, { binary: true });
}
