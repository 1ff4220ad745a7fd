import os from 'node:os';
import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Environment variables of the HTTP-side limits (README, Configuration). */
export const limitsEnv = {
  /** Accounts one client address may register per hour. */
  REGISTRATIONS_PER_ADDRESS: int(1, 1_000_000).default(10),
  /** Exports one person may start per minute. */
  EXPORTS_PER_MINUTE: int(1, 100_000).default(30),
  /** Worker threads that render exports (default: all cores but one, at most 4). */
  EXPORT_THREADS: int(1, 64).default(Math.max(1, Math.min(4, os.availableParallelism() - 1))),
  /** Exports waiting for a thread before more answer 503. */
  EXPORT_QUEUE: int(0, 10_000).default(32),
  EXPORT_TIMEOUT_MS: int(100, 10 * 60_000).default(30_000),
  /** Documents one workspace may hold. */
  MAX_DOCUMENTS_PER_WORKSPACE: int(1, 10_000_000).default(1000),
  /**
   * Stored size of one document: exports and copies refuse a larger one with 413, the sync
   * socket refuses an update that would take it beyond (server/sync/policies/document-size.ts).
   */
  MAX_DOCUMENT_BYTES: int(1024, 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  /** Open connections (HTTP and WebSocket) from one client address, and in all (keep below `ulimit -n`). */
  MAX_CONNECTIONS_PER_ADDRESS: int(1, 1_000_000).default(512),
  MAX_CONNECTIONS: int(1, 10_000_000).default(16_000),
  /** Time a client has to send a request's headers, and its whole request. */
  HEADERS_TIMEOUT_MS: int(1000, 10 * 60_000).default(15_000),
  REQUEST_TIMEOUT_MS: int(1000, 60 * 60_000).default(60_000),
  /** How long an idle keep-alive connection stays open. */
  KEEP_ALIVE_TIMEOUT_MS: int(100, 10 * 60_000).default(5_000),
  /** `presence.changed` events one person may cause per window; more are coalesced and delayed. */
  PRESENCE_EVENTS_PER_PERSON: int(1, 1_000_000).default(10),
  PRESENCE_EVENTS_WINDOW_MS: int(100, 3600_000).default(10_000),
  /** How long `presence.changed` events stay in the event log (for streams that reconnect). */
  PRESENCE_EVENTS_RETENTION_MS: int(100, 30 * 24 * 3600_000).default(15 * 60_000),
};

type LimitsEnv = { [K in keyof typeof limitsEnv]: number };

export interface Limits {
  registrationsPerAddress: number;
  exportsPerMinute: number;
  exportThreads: number;
  exportQueue: number;
  exportTimeoutMs: number;
  maxDocumentsPerWorkspace: number;
  maxDocumentBytes: number;
  maxConnectionsPerAddress: number;
  maxConnections: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  presenceEventsPerPerson: number;
  presenceEventsWindowMs: number;
  presenceEventsRetentionMs: number;
}

export function readLimits(e: LimitsEnv): Limits {
  return {
    registrationsPerAddress: e.REGISTRATIONS_PER_ADDRESS,
    exportsPerMinute: e.EXPORTS_PER_MINUTE,
    exportThreads: e.EXPORT_THREADS,
    exportQueue: e.EXPORT_QUEUE,
    exportTimeoutMs: e.EXPORT_TIMEOUT_MS,
    maxDocumentsPerWorkspace: e.MAX_DOCUMENTS_PER_WORKSPACE,
    maxDocumentBytes: e.MAX_DOCUMENT_BYTES,
    maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS,
    maxConnections: e.MAX_CONNECTIONS,
    headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_MS,
    presenceEventsPerPerson: e.PRESENCE_EVENTS_PER_PERSON,
    presenceEventsWindowMs: e.PRESENCE_EVENTS_WINDOW_MS,
    presenceEventsRetentionMs: e.PRESENCE_EVENTS_RETENTION_MS,
  };
}
