import { encodeAwareness, type AwarenessEntry, type EncodedAwarenessEntry } from './messages';
import type { Connection } from './connection';

/**
 * Awareness for one room, kept as already-stamped JSON text. Updates are coalesced
 * for `flushMs` and sent as one frame, encoded once for every receiver: with hundreds of
 * cursors moving this is the difference between a busy core and an idle one.
 */
export class AwarenessRelay {
  private readonly states = new Map<number, EncodedAwarenessEntry>();
  private readonly owners = new Map<number, Connection>();
  private readonly pending = new Map<number, EncodedAwarenessEntry>();
  private readonly remoteSeen = new Map<number, number>();
  private snapshot: Uint8Array | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly flushMs: number,
    private readonly broadcast: (frame: Uint8Array, entries: EncodedAwarenessEntry[]) => void,
  ) {}

  get size(): number {
    return this.states.size;
  }

  /**
   * Takes a connection's awareness entries. The server overwrites `user` with the
   * authenticated identity and ignores entries for client ids another socket owns,
   * so nobody can appear as someone else or erase someone else's cursor.
   */
  receive(conn: Connection, entries: AwarenessEntry[]): void {
    for (const entry of entries) {
      const owner = this.owners.get(entry.clientId);
      if (owner && owner !== conn) continue;
      const current = this.states.get(entry.clientId);
      if (current && entry.clock < current.clock) continue;
      if (entry.state === null) {
        this.owners.delete(entry.clientId);
        conn.awarenessClientIds.delete(entry.clientId);
        this.states.delete(entry.clientId);
        this.queue({ clientId: entry.clientId, clock: entry.clock, json: 'null' });
        continue;
      }
      this.owners.set(entry.clientId, conn);
      conn.awarenessClientIds.add(entry.clientId);
      const stamped = { ...entry.state, user: { ...conn.identity.user } };
      const encoded = { clientId: entry.clientId, clock: entry.clock, json: JSON.stringify(stamped) };
      this.states.set(entry.clientId, encoded);
      this.queue(encoded);
    }
  }

  /** Entries relayed from another instance: already stamped there, applied as they come. */
  receiveRemote(entries: EncodedAwarenessEntry[]): void {
    const now = Date.now();
    for (const e of entries) {
      if (this.owners.has(e.clientId)) continue;
      if (e.json === 'null') {
        this.states.delete(e.clientId);
        this.remoteSeen.delete(e.clientId);
      } else {
        this.states.set(e.clientId, e);
        this.remoteSeen.set(e.clientId, now);
      }
    }
    this.snapshot = null;
  }

  /**
   * Forgets remote cursors not renewed within `maxAgeMs` (clients renew every 15 s), so
   * the cursors of a crashed instance do not linger for late joiners.
   */
  sweepRemote(maxAgeMs: number): EncodedAwarenessEntry[] {
    const cutoff = Date.now() - maxAgeMs;
    const removed: EncodedAwarenessEntry[] = [];
    for (const [clientId, seen] of this.remoteSeen) {
      if (seen >= cutoff) continue;
      const current = this.states.get(clientId);
      this.remoteSeen.delete(clientId);
      this.states.delete(clientId);
      removed.push({ clientId, clock: (current?.clock ?? 0) + 1, json: 'null' });
    }
    if (removed.length > 0) this.snapshot = null;
    return removed;
  }

  /** The states owned by sockets on this instance. */
  localEntries(): EncodedAwarenessEntry[] {
    return [...this.owners.keys()].flatMap((id) => {
      const s = this.states.get(id);
      return s ? [s] : [];
    });
  }

  /** A closed socket's cursors disappear for everyone. */
  removeConnection(conn: Connection): void {
    for (const clientId of conn.awarenessClientIds) {
      const current = this.states.get(clientId);
      this.states.delete(clientId);
      this.owners.delete(clientId);
      this.queue({ clientId, clock: (current?.clock ?? 0) + 1, json: 'null' });
    }
    conn.awarenessClientIds.clear();
  }

  /** Everything known now, as one frame (cached until the next change). */
  currentFrame(): Uint8Array | null {
    if (this.states.size === 0) return null;
    this.snapshot ??= encodeAwareness(this.states.values(), this.states.size);
    return this.snapshot;
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const entries = [...this.pending.values()];
    this.pending.clear();
    this.broadcast(encodeAwareness(entries, entries.length), entries);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private queue(entry: EncodedAwarenessEntry): void {
    this.snapshot = null;
    this.pending.set(entry.clientId, entry);
    if (this.flushMs === 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }
}
