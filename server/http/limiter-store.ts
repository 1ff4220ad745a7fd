import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createRequire } from 'node:module';
import type * as Redis from 'redis';
import type { Logger } from '../log';

const require = createRequire(import.meta.url);

/** One kind of count: `points` per `duration` seconds per key. */
export interface LimiterSpec {
  prefix: string;
  points: number;
  duration: number;
}

/**
 * Where rate limits keep their counts: in process memory by default; with `REDIS_URL`
 * in Redis, so that every instance behind a load balancer shares them (a guesser does
 * not get N times the attempts with N instances). While Redis is away an in-process
 * limiter stands in (rate-limiter-flexible's insurance limiter): limits keep working,
 * per instance, and requests never wait for Redis.
 */
export interface LimiterStore {
  limiter(spec: LimiterSpec): RateLimiterAbstract;
  close(): Promise<void>;
}

export interface LimiterStoreOptions {
  redisUrl: string | undefined;
  log: Logger;
  /** Redis CLIENT SETNAME, so an operator (and a test) can see who is connected. */
  clientName: string;
}

const memory = ({ prefix, points, duration }: LimiterSpec) => new RateLimiterMemory({ keyPrefix: prefix, points, duration });

export function createLimiterStore(opts: LimiterStoreOptions): LimiterStore {
  if (!opts.redisUrl) return { limiter: memory, close: async () => {} };

  // Without the offline queue a command fails at once while Redis is away, and the
  // in-process stand-in answers; with it, a request would wait for Redis to come back.
  // Required here, not imported at the top: without REDIS_URL the library stays out of memory.
  const { createClient } = require('redis') as typeof Redis;
  const client = createClient({ url: opts.redisUrl, name: opts.clientName, disableOfflineQueue: true });
  const limiter = opts.clientName;
  client.on('error', (err: Error) => opts.log.warn({ event: 'limiter.redis_error', limiter, err: err.message }, 'redis error'));
  // Not awaited: the server must answer while Redis is still connecting or away.
  client.connect().catch((err: Error) => opts.log.warn({ event: 'limiter.redis_connect_failed', limiter, err: err.message }, 'redis not reachable'));
  return {
    limiter: (spec) =>
      new RateLimiterRedis({
        storeClient: client,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        keyPrefix: `stadskamer:${spec.prefix}`,
        points: spec.points,
        duration: spec.duration,
        insuranceLimiter: memory(spec),
      }),
    close: async () => {
      if (client.isOpen) client.destroy();
    },
  };
}
