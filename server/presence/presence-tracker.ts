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
    const first = !this.hasOther(conn);
    this.local.set(conn.id, conn);
    void this.write(conn);
    if (first) this.onChange(conn, 'joined');
  }

  left(connectionId: string): void {
    const conn = this.local.get(connectionId);
    if (!conn) return;
    this.local.delete(connectionId);
    this.store.remove(conn.workspaceId, this.key(conn)).catch((err: Error) => {
      this.log.warn({ event: 'presence.remove_failed', err: err.message }, 'presence remove failed');
    });
    if (!this.hasOther(conn)) this.onChange(conn, 'left');
  }

  /** Renews every local entry; also restores them after the store was unreachable. */
  async heartbeat(): Promise<void> {
    await Promise.all([...this.local.values()].map((c) => this.write(c)));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private hasOther(conn: PresenceConnection): boolean {
    for (const c of this.local.values()) {
      if (c.id !== conn.id && c.user.id === conn.user.id && c.documentId === conn.documentId) return true;
    }
    return false;
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
