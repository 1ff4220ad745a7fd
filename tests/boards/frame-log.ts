import * as decoding from 'lib0/decoding';
import type { RawYjsClient } from '../helpers/raw-yjs-client';

/**
 * Every frame raw clients receive from the moment it is attached, for checking what a
 * socket was sent rather than what a library made of it.
 */
export class FrameLog {
  readonly frames: Uint8Array[] = [];

  constructor(clients: RawYjsClient[]) {
    for (const c of clients) c.ws.on('message', (data: Buffer) => this.frames.push(new Uint8Array(data)));
  }

  /** Sync frames (step 1, step 2, update) whose bytes hold `text` (Yjs writes map keys as UTF-8). */
  syncFramesMentioning(text: string): Uint8Array[] {
    const needle = Buffer.from(text, 'utf8');
    return this.frames.filter((f) => decoding.readVarUint(decoding.createDecoder(f)) === 0 && Buffer.from(f).includes(needle));
  }
}
