import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import type { Logger } from '../log';
import type { DocumentStore } from '../storage/document-store';
import { AwarenessRelay } from './awareness-relay';
import type { Connection } from './connection';
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type ClientMessage,
  type EncodedAwarenessEntry,
} from './messages';
import { guardUpdate } from './update-guard';
import { frameBinary } from './framing';
import { CommitQueue, type Pending } from './commit-queue';

/** How long commits are retried while storage is away before the room gives up (see CommitQueue). */
const COMMIT_RETRY_MS = 10_000;

/** Origin of updates that another instance already stored: relay, do not store again. */
export const REMOTE_ORIGIN = Symbol('remote');

/** Hooks a room calls when something leaves it: to other instances, to metrics. */
export interface RoomEvents {
  /** A local change, committed to storage; `origin` is the Connection that sent it. */
  onLocalUpdate?(documentId: string, update: Uint8Array, origin: unknown): void;
  onLocalAwareness?(documentId: string, entries: EncodedAwarenessEntry[]): void;
  onBroadcast?(documentId: string, receivers: number, bytes: number): void;
  onRejected?(reason: string): void;
  onCommit?(seconds: number): void;
}

/**
 * One loaded document and the sockets on it. Every change is committed to the store
 * before any other socket hears of it, and each broadcast is encoded once.
 */
export class Room {
  readonly connections = new Set<Connection>();
  readonly awareness: AwarenessRelay;
  /** Stored rows since the last compaction. */
  storedUpdates: number;
  private fullStateFrame: Uint8Array | null = null;
  private failed = false;
  private readonly commits: CommitQueue<unknown>;

  constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    storedUpdates: number,
    private readonly store: DocumentStore,
    private readonly log: Logger,
    awarenessFlushMs: number,
    private readonly events: RoomEvents,
    private readonly onCompactionDue: (room: Room) => void,
    private readonly compactAfter: number,
  ) {
    this.storedUpdates = storedUpdates;
    this.commits = new CommitQueue<unknown>(
      (updates) => store.appendUpdates(id, updates),
      (batch, seconds) => this.onCommitted(batch, seconds),
      (err) => this.onCommitFailed(err),
      {
        forMs: COMMIT_RETRY_MS,
        onRetry: (err) => this.log.warn({ event: 'room.commit_retry', err }, 'storage did not take the update; retrying'),
      },
    );
    this.awareness = new AwarenessRelay(awarenessFlushMs, (frame, entries) => {
      this.sendToAll(frame, null);
      this.events.onLocalAwareness?.(this.id, entries);
    });
    doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
  }

  join(conn: Connection): void {
    this.connections.add(conn);
    // The server's state vector first: the client answers with whatever it has that we lack,
    // which is how edits made offline come home.
    conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const awareness = this.awareness.currentFrame();
    if (awareness) conn.send(awareness);
  }

  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    this.awareness.removeConnection(conn);
  }

  handle(conn: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'syncStep1': {
        // The frame may hold updates still on their way to storage: send it once they are stored.
        const frame = this.syncStep2For(message.stateVector);
        if (this.commits.idle) conn.send(frame);
        else void this.commits.flushed().then((stored) => stored && conn.send(frame));
        return;
      }
      case 'syncStep2':
      case 'update':
        this.applyClientUpdate(conn, message.update);
        return;
      case 'awareness':
        this.awareness.receive(conn, message.entries);
        return;
      case 'queryAwareness': {
        const frame = this.awareness.currentFrame();
        if (frame) conn.send(frame);
        return;
      }
    }
  }

  /** Awareness entries relayed from another instance: shown to local sockets as they are. */
  applyRemoteAwareness(entries: EncodedAwarenessEntry[]): void {
    this.awareness.receiveRemote(entries);
    this.sendToAll(encodeAwareness(entries, entries.length), null);
  }

  /** Drops cursors of other instances that stopped renewing them (a crashed instance). */
  sweepRemoteAwareness(maxAgeMs: number): void {
    const removed = this.awareness.sweepRemote(maxAgeMs);
    if (removed.length > 0) this.sendToAll(encodeAwareness(removed, removed.length), null);
  }

  /** Tells other instances every cursor held here (after the bus was away). */
  republishAwareness(): void {
    const local = this.awareness.localEntries();
    if (local.length > 0) this.events.onLocalAwareness?.(this.id, local);
  }

  /** An update another instance committed and published. */
  applyRemoteUpdate(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    } catch (err) {
      this.log.error({ event: 'room.remote_update_failed', err }, 'remote update did not apply');
    }
  }

  private applyClientUpdate(conn: Connection, update: Uint8Array): void {
    if (!conn.canWrite) {
      // Read-only roles: dropped silently, as the stock client keeps sending step 2.
      this.events.onRejected?.('read_only');
      return;
    }
    const problem = guardUpdate(update);
    if (problem) {
      this.events.onRejected?.('invalid_update');
      conn.log.warn({ event: 'sync.update_rejected', problem }, 'update rejected');
      conn.close(CloseCode.invalidPayload, `invalid update: ${problem}`);
      return;
    }
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (err) {
      this.events.onRejected?.('invalid_update');
      conn.log.warn({ event: 'sync.update_failed', err }, 'update failed to apply');
      conn.close(CloseCode.invalidPayload, 'invalid update');
    }
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (this.failed) return;
    this.fullStateFrame = null;
    if (origin === REMOTE_ORIGIN) this.sendToAll(encodeUpdate(update), origin);
    else this.commits.enqueue(update, origin);
  }

  /** Stored: now others may hear of it, in the order it arrived. */
  private onCommitted(batch: Pending<unknown>[], seconds: number): void {
    this.events.onCommit?.(seconds);
    for (const { update, meta: origin } of batch) {
      this.storedUpdates++;
      this.events.onLocalUpdate?.(this.id, update, origin);
      this.sendToAll(encodeUpdate(update), origin);
    }
    if (this.storedUpdates >= this.compactAfter) this.onCompactionDue(this);
  }

  private onCommitFailed(err: unknown): void {
    // Nobody may see a change that is not stored: drop the room so that every client
    // resyncs from what storage really holds (and resends what it still has).
    this.failed = true;
    this.log.error({ event: 'room.commit_failed', err }, 'could not store update; closing room');
    for (const c of this.connections) c.close(CloseCode.internalError, 'storage failure');
  }

  /** Resolves when every update received so far is stored (or storage failed). */
  async settled(): Promise<void> {
    await this.commits.flushed();
  }

  get hasPendingCommits(): boolean {
    return !this.commits.idle;
  }

  /** Step 2 for a joiner; a fresh client (empty state vector) gets a cached full state. */
  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    const isEmpty = stateVector.byteLength === 1 && stateVector[0] === 0;
    if (!isEmpty) return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    this.fullStateFrame ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
    return this.fullStateFrame;
  }

  private sendToAll(message: Uint8Array, except: unknown): void {
    let receivers = 0;
    // Frame once for all; a lone receiver is not worth the copy.
    const framed = this.connections.size > 2 ? frameBinary(message) : null;
    for (const c of this.connections) {
      if (c === except) continue;
      if (framed) c.sendFramed(framed, message);
      else c.send(message);
      receivers++;
    }
    this.events.onBroadcast?.(this.id, receivers, message.byteLength);
  }

  get isFailed(): boolean {
    return this.failed;
  }

  destroy(): void {
    this.awareness.flush();
    this.awareness.dispose();
    this.doc.destroy();
  }
}
