import type { Config } from '../config';
import type { Logger } from '../log';
import { MemoryPubSub } from './memory-pubsub';
import type { PubSub } from './pubsub';
import type { RedisPubSub } from './redis-pubsub';

/** Redis when REDIS_URL is set, otherwise the in-process bus; the only place that chooses. */
export async function createBus(config: Config, log: Logger): Promise<{ bus: PubSub; redis: RedisPubSub | null }> {
  if (!config.redisUrl) return { bus: new MemoryPubSub(), redis: null };
  // Loaded only here: without REDIS_URL the client library never enters memory.
  const { RedisPubSub } = await import('./redis-pubsub');
  const redis = await RedisPubSub.connect(config.redisUrl, log);
  return { bus: redis, redis };
}
