/**
 * The y-websocket wire protocol as Stadskamer speaks it, and the close codes and
 * error shape every client can rely on (CONTRACT §2, §3). Declared once; the server
 * and the client both import from here.
 */

/** Top-level message types of the y-websocket protocol. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Sub-types inside a `sync` message (y-protocols/sync). */
export const SyncStep = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;
export type SyncStep = (typeof SyncStep)[keyof typeof SyncStep];

/** WebSocket close codes the sync socket uses, with the situation each one names. */
export const CloseCode = {
  goingAway: 1001,
  invalidPayload: 1007,
  tooBig: 1009,
  internalError: 1011,
  badMessage: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  notFound: 4404,
  slowConsumer: 4408,
  /** Over the per-connection budget of bytes or items per window. */
  tooManyRequests: 4429,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * How the close reason of a 1009 begins when the document, not the message, is too large
 * (MAX_DOCUMENT_BYTES): the client tells the person the document is full.
 */
export const DOCUMENT_FULL_REASON = 'document full';

/**
 * What one sync connection may cost others (CONTRACT §3 Limits): the defaults; each is
 * configurable on the server. Over a limit nothing of the message is applied, stored or
 * relayed, and the connection is closed (awareness, update: 4400; budget: 4429).
 */
export const SyncLimits = {
  awarenessStateBytes: 8 * 1024,
  awarenessClientsPerConnection: 4,
  awarenessStatesPerRoom: 2_000,
  updateItems: 100_000,
  contentDepth: 64,
  budgetBytes: 32 * 1024 * 1024,
  budgetItems: 500_000,
  budgetWindowMs: 10_000,
  socketsPerUser: 50,
  socketsPerAddress: 200,
  socketsPerProcess: 20_000,
  pingIntervalMs: 30_000,
} as const;

/** Every error the HTTP API returns has this shape. */
export interface ApiError {
  error: { code: string; message: string; field?: string };
}

/** Document ids are opaque, URL-safe strings. */
export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
