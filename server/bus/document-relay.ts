import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from '../log';
import type { PubSub } from './pubsub';
import type { DocumentStore } from '../storage/document-store';
import type { EncodedAwarenessEntry } from '../sync/messages';
import type { Room } from '../sync/room';
import { applyStoredUpdates } from '../storage/stored-doc';
import { REMOTE_ORIGIN } from '../sync/room';
import type { SyncExtension } from '../sync/extensions';

const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;

const channelOf = (documentId: string) => `sk:doc:${documentId}`;

/**
 * Carries document updates and awareness between instances over the bus. Updates are
 * already committed to the shared store by the instance that received them, so a
 * receiver only applies and relays them. Pub/sub may drop messages while the bus is
 * down; when it returns every loaded room re-reads the store, which holds everything.
 */
export class DocumentRelay {
  private readonly handlers = new Map<string, (m: Uint8Array) => void>();

  constructor(
    private readonly bus: PubSub,
    private readonly store: DocumentStore,
    private readonly instanceId: string,
    private readonly rooms: { all(): Iterable<Room> },
    private readonly log: Logger,
    /** Delay between publication elsewhere and arrival here, for the relay-lag metric. */
    private readonly onRemoteMessage?: (lagMs: number) => void,
  ) {
    bus.onReconnected(() => {
      for (const room of this.rooms.all()) void this.reconcile(room);
    });
  }

  /**
   * Its place on the sync path: subscribe before a load, publish what was committed here.
   * A lone instance (in-process bus) publishes nothing: it would only hear itself, and every
   * update would pay an envelope, a microtask and a decode for it.
   */
  readonly extension: SyncExtension = {
    name: 'document-relay',
    beforeLoad: (documentId, room) => this.attach(documentId, room),
    afterCommit: (room, update) => {
      if (this.bus.reachesOtherInstances) this.publishUpdate(room.id, update);
    },
    afterAwareness: (room, entries) => {
      if (this.bus.reachesOtherInstances) this.publishAwareness(room.id, entries);
    },
    onUnload: (room) => void this.detach(room.id),
  };

  /** Subscribe before the room's content is read, so nothing falls between load and subscription. */
  async attach(documentId: string, room: () => Room | undefined): Promise<void> {
    if (this.handlers.has(documentId)) return;
    const handler = (message: Uint8Array) => this.receive(message, room());
    this.handlers.set(documentId, handler);
    await this.bus.subscribe(channelOf(documentId), handler);
  }

  async detach(documentId: string): Promise<void> {
    const handler = this.handlers.get(documentId);
    if (!handler) return;
    this.handlers.delete(documentId);
    await this.bus.unsubscribe(channelOf(documentId), handler);
  }

  publishUpdate(documentId: string, update: Uint8Array): void {
    this.bus.publish(channelOf(documentId), this.envelope(KIND_UPDATE, (e) => encoding.writeVarUint8Array(e, update)));
  }

  publishAwareness(documentId: string, entries: EncodedAwarenessEntry[]): void {
    this.bus.publish(
      channelOf(documentId),
      this.envelope(KIND_AWARENESS, (e) => {
        encoding.writeVarUint(e, entries.length);
        for (const x of entries) {
          encoding.writeVarUint(e, x.clientId);
          encoding.writeVarUint(e, x.clock);
          encoding.writeVarString(e, x.json);
        }
      }),
    );
  }

  /** Reads everything the store holds into the room; Yjs skips what it already has. */
  async reconcile(room: Room): Promise<void> {
    try {
      const updates = await this.store.loadUpdates(room.id);
      applyStoredUpdates(room.doc, updates, REMOTE_ORIGIN);
      room.republishAwareness();
    } catch (err) {
      this.log.error({ event: 'relay.reconcile_failed', documentId: room.id, err }, 'reconcile failed');
    }
  }

  private envelope(kind: number, body: (e: encoding.Encoder) => void): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, this.instanceId);
    encoding.writeFloat64(e, Date.now());
    encoding.writeVarUint(e, kind);
    body(e);
    return encoding.toUint8Array(e);
  }

  private receive(message: Uint8Array, room: Room | undefined): void {
    if (!room) return;
    try {
      const d = decoding.createDecoder(message);
      if (decoding.readVarString(d) === this.instanceId) return;
      // Read outside the optional call: `f?.(read())` skips the read when f is unset.
      const sentAt = decoding.readFloat64(d);
      this.onRemoteMessage?.(Date.now() - sentAt);
      const kind = decoding.readVarUint(d);
      if (kind === KIND_UPDATE) {
        room.applyRemoteUpdate(decoding.readVarUint8Array(d));
      } else if (kind === KIND_AWARENESS) {
        const n = decoding.readVarUint(d);
        const entries: EncodedAwarenessEntry[] = [];
        for (let i = 0; i < n; i++) {
          entries.push({ clientId: decoding.readVarUint(d), clock: decoding.readVarUint(d), json: decoding.readVarString(d) });
        }
        room.applyRemoteAwareness(entries);
      }
    } catch (err) {
      this.log.warn({ event: 'relay.bad_message', documentId: room.id, err }, 'dropped a malformed relay message');
    }
  }
}
