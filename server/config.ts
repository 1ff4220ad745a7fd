import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { limitsEnv, readLimits, type Limits } from './limits-config';

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
  /** Quiet time after a change before a document is re-indexed for search. */
  SEARCH_INDEX_DELAY_MS: int(0, 60_000).default(500),
  ...limitsEnv,
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
  searchIndexDelayMs: number;
  /** What one client may cost others over HTTP (limits-config.ts). */
  limits: Limits;
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
    searchIndexDelayMs: e.SEARCH_INDEX_DELAY_MS,
    limits: readLimits(e),
  };
}
