/**
 * Publish/subscribe between server instances. In-process when there is one instance,
 * Redis when REDIS_URL is set; nothing else in the code knows which one runs. Delivery
 * is at most once: a subscriber that was cut off learns of it through `onReconnected`
 * and reconciles from durable storage.
 */
export type MessageHandler = (message: Uint8Array) => void;

export interface PubSub {
  /**
   * False for the in-process bus: nothing published can reach another instance, so
   * publishers whose only audience is other instances (the document relay) skip it.
   */
  readonly reachesOtherInstances: boolean;
  /** Fire and forget: while the bus is down this drops the message (storage is the truth). */
  publish(channel: string, message: Uint8Array): void;
  subscribe(channel: string, handler: MessageHandler): Promise<void>;
  unsubscribe(channel: string, handler: MessageHandler): Promise<void>;
  /** Called after the bus came back from an outage: messages may have been lost meanwhile. */
  onReconnected(handler: () => void): void;
  /** Resolves when the bus answers (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
