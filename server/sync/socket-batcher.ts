import type { WebSocket } from 'ws';

/** The part of ws's underlying net.Socket this module uses. */
interface Corkable {
  cork(): void;
  uncork(): void;
  readonly writableLength: number;
}

/**
 * A held socket with this much buffered is written out at once and held again: a burst of
 * large updates in one turn must not pile up (and count as a slow consumer's backlog).
 */
const FLUSH_AT_BYTES = 128 * 1024;

/**
 * At most one write per socket per event-loop turn for broadcasts. The first broadcast
 * frame a socket gets in a turn corks its net.Socket; every later frame of that turn
 * (updates from several writers, an awareness flush, ws's own header + payload pair) is
 * buffered behind it in order, and one `setImmediate` uncorks every held socket, so Node
 * hands each receiver's frames to the kernel in one writev instead of one syscall per
 * frame. A direct answer or a close frame flushes its socket at once (`flush`).
 *
 * Corking keeps ws in charge of framing and order: whatever goes through `ws.send`,
 * `ws.close` or a pre-built frame lands in the same buffer, and ws's own cork/uncork
 * pairs nest inside ours. `ws.bufferedAmount` still counts the held bytes, so the slow
 * consumer check sees them. setImmediate runs right after the poll phase, so a frame
 * waits for the I/O of its own turn, never for a timer.
 */
export class SocketBatcher {
  private held = new Set<Corkable>();
  private scheduled = false;
  private readonly releaseAll = () => this.release();

  constructor(private readonly flushAtBytes = FLUSH_AT_BYTES) {}

  /** Holds this socket's writes until the end of the turn; call before each write. */
  hold(ws: WebSocket): void {
    const socket = (ws as unknown as { _socket?: Corkable | null })._socket;
    if (!socket) return;
    if (this.held.has(socket)) {
      if (socket.writableLength >= this.flushAtBytes) {
        socket.uncork();
        socket.cork();
      }
      return;
    }
    socket.cork();
    this.held.add(socket);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.releaseAll);
    }
  }

  /** Writes out what this socket holds now: a direct answer or a close frame must not wait. */
  flush(ws: WebSocket): void {
    const socket = (ws as unknown as { _socket?: Corkable | null })._socket;
    if (socket && this.held.delete(socket)) socket.uncork();
  }

  /** Sockets held in the current turn (for tests and metrics). */
  get heldCount(): number {
    return this.held.size;
  }

  /** Writes out everything held. A socket destroyed meanwhile just drops its buffer. */
  release(): void {
    this.scheduled = false;
    const held = this.held;
    this.held = new Set();
    for (const socket of held) socket.uncork();
  }
}

/** The process-wide batcher every sync connection writes through. */
export const turnBatcher = new SocketBatcher();
