import type { WebSocket, RawData } from 'ws';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import type { Logger } from '../log';
import type { Role } from '../../shared/roles';
import { Connection, type SyncIdentity } from './connection';
import { decodeClientMessage, encodeSyncStep1, ProtocolError } from './messages';
import type { Room } from './room';
import type { RoomRegistry } from './rooms';
import type { SyncHooks, UpgradeRefusal } from './extensions';
import { refuse } from './room';

export interface SyncServerOptions {
  rooms: RoomRegistry;
  log: Logger;
  maxMessageBytes: number;
  maxBufferedBytes: number;
  /** Awareness entries one frame may carry (a connection owns at most this many client ids). */
  maxAwarenessEntries?: number;
  hooks: SyncHooks;
  /** How often every socket is pinged; one that has not answered the previous ping is dropped. */
  pingIntervalMs?: number;
}

/**
 * The message path of the sync socket: an authorised socket is attached to its room,
 * every frame is decoded and checked, then handed to the room. Anything a client sends
 * can close only that client's connection.
 */
export class SyncServer {
  readonly connections = new Set<Connection>();
  private accepting = true;
  private readonly pinger: NodeJS.Timeout | null = null;

  constructor(private readonly opts: SyncServerOptions) {
    if (opts.pingIntervalMs) {
      this.pinger = setInterval(() => this.pingAll(), opts.pingIntervalMs);
      this.pinger.unref();
    }
  }

  /** Frozen peers (no close, no answer) would stay in presence and keep their room loaded. */
  private pingAll(): void {
    for (const conn of this.connections) {
      if (!conn.alive) {
        conn.info({ event: 'connection.dead' }, 'peer did not answer ping');
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }

  /** Whether one more socket may open for this identity and address (caps); null: yes. */
  admit(identity: SyncIdentity, address: string): UpgradeRefusal | null {
    if (!this.accepting) return { status: 503, code: 'shutting_down', message: 'The server is restarting; try again shortly.' };
    return this.opts.hooks.authenticate(identity, address);
  }

  accept(ws: WebSocket, documentId: string, identity: SyncIdentity, address = 'local'): Connection | null {
    const conn = new Connection(ws, documentId, identity, this.opts.log, this.opts.maxBufferedBytes, address);
    if (!this.accepting) {
      conn.close(CloseCode.goingAway, 'server is shutting down');
      return null;
    }
    this.connections.add(conn);
    this.opts.hooks.open(conn);
    // One info line per socket, when it closes (with what the open line would have said):
    // 500 sockets opening at once should not also mean 500 log writes.
    const openedAt = Date.now();
    conn.debug({ event: 'connection.opened', role: identity.role }, 'sync connection opened');

    // Frames that arrive while the room loads are kept in order and handled after.
    let room: Room | null = null;
    const early: RawData[] = [];
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return this.reject(conn, new ProtocolError(CloseCode.badMessage, 'text frames are not part of the protocol'));
      if (room) this.handleFrame(conn, room, data);
      else early.push(data);
    });
    ws.on('pong', () => (conn.alive = true));
    ws.on('close', (code) => {
      this.connections.delete(conn);
      this.opts.hooks.close(conn);
      conn.info({ event: 'connection.closed', code, role: conn.identity.role, openMs: Date.now() - openedAt }, 'sync connection closed');
      if (room) {
        this.opts.hooks.leave(conn, room);
        room.leave(conn);
        this.opts.rooms.released(room);
      }
    });
    ws.on('error', (err) => {
      const tooBig = (err as { code?: string }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
      this.opts.hooks.rejected(tooBig ? 'too_big' : 'socket_error');
      conn.log.warn({ event: 'connection.error', err: err.message }, 'socket error');
    });

    this.opts.rooms.get(documentId).then(
      (loaded) => {
        if (!conn.isOpen) {
          this.opts.rooms.released(loaded);
          return;
        }
        room = loaded;
        room.join(conn);
        this.opts.hooks.join(conn, room);
        for (const data of early.splice(0)) this.handleFrame(conn, room, data);
      },
      (err) => {
        conn.log.error({ event: 'room.load_failed', err }, 'could not load document');
        conn.close(CloseCode.internalError, 'could not load the document');
      },
    );
    return conn;
  }

  /**
   * A member's role changed or they were removed (role null): their open sockets in that
   * workspace switch role in place (a demoted editor's next update is dropped, a promoted
   * viewer is asked for what it has) or are closed with 4403. Returns how many it touched.
   */
  applyMembershipChange(workspaceId: string, userId: string, role: Role | null): number {
    let touched = 0;
    for (const conn of this.connections) {
      if (conn.identity.workspaceId !== workspaceId || conn.identity.user.id !== userId) continue;
      touched++;
      if (role === null) {
        conn.close(CloseCode.forbidden, 'no longer a member of this workspace');
      } else {
        const couldWrite = conn.canWrite;
        conn.identity = { ...conn.identity, role };
        conn.log.info({ event: 'connection.role_changed', role }, 'role changed');
        // Edits made while read-only were dropped, and later edits build on them (Yjs would
        // hold those back as pending forever). Asking for a diff now brings them all in.
        const room = this.opts.rooms.loaded(conn.documentId);
        if (!couldWrite && conn.canWrite && room) conn.send(encodeSyncStep1(Y.encodeStateVector(room.doc)));
      }
    }
    return touched;
  }

  /** Stops taking sockets and closes the open ones with 1001 (going away). */
  shutdown(): void {
    this.accepting = false;
    if (this.pinger) clearInterval(this.pinger);
    for (const conn of this.connections) conn.close(CloseCode.goingAway, 'server is restarting');
  }

  private handleFrame(conn: Connection, room: Room, data: RawData): void {
    if (!conn.isOpen) return;
    const frame = toUint8Array(data);
    // ws enforces maxPayload too; this covers fragmented frames it reassembled.
    if (frame.byteLength > this.opts.maxMessageBytes) {
      return this.reject(conn, new ProtocolError(CloseCode.tooBig, 'message too big'));
    }
    const refusal = this.opts.hooks.frame(conn, frame.byteLength);
    if (refusal) return refuse(conn, refusal);
    try {
      room.handle(conn, decodeClientMessage(frame, this.opts.maxAwarenessEntries));
    } catch (err) {
      if (err instanceof ProtocolError) return this.reject(conn, err);
      conn.log.error({ event: 'sync.handler_failed', err }, 'message handler failed');
      conn.close(CloseCode.internalError, 'internal error');
    }
  }

  private reject(conn: Connection, err: ProtocolError): void {
    this.opts.hooks.rejected(err.closeCode === CloseCode.badMessage ? 'unknown_message' : 'malformed');
    conn.log.warn({ event: 'sync.frame_rejected', code: err.closeCode, reason: err.message }, 'frame rejected');
    conn.close(err.closeCode, err.message);
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
