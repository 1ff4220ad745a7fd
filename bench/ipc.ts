import type { HistogramData } from './histogram';

/**
 * Messages between the bench parent and its client worker processes. Times are
 * milliseconds on the shared clock (`now()`): every process on the machine agrees on it.
 */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

/** One stock y-websocket client to open: the provider's serverUrl, room and query params. */
export interface ClientSpec {
  id: number;
  serverUrl: string;
  room: string;
  params: Record<string, string>;
  /** The server's wire format: y-websocket's (default) or Hocuspocus' (document name in front). */
  framing?: 'hocuspocus';
  /**
   * A `user` the client puts in its own awareness state, as an app on TipTap's caret
   * extension does (the only way names and colours reach peers through the other servers;
   * ours replaces it with the authenticated identity).
   */
  user?: { name: string; color: string };
}

export type WorkerRequest =
  /** Opens the clients at `startAt` and answers once every one has synced. */
  | { op: 'connect'; clients: ClientSpec[]; startAt: number; timeoutMs: number }
  /** Writers edit and/or every client moves its cursor on a fixed schedule; answers at the end. */
  | {
      op: 'activity';
      writers: number[];
      editsPerSecond: number;
      cursorMovesPerSecond: number;
      durationMs: number;
      startAt: number;
    }
  /** Waits until every client holds `totalEdits` edits, or the timeout. */
  | { op: 'converge'; totalEdits: number; timeoutMs: number }
  | { op: 'resetCounters' }
  | { op: 'collect' }
  /** A throwaway client syncs once and reports the server's state of the room. */
  | { op: 'probe'; client: ClientSpec; timeoutMs: number }
  /** Builds a text document of `paragraphs` paragraphs and hands it to the server. */
  | { op: 'seed'; client: ClientSpec; paragraphs: number; timeoutMs: number }
  /** Fresh clients, one after another, each timing how long the full document takes. */
  | { op: 'coldLoad'; client: ClientSpec; repeats: number; expectParagraphs: number; timeoutMs: number }
  | { op: 'disconnectAll' };

export interface ConnectResult {
  firstSyncedAt: number;
  lastSyncedAt: number;
  failed: number;
}

export interface ActivityResult {
  editsSent: number;
  cursorMoves: number;
  /** How late, at worst, this worker ran its schedule (a sign of an overloaded load generator). */
  maxScheduleLagMs: number;
}

export interface ConvergeResult {
  complete: number;
  incomplete: number;
  minEdits: number;
  maxEdits: number;
  /** Distinct base64 state vectors over this worker's clients. */
  stateVectors: string[];
}

export interface CollectResult {
  latency: HistogramData;
  observedEdits: number;
  framesIn: number;
  bytesIn: number;
  awarenessEntriesIn: number;
  cpuSeconds: number;
}

export interface ProbeResult {
  stateVector: string;
  edits: number;
}

export interface SeedResult {
  bytes: number;
}

export interface ColdLoadSample {
  /** From the socket opening (the provider sends sync step 1 then) to the whole step 2 frame received. */
  receivedMs: number;
  /** ... to the document applied in the client (the provider's `sync` event). */
  syncedMs: number;
  frameBytes: number;
  paragraphs: number;
}

export type WorkerResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
