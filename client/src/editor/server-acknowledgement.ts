import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType, SyncStep } from '../../../shared/protocol';

/**
 * What the server is known to hold of this document: its state vector and delete set,
 * learnt from the y-websocket protocol itself — the server's sync step 1 when the socket
 * opens, and the answer to a sync step 1 we send after local edits.
 *
 * The probe asks, per client, only for what lies beyond what the server was last known to
 * have; the server's answer (sync step 2) then carries our own unconfirmed items back if it
 * has them, and always its whole delete set. The server handles one socket's messages in
 * order and commits an update before it answers anything sent after it, so an answer that
 * contains our items means they are stored. A stock y-websocket server answers the same way.
 */
export class ServerKnowledge {
  private readonly sv = new Map<number, number>();
  private ds: DeleteSet = Y.createDeleteSet();

  reset(): void {
    this.sv.clear();
    this.ds = Y.createDeleteSet();
  }

  /** The server's own state vector (its sync step 1). */
  learnStateVector(stateVector: Uint8Array): void {
    for (const [client, clock] of Y.decodeStateVector(stateVector)) this.raise(client, clock);
  }

  /**
   * An answer (sync step 2) to a state vector we sent: the structs in it (what the server
   * has beyond what we asked with) and its delete set, which an answer always carries whole.
   */
  learnAnswer(update: Uint8Array): void {
    for (const [client, clock] of Y.parseUpdateMeta(update).to) this.raise(client, clock);
    this.ds = Y.decodeUpdate(update).ds;
  }

  /** The state vector to ask with: per local client, what the server is known to have. */
  question(doc: Y.Doc): Map<number, number> {
    const q = new Map<number, number>();
    for (const client of localStateVector(doc).keys()) q.set(client, this.sv.get(client) ?? 0);
    return q;
  }

  /** True when the server is known to hold the item with this id. */
  holds(id: Y.ID): boolean {
    return (this.sv.get(id.client) ?? 0) > id.clock;
  }

  /** True when the server holds every item and every deletion of the local document. */
  holdsAllOf(doc: Y.Doc): boolean {
    for (const [client, clock] of localStateVector(doc)) if ((this.sv.get(client) ?? 0) < clock) return false;
    const local = Y.createDeleteSetFromStructStore(doc.store);
    for (const [client, deletes] of local.clients) {
      const server = mergedRanges(this.ds.clients.get(client) ?? []);
      for (const d of deletes) if (!covered(server, d.clock, d.clock + d.len)) return false;
    }
    return true;
  }

  private raise(client: number, clock: number): void {
    if ((this.sv.get(client) ?? 0) < clock) this.sv.set(client, clock);
  }
}

function localStateVector(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

type DeleteSet = ReturnType<typeof Y.createDeleteSet>;
type Range = [number, number];

function mergedRanges(items: { clock: number; len: number }[]): Range[] {
  const sorted = items.map((i): Range => [i.clock, i.clock + i.len]).sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([...r]);
  }
  return out;
}

function covered(ranges: Range[], from: number, to: number): boolean {
  return ranges.some(([a, b]) => a <= from && to <= b);
}

/** A sync step 1 frame asking the server for what lies beyond `stateVector`. */
export function syncStep1Frame(stateVector: Map<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncStep.step1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(stateVector));
  return encoding.toUint8Array(encoder);
}

/**
 * Lets `onSync` see every sync message the provider receives (step and payload) before the
 * provider handles it as usual.
 */
export function peekSyncMessages(provider: WebsocketProvider, onSync: (step: number, payload: Uint8Array) => void): void {
  const handlers = provider.messageHandlers;
  const original = handlers[MessageType.sync]!;
  handlers[MessageType.sync] = (encoder, decoder, p, emitSynced, messageType) => {
    try {
      const peek = decoding.clone(decoder);
      const step = decoding.readVarUint(peek);
      onSync(step, decoding.readVarUint8Array(peek));
    } catch {
      // Not ours to judge: the provider reports a frame it cannot read.
    }
    original(encoder, decoder, p, emitSynced, messageType);
  };
}
