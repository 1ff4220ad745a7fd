import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { SyncLimits } from '../shared/protocol';
import { limitsEnv, readLimits, type Limits } from './limits-config';
import { readSso, ssoEnv, SsoConfigError, type SsoConfig } from './auth/sso/sso-config';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  PORT: int(0, 65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  /** postgres://… : document content in PostgreSQL (see README, "Scaling out"). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PUBLIC_ORIGIN: z.url().optional(),
  INSTANCE_ID: z.string().min(1).max(200).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  MAX_MESSAGE_BYTES: int(1024, 1024 * 1024 * 1024).default(8 * 1024 * 1024),
  /** How long an empty room stays in memory before it is unloaded. */
  ROOM_GRACE_MS: int(0, 10 * 60_000).default(5_000),
  /** Stored updates per document that trigger a background compaction. */
  COMPACT_AFTER_UPDATES: int(2, 10_000_000).default(500),
  /** Bytes a connection may have queued unsent before it is dropped as a slow consumer. */
  MAX_BUFFERED_BYTES: int(64 * 1024, 1024 * 1024 * 1024).default(32 * 1024 * 1024),
  /** Window in which awareness updates of one room are coalesced into one broadcast. */
  AWARENESS_FLUSH_MS: int(0, 1000).default(30),
  /** Failed sign-ins per 15 minutes before 429: for one e-mail address, and from one client address. */
  LOGIN_FAILURES_PER_EMAIL: int(1, 1000).default(5),
  LOGIN_FAILURES_PER_ADDRESS: int(1, 100_000).default(30),
  /** Behind a reverse proxy: take the client address from its X-Forwarded-For (login limits). */
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
  /** Outgoing mail: smtp:// or smtps:// URL with credentials; unset = mails go to the log (and the dev outbox). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).max(300).default('Stadskamer <stadskamer@localhost>'),
  NODE_ENV: z.string().optional(),
  /** Password-reset requests per hour: for one e-mail address, and from one client address. */
  RESET_REQUESTS_PER_EMAIL: int(1, 1000).default(3),
  RESET_REQUESTS_PER_ADDRESS: int(1, 100_000).default(20),
  /** Daily notification digests go out after this hour (UTC). */
  DIGEST_HOUR_UTC: int(0, 23).default(6),
  /** What one sync connection may cost others (CONTRACT §3 Limits). */
  AWARENESS_MAX_STATE_BYTES: int(256, 1024 * 1024).default(SyncLimits.awarenessStateBytes),
  AWARENESS_MAX_CLIENTS: int(1, 1000).default(SyncLimits.awarenessClientsPerConnection),
  AWARENESS_MAX_PER_ROOM: int(1, 1_000_000).default(SyncLimits.awarenessStatesPerRoom),
  UPDATE_MAX_ITEMS: int(1, 100_000_000).default(SyncLimits.updateItems),
  UPDATE_MAX_DEPTH: int(4, 10_000).default(SyncLimits.contentDepth),
  SYNC_BUDGET_BYTES: int(1024, 1024 * 1024 * 1024 * 4).default(SyncLimits.budgetBytes),
  SYNC_BUDGET_ITEMS: int(1, 1_000_000_000).default(SyncLimits.budgetItems),
  SYNC_BUDGET_WINDOW_MS: int(100, 3600_000).default(SyncLimits.budgetWindowMs),
  SOCKETS_PER_USER: int(1, 1_000_000).default(SyncLimits.socketsPerUser),
  SOCKETS_PER_ADDRESS: int(1, 1_000_000).default(SyncLimits.socketsPerAddress),
  SOCKETS_PER_PROCESS: int(1, 10_000_000).default(SyncLimits.socketsPerProcess),
  PING_INTERVAL_MS: int(100, 3600_000).default(SyncLimits.pingIntervalMs),
  /** How often open sockets and event streams re-check their session and membership. */
  ACCESS_RECHECK_MS: int(100, 3600_000).default(3_000),
  /** Quiet time after a change before a document is re-indexed for search. */
  SEARCH_INDEX_DELAY_MS: int(0, 60_000).default(500),
  /** Version history: a version after this much quiet following edits, or this long after the first edit at the latest. */
  VERSION_QUIET_MS: int(10, 24 * 3600_000).default(10 * 60_000),
  VERSION_MAX_WAIT_MS: int(10, 7 * 24 * 3600_000).default(60 * 60_000),
  /**
   * Bench only (`npm run bench`, target `unhardened`): `1` turns the hostile-client limits
   * and board rules off to measure what they cost. Refused with NODE_ENV=production.
   */
  BENCH_UNHARDENED: z.enum(['0', '1']).default('0'),
  ...limitsEnv,
  ...ssoEnv,
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  redisUrl: string | undefined;
  databaseUrl: string | undefined;
  publicOrigin: string;
  instanceId: string;
  logLevel: (typeof LOG_LEVELS)[number];
  maxMessageBytes: number;
  roomGraceMs: number;
  compactAfterUpdates: number;
  maxBufferedBytes: number;
  awarenessFlushMs: number;
  loginFailuresPerEmail: number;
  loginFailuresPerAddress: number;
  trustProxy: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** NODE_ENV=production: no dev outbox. */
  production: boolean;
  resetRequestsPerEmail: number;
  resetRequestsPerAddress: number;
  digestHourUtc: number;
  /** What one sync connection may cost others (CONTRACT §3 Limits). */
  syncLimits: SyncLimitConfig;
  accessRecheckMs: number;
  searchIndexDelayMs: number;
  /** Version history (issue 14): quiet period after edits, and the longest wait while edits continue. */
  versionQuietMs: number;
  versionMaxWaitMs: number;
  /** What one client may cost others over HTTP (limits-config.ts). */
  limits: Limits;
  /** Single sign-on and whether passwords sign in (auth/sso/sso-config.ts). */
  sso: SsoConfig;
  /** The hostile-client limits and board rules on the sync path; off only for a bench (BENCH_UNHARDENED). */
  hardening: boolean;
}

