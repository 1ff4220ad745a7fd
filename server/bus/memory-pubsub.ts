import type { MessageHandler, PubSub } from './pubsub';

/** The single-instance bus: delivery in a microtask, as a network bus would never be synchronous. */
export class MemoryPubSub implements PubSub {
  readonly reachesOtherInstances = false;
  private readonly channels = new Map<string, Set<MessageHandler>>();

  publish(channel: string, message: Uint8Array): void {
    const handlers = this.channels.get(channel);
    if (!handlers?.size) return;
    queueMicrotask(() => {
      for (const h of handlers) h(message);
    });
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<void> {
    let set = this.channels.get(channel);
    if (!set) this.channels.set(channel, (set = new Set()));
    set.add(handler);
  }

  async unsubscribe(channel: string, handler: MessageHandler): Promise<void> {
    const set = this.channels.get(channel);
    set?.delete(handler);
    if (set?.size === 0) this.channels.delete(channel);
  }

  onReconnected(): void {
    // Never disconnected.
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.channels.clear();
  }
}
