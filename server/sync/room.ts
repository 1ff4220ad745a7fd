import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import type { Logger } from '../log';
import type { DocumentStore } from '../storage/document-store';
import { AwarenessRelay } from './awareness-relay';
import { Connection } from './connection';
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type ClientMessage,
  type EncodedAwarenessEntry,
} from './messages';
import { frameBinary } from './framing';
import type { Refusal, SyncHooks } from './extensions';
import { UpdateInspection } from './update-inspection';
import { CommitQueue, type Pending } from './commit-queue';

/** How long commits are retried while storage is away before the room gives up (see CommitQueue). */
const COMMIT_RETRY_MS = 10_000;

/** One client's cursor is relayed at most 10 times a second (the latest state wins). */
const AWARENESS_MIN_INTERVAL_MS = 100;

/** Origin of updates that another instance already stored: relay, do not store again. */
export const REMOTE_ORIGIN = Symbol('remote');

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
  /** Sync step 1 with the document's state vector, shared by joiners until the document changes. */
  private step1Frame: Uint8Array | null = null;
  private failed = false;
  private readonly commits: CommitQueue<unknown>;

  constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    storedUpdates: number,
    /** Bytes of the stored rows the document was loaded from (the document size policy starts here). */
    readonly loadedBytes: number,
    private readonly store: DocumentStore,
    private readonly log: Logger,
    awarenessFlushMs: number,
    private readonly hooks: SyncHooks,
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
    this.awareness = new AwarenessRelay(
      { windowMs: awarenessFlushMs, minIntervalMs: AWARENESS_MIN_INTERVAL_MS },
      () => this.connections.size,
      (frame, entries) => {
        this.sendToAll(frame, null);
        this.hooks.afterAwareness(this, entries);
      },
    );
    doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
  }

  join(conn: Connection): void {
    this.connections.add(conn);
    // The server's state vector first: the client answers with whatever it has that we lack,
    // which is how edits made offline come home.
    // Both held: they leave in one write at the end of this turn.
    conn.sendHeld((this.step1Frame ??= encodeSyncStep1(Y.encodeStateVector(this.doc))));
    const awareness = this.awareness.currentFrame();
    if (awareness) conn.sendHeld(awareness);
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
      case 'awareness': {
        // Mostly the stock client's echo of what it received: dropped before any limit counts it.
        const entries = this.awareness.ownedBy(conn, message.entries);
        if (entries.length === 0) return;
        const refusal = this.hooks.awareness(conn, this, entries);
        if (refusal) return refuse(conn, refusal);
        this.awareness.receive(conn, entries);
        return;
      }
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
    if (local.length > 0) this.hooks.afterAwareness(this, local);
  }

  /** An update another instance committed and published. */
  applyRemoteUpdate(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    } catch (err) {
      this.log.error({ event: 'room.remote_update_failed', err }, 'remote update did not apply');
    }
  }

  /** Every extension sees the update (and its dry run) before anything of it is applied. */
  private applyClientUpdate(conn: Connection, update: Uint8Array): void {
    // A joiner that has nothing the server lacks answers step 1 with an empty update (no
    // structs, no deletions): nothing to check or apply, in a connect storm once per socket.
    if (update.byteLength === 2 && update[0] === 0 && update[1] === 0) return;
    let inspection: UpdateInspection | null = null;
    const refusal = this.hooks.beforeApplyUpdate({
      conn,
      room: this,
      update,
      inspect: () => (inspection ??= new UpdateInspection(this.doc, update)),
    });
    if (refusal) return refuse(conn, refusal);
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (err) {
      this.hooks.rejected('invalid_update');
      conn.log.warn({ event: 'sync.update_failed', err }, 'update failed to apply');
      conn.close(CloseCode.invalidPayload, 'invalid update');
    }
    const store = this.doc.store;
    if (store.pendingStructs || store.pendingDs) {
      // The dry run should have caught it; never let a pending remainder be retried on every
      // later update. What did integrate is stored and consistent on its own.
      store.pendingStructs = null;
      store.pendingDs = null;
      refuse(conn, { kind: 'pending', reason: 'update depends on changes the server does not have', close: CloseCode.badMessage });
    }
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (this.failed) return;
    this.fullStateFrame = null;
    this.step1Frame = null;
    if (origin === REMOTE_ORIGIN) this.sendToAll(encodeUpdate(update), origin);
    else this.commits.enqueue(update, origin);
  }

  /** Stored: now others may hear of it, in the order it arrived. */
  private onCommitted(batch: Pending<unknown>[], seconds: number): void {
    this.hooks.afterCommitBatch(this, batch.length, seconds);
    for (const { update, meta: origin } of batch) {
      this.storedUpdates++;
      this.hooks.afterCommit(this, update, isConnection(origin) ? origin : null, seconds);
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
      c.sendHeld(message, framed);
      receivers++;
    }
    this.hooks.broadcast(this, receivers, message.byteLength);
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

function isConnection(origin: unknown): origin is Connection {
  return origin instanceof Connection;
}

/** Closes the sender (or, for a silent refusal, only logs it); nothing of the message was used. */
export function refuse(conn: Connection, refusal: Refusal): void {
  if (refusal.close === undefined) return;
  conn.log.warn({ event: 'sync.refused', kind: refusal.kind, reason: refusal.reason, detail: refusal.detail }, 'message refused');
  conn.close(refusal.close, refusal.reason);
}