export interface SyncLimitConfig {
  awarenessStateBytes: number;
  awarenessClientsPerConnection: number;
  awarenessStatesPerRoom: number;
  updateItems: number;
  contentDepth: number;
  budgetBytes: number;
  budgetItems: number;
  budgetWindowMs: number;
  socketsPerUser: number;
  socketsPerAddress: number;
  socketsPerProcess: number;
  pingIntervalMs: number;
}

export class ConfigError extends Error {}

/** Reads the environment; throws a ConfigError with one sentence naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells and Compose files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}.`);
  }
  const e = parsed.data;
  if (e.BENCH_UNHARDENED === '1' && e.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration: BENCH_UNHARDENED is for benchmarks and is refused with NODE_ENV=production.');
  }
  let sso: SsoConfig;
  try {
    sso = readSso(e);
  } catch (err) {
    if (err instanceof SsoConfigError) throw new ConfigError(err.message);
    throw err;
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    redisUrl: e.REDIS_URL,
    databaseUrl: e.DATABASE_URL,
    publicOrigin: (e.PUBLIC_ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    instanceId: e.INSTANCE_ID ?? `${os.hostname()}-${process.pid}`,
    logLevel: e.LOG_LEVEL,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    roomGraceMs: e.ROOM_GRACE_MS,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    maxBufferedBytes: e.MAX_BUFFERED_BYTES,
    awarenessFlushMs: e.AWARENESS_FLUSH_MS,
    loginFailuresPerEmail: e.LOGIN_FAILURES_PER_EMAIL,
    loginFailuresPerAddress: e.LOGIN_FAILURES_PER_ADDRESS,
    trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    production: e.NODE_ENV === 'production',
    resetRequestsPerEmail: e.RESET_REQUESTS_PER_EMAIL,
    resetRequestsPerAddress: e.RESET_REQUESTS_PER_ADDRESS,
    digestHourUtc: e.DIGEST_HOUR_UTC,
    syncLimits: {
      awarenessStateBytes: e.AWARENESS_MAX_STATE_BYTES,
      awarenessClientsPerConnection: e.AWARENESS_MAX_CLIENTS,
      awarenessStatesPerRoom: e.AWARENESS_MAX_PER_ROOM,
      updateItems: e.UPDATE_MAX_ITEMS,
      contentDepth: e.UPDATE_MAX_DEPTH,
      budgetBytes: e.SYNC_BUDGET_BYTES,
      budgetItems: e.SYNC_BUDGET_ITEMS,
      budgetWindowMs: e.SYNC_BUDGET_WINDOW_MS,
      socketsPerUser: e.SOCKETS_PER_USER,
      socketsPerAddress: e.SOCKETS_PER_ADDRESS,
      socketsPerProcess: e.SOCKETS_PER_PROCESS,
      pingIntervalMs: e.PING_INTERVAL_MS,
    },
    accessRecheckMs: e.ACCESS_RECHECK_MS,
    searchIndexDelayMs: e.SEARCH_INDEX_DELAY_MS,
    versionQuietMs: e.VERSION_QUIET_MS,
    versionMaxWaitMs: e.VERSION_MAX_WAIT_MS,
    limits: readLimits(e),
    sso,
    hardening: e.BENCH_UNHARDENED !== '1',
  };
}
