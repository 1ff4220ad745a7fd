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
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Every error the HTTP API returns has this shape. */
export interface ApiError {
  error: { code: string; message: string; field?: string };
}

/** Document ids are opaque, URL-safe strings. */
export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
