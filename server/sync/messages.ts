import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { CloseCode, MessageType, SyncStep } from '../../shared/protocol';

/**
 * One awareness entry as a client sent it. The state stays undecoded UTF-8 JSON until the
 * relay keeps it: a stock y-websocket client echoes every state it receives back to the
 * server, so most entries are others' states, dropped unread (see AwarenessRelay.ownedBy).
 */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state's JSON text, as UTF-8 bytes (a view into the frame). */
  json: Uint8Array;
  /** Bytes of the state's JSON (the awareness size limit reads it). */
  size: number;
  /** The state is `null`: the client left. */
  removed: boolean;
}

/** What a client may send, decoded and checked. */
export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; entries: AwarenessEntry[] }
  | { type: 'queryAwareness' };

export class ProtocolError extends Error {
  constructor(
    readonly closeCode: CloseCode,
    message: string,
  ) {
    super(message);
  }
}

/** Decodes one binary frame; throws ProtocolError for anything not in the protocol. */
export function decodeClientMessage(frame: Uint8Array, maxAwarenessEntries = Infinity): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const message = readMessage(decoder, maxAwarenessEntries);
    if (decoding.hasContent(decoder)) {
      throw new ProtocolError(CloseCode.invalidPayload, 'trailing bytes after the message');
    }
    return message;
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(CloseCode.invalidPayload, 'the frame does not decode');
  }
}

function readMessage(decoder: decoding.Decoder, maxAwarenessEntries: number): ClientMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync: {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === SyncStep.step1) return { type: 'syncStep1', stateVector: payload };
      if (step === SyncStep.step2) return { type: 'syncStep2', update: payload };
      if (step === SyncStep.update) return { type: 'update', update: payload };
      throw new ProtocolError(CloseCode.badMessage, `unknown sync step ${step}`);
    }
    case MessageType.awareness:
      return { type: 'awareness', entries: readAwarenessUpdate(decoding.readVarUint8Array(decoder), maxAwarenessEntries) };
    case MessageType.queryAwareness:
      return { type: 'queryAwareness' };
    default:
      throw new ProtocolError(CloseCode.badMessage, `unknown message type ${type}`);
  }
}

function readAwarenessUpdate(update: Uint8Array, maxEntries: number): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  // Refused before a single state is read: 200,000 fake client ids cost nothing.
  if (count > maxEntries) throw new ProtocolError(CloseCode.badMessage, `more than ${maxEntries} awareness entries in one message`);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarUint8Array(decoder);
    entries.push({ clientId, clock, json, size: json.byteLength, removed: isNullJson(json) });
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError(CloseCode.invalidPayload, 'trailing bytes in awareness');
  return entries;
}

const NULL_JSON = [0x6e, 0x75, 0x6c, 0x6c]; // "null"

function isNullJson(json: Uint8Array): boolean {
  return json.byteLength === 4 && NULL_JSON.every((b, i) => json[i] === b);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The state of an entry the relay keeps; throws ProtocolError unless it is an object or null. */
export function parseAwarenessState(entry: AwarenessEntry): Record<string, unknown> | null {
  let state: unknown;
  try {
    state = JSON.parse(utf8.decode(entry.json));
  } catch {
    throw new ProtocolError(CloseCode.invalidPayload, 'an awareness state does not decode');
  }
  if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
    throw new ProtocolError(CloseCode.invalidPayload, 'an awareness state must be an object or null');
  }
  return state as Record<string, unknown> | null;
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(SyncStep.step1, stateVector);
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SyncStep.step2, update);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SyncStep.update, update);
}

function encodeSync(step: SyncStep, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Entries whose state is already JSON text, so a relay never re-serialises them. */
export interface EncodedAwarenessEntry {
  clientId: number;
  clock: number;
  json: string;
}

/**
 * Each entry is encoded once and its bytes reused in every frame it travels in: a joiner's
 * snapshot of 500 cursors is then a copy, not 500 JSON strings encoded again.
 */
const entryBytes = new WeakMap<EncodedAwarenessEntry, Uint8Array>();

function bytesOf(e: EncodedAwarenessEntry): Uint8Array {
  let bytes = entryBytes.get(e);
  if (!bytes) {
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, e.clientId);
    encoding.writeVarUint(enc, e.clock);
    encoding.writeVarString(enc, e.json);
    bytes = encoding.toUint8Array(enc);
    entryBytes.set(e, bytes);
  }
  return bytes;
}

export function encodeAwareness(entries: Iterable<EncodedAwarenessEntry>, count: number): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, count);
  for (const e of entries) encoding.writeUint8Array(inner, bytesOf(e));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MessageType.awareness);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}
