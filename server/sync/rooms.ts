import * as Y from 'yjs';
import type { Logger } from '../log';
import type { DocumentStore } from '../storage/document-store';
import { applyStoredUpdates } from '../storage/stored-doc';
import { Room } from './room';
import type { SyncHooks } from './extensions';

export interface RoomRegistryOptions {
  store: DocumentStore;
  log: Logger;
  graceMs: number;
  compactAfterUpdates: number;
  awarenessFlushMs: number;
  hooks: SyncHooks;
}

/**
 * Loads each document once, shares the loading among simultaneous joiners, and unloads
 * a room when it has been empty for the grace period.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly compacting = new Set<string>();
  /** Rooms kept loaded without a socket of their own (a ballot needs its board's rules). */
  private readonly holds = new Map<string, number>();

  constructor(private readonly opts: RoomRegistryOptions) {}

  get size(): number {
    return this.rooms.size;
  }

  loaded(documentId: string): Room | undefined {
    return this.rooms.get(documentId);
  }

  all(): IterableIterator<Room> {
    return this.rooms.values();
  }

  async get(documentId: string): Promise<Room> {
    this.cancelUnload(documentId);
    const room = this.rooms.get(documentId);
    if (room && !room.isFailed) return room;
    let pending = this.loading.get(documentId);
    if (!pending) {
      pending = this.load(documentId).finally(() => this.loading.delete(documentId));
      this.loading.set(documentId, pending);
    }
    return pending;
  }

  /** Loads a room and keeps it loaded, socket or not, until `unhold`. */
  async hold(documentId: string): Promise<Room> {
    this.holds.set(documentId, (this.holds.get(documentId) ?? 0) + 1);
    try {
      return await this.get(documentId);
    } catch (err) {
      this.unhold(documentId);
      throw err;
    }
  }

  unhold(documentId: string): void {
    const n = (this.holds.get(documentId) ?? 0) - 1;
    if (n > 0) this.holds.set(documentId, n);
    else this.holds.delete(documentId);
    const room = this.rooms.get(documentId);
    if (room && n <= 0) this.released(room);
  }

  /** Call when a connection left; starts the grace period once the room is empty. */
  released(room: Room): void {
    if (room.connections.size > 0 || (this.holds.has(room.id) && !room.isFailed)) return;
    if (room.isFailed || this.opts.graceMs === 0) {
      this.unload(room);
      return;
    }
    this.cancelUnload(room.id);
    const timer = setTimeout(() => this.unload(room), this.opts.graceMs);
    timer.unref();
    this.unloadTimers.set(room.id, timer);
  }

  /** Unloads every room (shutdown). Content is already stored update by update. */
  async closeAll(): Promise<void> {
    for (const t of this.unloadTimers.values()) clearTimeout(t);
    this.unloadTimers.clear();
    this.holds.clear();
    await Promise.allSettled([...this.loading.values()]);
    // Updates received but not yet stored are committed before storage closes.
    await Promise.allSettled([...this.rooms.values()].map((r) => r.settled()));
    for (const room of [...this.rooms.values()]) this.unload(room);
  }

  scheduleCompaction(room: Room): void {
    if (this.compacting.has(room.id)) return;
    this.compacting.add(room.id);
    // After the current message is handled and broadcast: compaction never delays an edit.
    setImmediate(() => {
      void this.compact(room).finally(() => this.compacting.delete(room.id));
    });
  }

  private async compact(room: Room): Promise<void> {
    const started = performance.now();
    this.opts.log.debug({ event: 'storage.compacting', documentId: room.id, rows: room.storedUpdates }, 'compacting document log');
    try {
      // Off the event loop (the store's worker threads): this room and every other keep going.
      const result = await this.opts.store.compact(room.id);
      room.storedUpdates = result.after;
      this.opts.log.info(
        { event: 'storage.compacted', documentId: room.id, ...result, ms: Math.round(performance.now() - started) },
        'compacted document log',
      );
    } catch (err) {
      this.opts.log.error({ event: 'storage.compact_failed', documentId: room.id, err }, 'compaction failed');
      // Again after another compactAfterUpdates rows, not at every commit: an unreadable row
      // would fail each attempt, and each reads the whole document.
      room.storedUpdates = 0;
    }
  }

  private async load(documentId: string): Promise<Room> {
    const started = performance.now();
    await this.opts.hooks.beforeLoad(documentId, () => this.rooms.get(documentId));
    const updates = await this.opts.store.loadUpdates(documentId);
    const doc = new Y.Doc({ gc: true });
    const broken = applyStoredUpdates(doc, updates);
    if (broken > 0) this.opts.log.error({ event: 'storage.broken_rows', documentId, broken }, 'skipped unreadable rows');
    const room = new Room(
      documentId,
      doc,
      updates.length,
      updates.reduce((sum, u) => sum + u.byteLength, 0),
      this.opts.store,
      this.opts.log.child({ documentId }),
      this.opts.awarenessFlushMs,
      this.opts.hooks,
      (r) => this.scheduleCompaction(r),
      this.opts.compactAfterUpdates,
    );
    this.rooms.set(documentId, room);
    this.opts.log.debug(
      { event: 'room.loaded', documentId, rows: updates.length, ms: Math.round(performance.now() - started) },
      'room loaded',
    );
    if (updates.length >= this.opts.compactAfterUpdates) this.scheduleCompaction(room);
    return room;
  }

  private unload(room: Room): void {
    this.cancelUnload(room.id);
    if ((room.connections.size > 0 || this.holds.has(room.id)) && !room.isFailed) return;
    // Keep it (and reuse it on a rejoin) until its last updates are stored: a reload before
    // that would read storage without them.
    if (room.hasPendingCommits && !room.isFailed) {
      void room.settled().then(() => this.unload(room));
      return;
    }
    const current = this.rooms.get(room.id) === room;
    if (current) this.rooms.delete(room.id);
    room.destroy();
    if (current && !this.loading.has(room.id)) this.opts.hooks.unload(room);
    this.opts.log.debug({ event: 'room.unloaded', documentId: room.id }, 'room unloaded');
  }

  private cancelUnload(documentId: string): void {
    const t = this.unloadTimers.get(documentId);
    if (t) clearTimeout(t);
    this.unloadTimers.delete(documentId);
  }
}
