import { createClient, type RedisClientType } from 'redis';
import type { Logger } from '../log';
import type { MessageHandler, PubSub } from './pubsub';

/**
 * Redis pub/sub: one connection publishes, a duplicate subscribes (RESP2 gives a
 * subscribed connection to pub/sub alone). node-redis reconnects and resubscribes by
 * itself; the offline queue is off so that nothing piles up while Redis is away.
 */
export class RedisPubSub implements PubSub {
  readonly reachesOtherInstances = true;
  private readonly pub: RedisClientType;
  private readonly sub: RedisClientType;
  private readonly channels = new Map<string, Set<MessageHandler>>();
  private readonly reconnectHandlers: Array<() => void> = [];
  private wasDown = false;
  /** Channels whose SUBSCRIBE failed while Redis was away; retried when it is back. */
  private readonly unsubscribed = new Set<string>();

  private constructor(url: string, private readonly log: Logger) {
    const options = {
      url,
      disableOfflineQueue: true,
      socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1000), connectTimeout: 2000 },
    };
    this.pub = createClient(options);
    this.sub = createClient(options);
    for (const [name, client] of [['publisher', this.pub], ['subscriber', this.sub]] as const) {
      client.on('error', (err: Error) => {
        if (!this.wasDown) log.warn({ event: 'redis.error', client: name, err: err.message }, 'redis unreachable');
        this.wasDown = true;
      });
    }
    this.sub.on('ready', () => {
      if (!this.wasDown) return;
      this.wasDown = false;
      log.info({ event: 'redis.reconnected' }, 'redis is back; reconciling');
      for (const channel of [...this.unsubscribed]) void this.listen(channel);
      for (const h of this.reconnectHandlers) h();
    });
  }

  static async connect(url: string, log: Logger): Promise<RedisPubSub> {
    const bus = new RedisPubSub(url, log);
    await Promise.all([bus.pub.connect(), bus.sub.connect()]);
    return bus;
  }

  publish(channel: string, message: Uint8Array): void {
    if (!this.pub.isReady) return;
    this.pub.publish(channel, Buffer.from(message.buffer, message.byteOffset, message.byteLength)).catch((err: Error) => {
      this.log.debug({ event: 'redis.publish_failed', channel, err: err.message }, 'publish failed');
    });
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<void> {
    const set = this.channels.get(channel);
    if (set) {
      set.add(handler);
      return;
    }
    this.channels.set(channel, new Set([handler]));
    await this.listen(channel);
  }

  private async listen(channel: string): Promise<void> {
    try {
      await this.sub.subscribe(
        channel,
        (message: Buffer) => {
          for (const h of this.channels.get(channel) ?? []) h(message);
        },
        true,
      );
      this.unsubscribed.delete(channel);
    } catch (err) {
      // Redis is away: subscribe again when it is back; reconciliation covers the gap.
      this.unsubscribed.add(channel);
      this.log.warn({ event: 'redis.subscribe_failed', channel, err: (err as Error).message }, 'subscribe failed');
    }
  }

  async unsubscribe(channel: string, handler: MessageHandler): Promise<void> {
    const set = this.channels.get(channel);
    if (!set) return;
    set.delete(handler);
    if (set.size > 0) return;
    this.channels.delete(channel);
    this.unsubscribed.delete(channel);
    await this.sub.unsubscribe(channel).catch(() => undefined);
  }

  onReconnected(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  async ping(): Promise<void> {
    if (!this.pub.isReady || !this.sub.isReady) throw new Error('redis is not connected');
    await this.pub.ping();
  }

  /** The command connection, for other Redis-backed stores (presence, rate limits). */
  get commands(): RedisClientType {
    return this.pub;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.sub.close(), this.pub.close()]);
  }
}
