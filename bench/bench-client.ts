import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { LatencyHistogram } from './histogram';
import { authFrame, fromHocuspocus, toHocuspocus } from './hocuspocus-framing';
import { now, type ClientSpec } from './ipc';

/** What every client of one worker feeds: frames received and edit latencies. */
export const counters = {
  framesIn: 0,
  bytesIn: 0,
  /** Awareness entries received (a frame may carry many): the presence figures per cursor move. */
  awarenessEntriesIn: 0,
  observedEdits: 0,
  latency: new LatencyHistogram(),
};

/**
 * The `ws` WebSocket with two listeners added before the provider attaches its own, so
 * they see each frame first: a frame count, and when the sync step 2 frame arrived.
 * The provider itself is the stock one; this is the polyfill slot it documents.
 */
export class MeteredWebSocket extends WebSocket {
  openedAt = 0;
  step2At = 0;
  step2Bytes = 0;

  constructor(address: string | URL, protocols?: string | string[]) {
    super(address, protocols);
    this.addEventListener('open', () => {
      this.openedAt = now();
    });
    this.addEventListener('message', (event) => {
      const data = event.data as ArrayBuffer | Buffer;
      counters.framesIn++;
      counters.bytesIn += data.byteLength;
      const bytes = this.messageOf(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
      if (!bytes) return;
      if (bytes[0] === 1) counters.awarenessEntriesIn += awarenessEntryCount(bytes);
      // y-protocols: message 0 (sync), sub-type 1 (step 2).
      if (this.step2At === 0 && bytes[0] === 0 && bytes[1] === 1) {
        this.step2At = now();
        this.step2Bytes = data.byteLength;
      }
    });
  }

  /** The y-websocket message a frame carries (null: none); a peer with its own framing unwraps here. */
  protected messageOf(frame: Uint8Array): Uint8Array | null {
    return frame;
  }
}

/**
 * The same stock client against Hocuspocus: its frames carry the document name, and it
 * wants a token before anything else (see hocuspocus-framing.ts). Translating in the socket
 * keeps the client's own work the same for every target.
 */
function hocuspocusSocket(documentName: string): typeof MeteredWebSocket {
  class HocuspocusSocket extends MeteredWebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      // Registered before the provider's onopen: the token goes first.
      this.addEventListener('open', () => super.send(authFrame(documentName, 'bench')));
    }

    protected override messageOf(frame: Uint8Array): Uint8Array | null {
      return fromHocuspocus(frame);
    }

    override send(data: Uint8Array): void {
      super.send(toHocuspocus(documentName, data));
    }
  }
  // The provider reads frames through `onmessage` (an accessor of ws, not overridable in TS):
  // its handler sees the y-websocket message and nothing of Hocuspocus' own frames.
  const attribute = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!;
  Object.defineProperty(HocuspocusSocket.prototype, 'onmessage', {
    get: attribute.get,
    set(this: HocuspocusSocket, handler: ((event: { data: unknown }) => void) | null) {
      const unwrapping =
        handler &&
        ((event: { data: unknown }) => {
          const data = event.data as ArrayBuffer | Buffer;
          const message = fromHocuspocus(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
          if (message) handler({ data: message });
        });
      attribute.set!.call(this, unwrapping);
    },
  });
  return HocuspocusSocket;
}

/** y-protocols message 1: varuint length of the update, then varuint entry count. */
function awarenessEntryCount(frame: Uint8Array): number {
  let i = 1;
  while (i < frame.length && frame[i]! & 0x80) i++;
  let count = 0;
  for (let shift = 0, j = i + 1; j < frame.length; j++, shift += 7) {
    count += (frame[j]! & 0x7f) * 2 ** shift;
    if (!(frame[j]! & 0x80)) break;
  }
  return count;
}

export interface BenchClient {
  spec: ClientSpec;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Edits carry their send time: key `<client id>.<seq>` → ms on the shared clock. */
  edits: Y.Map<number>;
  seq: number;
}

/** A stock WebsocketProvider client; with `measure`, every remote edit's latency is recorded. */
export function openClient(spec: ClientSpec, measure: boolean): BenchClient {
  const doc = new Y.Doc();
  const edits = doc.getMap<number>('bench');
  if (measure) {
    // One cheap observer: the keys changed by a remote transaction are exactly its new edits.
    edits.observe((event) => {
      if (event.transaction.local) return;
      const t = now();
      for (const key of event.keysChanged) {
        const sentAt = edits.get(key);
        if (sentAt === undefined) continue;
        counters.latency.record(t - sentAt);
        counters.observedEdits++;
      }
    });
  }
  const provider = new WebsocketProvider(spec.serverUrl, spec.room, doc, {
    WebSocketPolyfill: (spec.framing === 'hocuspocus' ? hocuspocusSocket(spec.room) : MeteredWebSocket) as unknown as typeof globalThis.WebSocket,
    params: spec.params,
    disableBc: true,
    maxBackoffTime: 1000,
  });
  if (spec.user) provider.awareness.setLocalStateField('user', spec.user);
  return { spec, doc, provider, edits, seq: 0 };
}

export function whenSynced(client: BenchClient, timeoutMs: number): Promise<number> {
  const { provider } = client;
  if (provider.synced) return Promise.resolve(now());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      provider.off('sync', onSync);
      reject(new Error(`client ${client.spec.id} did not sync within ${timeoutMs} ms`));
    }, timeoutMs);
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      const at = now();
      clearTimeout(timer);
      provider.off('sync', onSync);
      resolve(at);
    };
    provider.on('sync', onSync);
  });
}

export function closeClient(client: BenchClient): void {
  client.provider.destroy();
  client.doc.destroy();
}

export function currentSocket(client: BenchClient): MeteredWebSocket | null {
  return client.provider.ws as unknown as MeteredWebSocket | null;
}
