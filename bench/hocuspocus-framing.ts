import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Hocuspocus' wire format, for the stock y-websocket client the bench runs against every
 * target: each frame starts with the document name, and the server answers a sync step 1
 * as a `SyncReply` (4) besides `Auth` (2) and `SyncStatus` (8) frames of its own. The
 * y-protocols message types 0, 1 and 3 are the same on both sides.
 * (@hocuspocus/common MessageType; the client's side of ClientConnection.handleQueueingMessage.)
 */
const AUTH = 2;
const SYNC = 0;
const SYNC_REPLY = 4;
const AUTH_TOKEN = 0;

/** The first frame a Hocuspocus client sends for a document: its token (any, with no auth hook). */
export function authFrame(documentName: string, token: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, documentName);
  encoding.writeVarUint(e, AUTH);
  encoding.writeVarUint(e, AUTH_TOKEN);
  encoding.writeVarString(e, token);
  return encoding.toUint8Array(e);
}

/** A y-websocket message as Hocuspocus takes it: the document name in front. */
export function toHocuspocus(documentName: string, message: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, documentName);
  encoding.writeUint8Array(e, message);
  return encoding.toUint8Array(e);
}

/** The y-websocket message inside a Hocuspocus frame, or null for frames of its own (auth, sync status). */
export function fromHocuspocus(frame: Uint8Array): Uint8Array | null {
  const d = decoding.createDecoder(frame);
  decoding.readVarString(d);
  const start = d.pos;
  const type = decoding.readVarUint(d);
  if (type === SYNC_REPLY) {
    const rest = frame.subarray(d.pos);
    const out = new Uint8Array(rest.byteLength + 1);
    out[0] = SYNC;
    out.set(rest, 1);
    return out;
  }
  return type <= 3 && type !== AUTH ? frame.subarray(start) : null;
}
