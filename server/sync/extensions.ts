import type { Connection, SyncIdentity } from './connection';
import type { EncodedAwarenessEntry, AwarenessEntry } from './messages';
import type { Room } from './room';
import type { UpdateInspection } from './update-inspection';

/**
 * Why a message (or an upgrade) is refused. `close` names the close code the sender's
 * socket gets; without it the message is dropped silently (read-only roles: the stock
 * client keeps sending step 2, which is not an offence). `kind` labels the metric.
 */
export interface Refusal {
  kind: string;
  /** Sent as the close reason (at most 123 bytes) and logged. */
  reason: string;
  close?: number;
  /** Logged only: what a person reading the logs needs and the client does not show. */
  detail?: string;
}

/** An upgrade refused before a socket exists: a plain HTTP answer. */
export interface UpgradeRefusal {
  status: 429 | 503;
  code: string;
  message: string;
}

/** What one update would do, computed without touching the room's document. */
export interface UpdateContext {
  conn: Connection;
  room: Room;
  update: Uint8Array;
  /** The dry run, decoded once on first use and shared by every extension. */
  inspect(): UpdateInspection;
}

/**
 * One policy or feature on the sync path. Hooks run in list order; the first refusal
 * wins and later extensions never see the message. Modelled on Hocuspocus' server
 * extensions (onAuthenticate, beforeHandleMessage, onChange, onDisconnect, afterUnload)
 * and tldraw sync-core's filterPush: a hook that refuses returns what is wrong.
 */
export interface SyncExtension {
  readonly name: string;
  /** Before the upgrade is answered: may refuse it (caps). */
  onAuthenticate?(identity: SyncIdentity, address: string): UpgradeRefusal | null;
  /** A socket was accepted / closed (whether or not it reached its room). */
  onOpen?(conn: Connection): void;
  onClose?(conn: Connection): void;
  /** Before a document's content is read (subscribe to other instances first). */
  beforeLoad?(documentId: string, room: () => Room | undefined): Promise<void>;
  onJoin?(conn: Connection, room: Room): void;
  /** Every binary frame as it arrives, before it is decoded. */
  onFrame?(conn: Connection, bytes: number): Refusal | null;
  /** Awareness entries a socket sent, before they are stamped and relayed. */
  onAwareness?(conn: Connection, room: Room, entries: AwarenessEntry[]): Refusal | null;
  /** An update (step 2 or update) a socket sent, before anything of it is applied. */
  beforeApplyUpdate?(ctx: UpdateContext): Refusal | null;
  /** A local change, committed to storage (`origin` is the sending Connection, if any). */
  afterCommit?(room: Room, update: Uint8Array, origin: Connection | null, commitSeconds: number): void;
  /** One commit to storage finished: `updates` were stored together in `seconds`. */
  afterCommitBatch?(room: Room, updates: number, seconds: number): void;
  /** Awareness of local sockets leaving the room (after coalescing). */
  afterAwareness?(room: Room, entries: EncodedAwarenessEntry[]): void;
  onBroadcast?(room: Room, receivers: number, bytes: number): void;
  /** Something was refused, for counting. */
  onRejected?(kind: string): void;
  onLeave?(conn: Connection, room: Room): void;
  onUnload?(room: Room): void;
  /** The server stops. */
  onDestroy?(): void;
}

/**
 * The ordered hook list; every part of the sync path calls through it. Filled once, in
 * server.ts, before the first socket can arrive.
 */
export class SyncHooks {
  private readonly extensions: SyncExtension[] = [];

  use(...extensions: SyncExtension[]): this {
    this.extensions.push(...extensions);
    return this;
  }

  authenticate(identity: SyncIdentity, address: string): UpgradeRefusal | null {
    for (const e of this.extensions) {
      const refusal = e.onAuthenticate?.(identity, address);
      if (refusal) return refusal;
    }
    return null;
  }

  async beforeLoad(documentId: string, room: () => Room | undefined): Promise<void> {
    for (const e of this.extensions) await e.beforeLoad?.(documentId, room);
  }

  open(conn: Connection): void {
    for (const e of this.extensions) e.onOpen?.(conn);
  }

  close(conn: Connection): void {
    for (const e of this.extensions) e.onClose?.(conn);
  }

  join(conn: Connection, room: Room): void {
    for (const e of this.extensions) e.onJoin?.(conn, room);
  }

  frame(conn: Connection, bytes: number): Refusal | null {
    return this.first((e) => e.onFrame?.(conn, bytes));
  }

  awareness(conn: Connection, room: Room, entries: AwarenessEntry[]): Refusal | null {
    return this.first((e) => e.onAwareness?.(conn, room, entries));
  }

  beforeApplyUpdate(ctx: UpdateContext): Refusal | null {
    return this.first((e) => e.beforeApplyUpdate?.(ctx));
  }

  afterCommit(room: Room, update: Uint8Array, origin: Connection | null, seconds: number): void {
    for (const e of this.extensions) e.afterCommit?.(room, update, origin, seconds);
  }

  afterCommitBatch(room: Room, updates: number, seconds: number): void {
    for (const e of this.extensions) e.afterCommitBatch?.(room, updates, seconds);
  }

  afterAwareness(room: Room, entries: EncodedAwarenessEntry[]): void {
    for (const e of this.extensions) e.afterAwareness?.(room, entries);
  }

  broadcast(room: Room, receivers: number, bytes: number): void {
    for (const e of this.extensions) e.onBroadcast?.(room, receivers, bytes);
  }

  rejected(kind: string): void {
    for (const e of this.extensions) e.onRejected?.(kind);
  }

  leave(conn: Connection, room: Room): void {
    for (const e of this.extensions) e.onLeave?.(conn, room);
  }

  unload(room: Room): void {
    for (const e of this.extensions) e.onUnload?.(room);
  }

  destroy(): void {
    for (const e of this.extensions) e.onDestroy?.();
  }

  private first(run: (e: SyncExtension) => Refusal | null | undefined): Refusal | null {
    for (const e of this.extensions) {
      const refusal = run(e);
      if (refusal) {
        this.rejected(refusal.kind);
        return refusal;
      }
    }
    return null;
  }
}
