import { AwarenessPacer, type PacingOptions } from './awareness-pacer';
import { encodeAwareness, parseAwarenessState, type AwarenessEntry, type EncodedAwarenessEntry } from './messages';
import type { Connection, SyncUser } from './connection';

/**
 * A client's unchanged state (the stock client renews it every 15 s, and apps set fields
 * to what they already hold) is relayed only when the last relay is this old: receivers
 * forget a state not renewed for 30 s.
 */
const RESEND_UNCHANGED_AFTER_MS = 10_000;
/** How long a departed client's id stays claimed: late echoes of its state are dropped. */
const TOMBSTONE_MS = 60_000;

interface Tombstone {
  clock: number;
  userId: string;
  at: number;
}

/**
 * Awareness for one room, kept as already-stamped JSON text. Updates are coalesced (see
 * AwarenessPacer) and sent as one frame, encoded once for every receiver.
 */
export class AwarenessRelay {
  private readonly states = new Map<number, EncodedAwarenessEntry>();
  private readonly owners = new Map<number, Connection>();
  private readonly remoteSeen = new Map<number, number>();
  private readonly departed = new Map<number, Tombstone>();
  private readonly pacer: AwarenessPacer;
  private snapshot: Uint8Array | null = null;

  constructor(
    pacing: PacingOptions,
    roomSize: () => number,
    broadcast: (frame: Uint8Array, entries: EncodedAwarenessEntry[]) => void,
  ) {
    this.pacer = new AwarenessPacer(pacing, roomSize, (entries) => {
      this.snapshot = null;
      broadcast(encodeAwareness(entries, entries.length), entries);
    });
  }

  get size(): number {
    return this.states.size;
  }

  /**
   * The entries of a message that are this connection's to write. A stock y-websocket
   * client sends every state it receives straight back; those echoes (and forgeries) are
   * dropped here, unread, before any limit counts them: states another socket owns, states
   * of other instances, and late echoes of a departed client's state. Its own user may
   * reclaim a departed id (the provider keeps its client id across reconnects).
   */
  ownedBy(conn: Connection, entries: AwarenessEntry[]): AwarenessEntry[] {
    return entries.filter((e) => {
      const owner = this.owners.get(e.clientId);
      if (owner) return owner === conn;
      if (this.remoteSeen.has(e.clientId)) return false;
      // Removing a state nobody here owns: the echo of a removal already relayed.
      if (e.removed) return false;
      const gone = this.departed.get(e.clientId);
      return !gone || gone.userId === conn.identity.user.id || e.clock > gone.clock;
    });
  }

  /**
   * Takes a connection's own entries (see `ownedBy`). The server overwrites `user` with the
   * authenticated identity, so nobody can appear as someone else. Every state is parsed
   * before any is taken: a message with one bad state changes nothing.
   */
  receive(conn: Connection, entries: AwarenessEntry[]): void {
    const states = entries.map((e) => (e.removed ? null : parseAwarenessState(e)));
    const now = Date.now();
    entries.forEach((entry, i) => {
      const current = this.states.get(entry.clientId);
      if (current && entry.clock < current.clock) return;
      const state = states[i];
      if (state === null || state === undefined) return this.remove(entry.clientId, entry.clock, conn);
      this.owners.set(entry.clientId, conn);
      this.departed.delete(entry.clientId);
      conn.awarenessClientIds.add(entry.clientId);
      const encoded = { clientId: entry.clientId, clock: entry.clock, json: stamp(state, conn.identity.user) };
      this.states.set(entry.clientId, encoded);
      const unchanged = current?.json === encoded.json && now - this.pacer.lastSent(entry.clientId) < RESEND_UNCHANGED_AFTER_MS;
      if (!unchanged) this.pacer.queue(encoded);
    });
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
    for (const [clientId, gone] of this.departed) if (gone.at < Date.now() - TOMBSTONE_MS) this.departed.delete(clientId);
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
      this.remove(clientId, (this.states.get(clientId)?.clock ?? 0) + 1, conn);
    }
    conn.awarenessClientIds.clear();
  }

  /**
   * Everything known, as one frame for joiners and query-awareness answers. It is rebuilt
   * after each broadcast, not after each change: a joiner is in the room when the pending
   * changes go out, so a snapshot as of the last broadcast is complete for it. In a connect
   * storm, where every joiner's own state is a change, 500 joiners then share a handful of
   * snapshots instead of each encoding its own.
   */
  currentFrame(): Uint8Array | null {
    if (this.states.size === 0) return null;
    this.snapshot ??= encodeAwareness(this.states.values(), this.states.size);
    return this.snapshot;
  }

  /** Sends everything pending now, whatever the window and the per-client interval. */
  flush(): void {
    this.pacer.flush(true);
  }

  dispose(): void {
    this.pacer.dispose();
  }

  private remove(clientId: number, clock: number, conn: Connection): void {
    const current = this.states.get(clientId);
    this.owners.delete(clientId);
    conn.awarenessClientIds.delete(clientId);
    this.states.delete(clientId);
    if (current) this.departed.set(clientId, { clock: Math.max(clock, current.clock), userId: conn.identity.user.id, at: Date.now() });
    this.pacer.queue({ clientId, clock, json: 'null' });
  }
}

/** Each identity's JSON, made once: a cursor moving at 10 Hz is stamped ten times a second. */
const userJson = new WeakMap<SyncUser, string>();

/** The state as relayed: whatever the client sent, with `user` replaced by who it really is. */
function stamp(state: Record<string, unknown>, user: SyncUser): string {
  let identity = userJson.get(user);
  if (identity === undefined) {
    identity = JSON.stringify({ id: user.id, name: user.name, organization: user.organization, color: user.color });
    userJson.set(user, identity);
  }
  const rest = JSON.stringify({ ...state, user: undefined });
  return rest === '{}' ? `{"user":${identity}}` : `${rest.slice(0, -1)},"user":${identity}}`;
}
