import type { PubSub } from '../bus/pubsub';
import type { Logger } from '../log';
import type { Role } from '../../shared/roles';
import { CloseCode } from '../../shared/protocol';
import type { SessionRepository } from './sessions';
import type { MemberRepository } from '../workspaces/members';
import type { SyncServer } from '../sync/sync-server';

const CHANNEL = 'sk:session-ended';

/** An open Server-Sent Events stream, as revocation needs to know it. */
export interface OpenStream {
  tokenHash: string;
  userId: string;
  workspaceId: string;
  end(): void;
}

/**
 * Revocation that reaches every open connection: logout ends that token's sockets (4401)
 * and event streams on every instance; removal ends a member's streams (their sockets are
 * closed or downgraded by SyncServer.applyMembershipChange). Messages on the bus can be
 * lost while Redis is away, so every open socket and stream also re-checks its session
 * (logged out, expired) and membership every `recheckMs` and after the bus reconnects.
 */
export class Revocation {
  readonly streams = new Set<OpenStream>();
  private readonly timer: NodeJS.Timeout;
  private checking = false;

  constructor(
    private readonly bus: PubSub,
    private readonly sync: SyncServer,
    private readonly sessions: SessionRepository,
    private readonly members: MemberRepository,
    private readonly log: Logger,
    recheckMs: number,
  ) {
    this.timer = setInterval(() => void this.recheck(), recheckMs);
    this.timer.unref();
    bus.onReconnected(() => void this.recheck());
  }

  async start(): Promise<void> {
    await this.bus.subscribe(CHANNEL, (m) => this.endSession(new TextDecoder().decode(m)));
  }

  /** Logout: here at once, elsewhere over the bus (and by the periodic check if that is lost). */
  sessionEnded(tokenHash: string): void {
    this.endSession(tokenHash);
    this.bus.publish(CHANNEL, new TextEncoder().encode(tokenHash));
  }

  /** A membership change reached this instance: removed members lose their streams. */
  membershipChanged(workspaceId: string, userId: string, role: Role | null): void {
    if (role !== null) return;
    for (const s of this.streams) if (s.workspaceId === workspaceId && s.userId === userId) this.endStream(s, 'member_removed');
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Every open socket and stream against what storage says now. */
  async recheck(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const sessions = new Map<string, Promise<boolean>>();
      const active = (hash: string) => {
        let p = sessions.get(hash);
        if (!p) sessions.set(hash, (p = this.sessions.isActive(hash)));
        return p;
      };
      const roles = new Map<string, Promise<Role | undefined>>();
      const roleOf = (workspaceId: string, userId: string) => {
        const key = `${workspaceId}\u0000${userId}`;
        let p = roles.get(key);
        if (!p) roles.set(key, (p = this.members.role(workspaceId, userId)));
        return p;
      };
      for (const conn of [...this.sync.connections]) {
        const { session, workspaceId, user, role } = conn.identity;
        if (session && !(await active(session.tokenHash))) {
          conn.close(CloseCode.unauthorized, 'signed out or session expired');
          continue;
        }
        if (!workspaceId || !session) continue;
        const now = (await roleOf(workspaceId, user.id)) ?? null;
        if (now !== role) this.sync.applyMembershipChange(workspaceId, user.id, now);
      }
      for (const s of [...this.streams]) {
        if (!(await active(s.tokenHash))) this.endStream(s, 'session_ended');
        else if (!(await roleOf(s.workspaceId, s.userId))) this.endStream(s, 'member_removed');
      }
    } catch (err) {
      this.log.error({ event: 'revocation.recheck_failed', err }, 'access re-check failed');
    } finally {
      this.checking = false;
    }
  }

  private endSession(tokenHash: string): void {
    for (const conn of this.sync.connections) {
      if (conn.identity.session?.tokenHash === tokenHash) conn.close(CloseCode.unauthorized, 'signed out');
    }
    for (const s of this.streams) if (s.tokenHash === tokenHash) this.endStream(s, 'session_ended');
  }

  private endStream(s: OpenStream, why: string): void {
    this.streams.delete(s);
    this.log.info({ event: 'events.stream_revoked', userId: s.userId, workspaceId: s.workspaceId, why }, 'event stream ended');
    s.end();
  }
}
