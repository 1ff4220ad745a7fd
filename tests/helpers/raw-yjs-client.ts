import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { openRawSocket } from './raw-socket';

/**
 * A hostile client: a bare WebSocket and its own Y.Doc, sending whatever frames a test
 * builds. It follows the server's document (applies updates it receives), so its state
 * vector is right and `roundTrip()` is a same-socket barrier: the server handles a socket's
 * frames in order, so once the answer to a step 1 sent after a frame arrives, the server
 * has dealt with that frame.
 */
export class RawYjsClient {
  readonly doc = new Y.Doc();
  /** Awareness states the server sent, by client id (null: removed). */
  readonly awareness = new Map<number, string>();
  awarenessBytesReceived = 0;
  closed: { code: number; reason: string } | null = null;
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data)));
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async open(wsUrl: string, documentId: string, token: string): Promise<RawYjsClient> {
    const client = new RawYjsClient(await openRawSocket(`${wsUrl}/${documentId}?token=${token}`));
    await client.roundTrip();
    return client;
  }

  send(frame: Uint8Array): void {
    this.ws.send(frame);
  }

  sendUpdate(update: Uint8Array): void {
    this.send(syncFrame(2, update));
  }

  sendAwareness(entries: Array<{ clientId: number; clock: number; json: string }>): void {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, entries.length);
    for (const e of entries) {
      encoding.writeVarUint(inner, e.clientId);
      encoding.writeVarUint(inner, e.clock);
      encoding.writeVarString(inner, e.json);
    }
    const outer = encoding.createEncoder();
    encoding.writeVarUint(outer, 1);
    encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
    this.send(encoding.toUint8Array(outer));
  }

  /** Resolves once the server answered a step 1 sent now (false: the socket closed first). */
  roundTrip(timeoutMs = 10_000): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer to step 1')), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(!this.closed);
      });
      this.send(syncFrame(0, Y.encodeStateVector(this.doc)));
    });
  }

  /** The close code the server sent (waits for it). */
  closeCode(timeoutMs = 10_000): Promise<number> {
    if (this.closed) return Promise.resolve(this.closed.code);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket was not closed')), timeoutMs);
      this.ws.once('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  close(): void {
    this.ws.terminate();
  }

  private receive(frame: Uint8Array): void {
    const d = decoding.createDecoder(frame);
    const type = decoding.readVarUint(d);
    if (type === 0) {
      const step = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (step === 0) return this.send(syncFrame(1, Y.encodeStateAsUpdate(this.doc, payload)));
      Y.applyUpdate(this.doc, payload);
      if (step === 1) for (const w of this.waiters.splice(0)) w();
    } else if (type === 1) {
      const bytes = decoding.readVarUint8Array(d);
      this.awarenessBytesReceived += bytes.byteLength;
      const a = decoding.createDecoder(bytes);
      const n = decoding.readVarUint(a);
      for (let i = 0; i < n; i++) {
        const id = decoding.readVarUint(a);
        decoding.readVarUint(a);
        const json = decoding.readVarString(a);
        if (json === 'null') this.awareness.delete(id);
        else this.awareness.set(id, json);
      }
    }
  }
}

export function syncFrame(step: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}
