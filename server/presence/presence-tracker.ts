import type { Logger } from '../log';
import type { PresenceStore } from './presence-store';

/** A socket as presence sees it. */
export interface PresenceConnection {
  id: string;
  documentId: string;
  workspaceId: string;
  user: { id: string; name: string; organization: string };
  since: string;
}

export const PRESENCE_TTL_MS = 25_000;
const HEARTBEAT_MS = 10_000;

/**
 * Keeps this instance's sockets in the presence store: put on join, renewed by a
 * heartbeat, removed on leave. `onChange` fires when a person arrives in or leaves a
 * document (not for their second tab), for the `presence.changed` event.
 */
export class PresenceTracker {
  private readonly local = new Map<string, PresenceConnection>();
  /** Open sockets per person and document: a join or leave costs the same in a room of 500. */
  private readonly perPerson = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: PresenceStore,
    private readonly instanceId: string,
    private readonly log: Logger,
    private readonly onChange: (conn: PresenceConnection, state: 'joined' | 'left') => void,
  ) {
    this.timer = setInterval(() => void this.heartbeat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  joined(conn: PresenceConnection): void {
    if (this.local.has(conn.id)) return;
    this.local.set(conn.id, conn);
    const sockets = this.count(conn, +1);
    void this.write(conn);
    if (sockets === 1) this.onChange(conn, 'joined');
  }

  left(connectionId: string): void {
    const conn = this.local.get(connectionId);
    if (!conn) return;
    this.local.delete(connectionId);
    this.store.remove(conn.workspaceId, this.key(conn)).catch((err: Error) => {
      this.log.warn({ event: 'presence.remove_failed', err: err.message }, 'presence remove failed');
    });
    if (this.count(conn, -1) === 0) this.onChange(conn, 'left');
  }

  /** Renews every local entry; also restores them after the store was unreachable. */
  async heartbeat(): Promise<void> {
    await Promise.all([...this.local.values()].map((c) => this.write(c)));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** This person's sockets on this document after adding `delta`. */
  private count(conn: PresenceConnection, delta: 1 | -1): number {
    const key = `${conn.user.id}\n${conn.documentId}`;
    const n = (this.perPerson.get(key) ?? 0) + delta;
    if (n > 0) this.perPerson.set(key, n);
    else this.perPerson.delete(key);
    return n;
  }

  private key(conn: PresenceConnection): string {
    return `${this.instanceId}:${conn.id}`;
  }

  private async write(conn: PresenceConnection): Promise<void> {
    try {
      await this.store.put(conn.workspaceId, this.key(conn), { user: conn.user, documentId: conn.documentId, since: conn.since }, PRESENCE_TTL_MS);
    } catch (err) {
      this.log.warn({ event: 'presence.write_failed', err: (err as Error).message }, 'presence write failed');
    }
  }
}
