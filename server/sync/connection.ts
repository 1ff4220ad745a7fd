import type { WebSocket } from 'ws';
import type { Role } from '../../shared/roles';
import { canWriteBoard, canWriteContent } from '../../shared/roles';
import { CloseCode } from '../../shared/protocol';
import type { Logger } from '../log';
import { writeFramed } from './framing';
import { turnBatcher } from './socket-batcher';

/** The identity a connection was authorised as; the server stamps it on awareness. */
export interface SyncUser {
  id: string;
  name: string;
  organization: string;
  color: string;
}

export interface SyncIdentity {
  user: SyncUser;
  role: Role;
  /** The workspace of the document, so role changes can find open sockets. */
  workspaceId: string | null;
  /**
   * Boards take cards and votes from participants; text documents only from editors. A
   * `ballot` is a person's own hidden votes on a board (server/boards/ballot-box.ts).
   */
  documentKind?: 'recommendation' | 'note' | 'board' | 'ballot';
  /** The session the socket was opened with, so logout and expiry can find it. */
  session?: { tokenHash: string; expiresAt: number };
}

let nextConnectionNumber = 0;

/** One open sync socket: who it is, what it may do, and a send that never blocks the room. */
export class Connection {
  readonly id: string;
  /** Awareness client ids this socket has introduced; only it may update or remove them. */
  readonly awarenessClientIds = new Set<number>();
  /** Answered the last ping (see SyncServer's pinger). */
  alive = true;
  private closed = false;
  private child: Logger | null = null;

  constructor(
    readonly ws: WebSocket,
    readonly documentId: string,
    public identity: SyncIdentity,
    private readonly parentLog: Logger,
    private readonly maxBufferedBytes: number,
    /** The client address the upgrade came from (connection caps). */
    readonly address = 'local',
  ) {
    this.id = `c${(++nextConnectionNumber).toString(36)}${process.pid.toString(36)}`;
  }

  /** A child logger, made on first use: an idle socket should not carry one. */
  get log(): Logger {
    return (this.child ??= this.parentLog.child({ documentId: this.documentId, connectionId: this.id, userId: this.identity.user.id }));
  }

  /** Routine lines (open, close) through the parent logger with the same ids. */
  info(fields: Record<string, unknown>, message: string): void {
    this.parentLog.info({ documentId: this.documentId, connectionId: this.id, userId: this.identity.user.id, ...fields }, message);
  }

  /** Like `info`, at debug level: nothing is built when debug is off (a connect storm logs per socket). */
  debug(fields: Record<string, unknown>, message: string): void {
    if (!this.parentLog.isLevelEnabled('debug')) return;
    this.parentLog.debug({ documentId: this.documentId, connectionId: this.id, userId: this.identity.user.id, ...fields }, message);
  }

  get canWrite(): boolean {
    const { role, documentKind } = this.identity;
    return documentKind === 'board' || documentKind === 'ballot' ? canWriteBoard(role) : canWriteContent(role);
  }

  get isOpen(): boolean {
    return !this.closed && this.ws.readyState === this.ws.OPEN;
  }

  /** A direct answer: leaves now, after anything already held for this socket (order is kept). */
  send(message: Uint8Array): void {
    if (!this.mayQueue()) return;
    this.ws.send(message, { binary: true });
    turnBatcher.flush(this.ws);
  }

  /**
   * Part of a broadcast, or anything that may wait for the end of this event-loop turn:
   * held with the socket's other frames of the turn and written with them in one syscall
   * (see SocketBatcher). `framed`: the WebSocket frame built once for every receiver.
   */
  sendHeld(message: Uint8Array, framed: Buffer | null = null): void {
    if (!this.mayQueue()) return;
    turnBatcher.hold(this.ws);
    if (framed) writeFramed(this.ws, framed, message);
    else this.ws.send(message, { binary: true });
  }

  /** Open and keeping up; a client that stopped reading is dropped instead of growing memory. */
  private mayQueue(): boolean {
    if (!this.isOpen) return false;
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      this.close(CloseCode.slowConsumer, 'slow consumer: too much unsent data');
      // The close frame would wait behind the backlog; cut the socket now.
      this.ws.terminate();
      return false;
    }
    return true;
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.info({ event: 'connection.closing', code, reason }, 'closing connection');
    // Close frames carry at most 123 bytes of reason.
    this.ws.close(code, reason.slice(0, 120));
    // Not held to the end of the turn: a shutdown may cut the socket before that.
    turnBatcher.flush(this.ws);
    // A peer that never answers the close handshake must not keep the socket forever.
    setTimeout(() => this.ws.terminate(), 5_000).unref();
  }
}
