import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../log';
import type { EventActor, NewDomainEvent } from '../../shared/events';

/** The one way anything on the server says that something happened (CONTRACT §4). */
export type Emit = (event: NewDomainEvent) => void;
/** Listeners may be asynchronous (they write to the store); each finishes before the next starts. */
export type EventListener = (event: NewDomainEvent) => void | Promise<void>;

/**
 * Every feature and the sync path call `emit`; the event log (which feeds the activity
 * list and the SSE streams of every instance) and anything else that reacts to events
 * subscribe here.
 *
 * `emit` returns at once; the listeners run afterwards, in subscription order, and the
 * events of one workspace are handled one after another in the order they were emitted
 * (so the log stores them in that order). A request run through `settle` answers only
 * once the events it emitted were handled, as when everything was synchronous: a client
 * that got its answer finds the event in the activity list and its notifications written.
 */
export class DomainEvents {
  private readonly listeners: EventListener[] = [];
  /** Per workspace, the handling of its last emitted event. */
  private readonly tails = new Map<string, Promise<void>>();
  /** The events emitted by the request under way, if any. */
  private readonly scope = new AsyncLocalStorage<Promise<void>[]>();

  constructor(private readonly log: Logger) {}

  readonly emit: Emit = (event) => {
    const key = event.workspaceId;
    const handled = (this.tails.get(key) ?? Promise.resolve()).then(() => this.deliver(event));
    this.tails.set(key, handled);
    void handled.then(() => {
      if (this.tails.get(key) === handled) this.tails.delete(key);
    });
    this.scope.getStore()?.push(handled);
  };

  subscribe(listener: EventListener): void {
    this.listeners.push(listener);
  }

  /** Runs `work` (a request), then waits until the events it emitted were handled. */
  async settle<T>(work: () => Promise<T>): Promise<T> {
    const pending: Promise<void>[] = [];
    try {
      return await this.scope.run(pending, work);
    } finally {
      while (pending.length > 0) await Promise.all(pending.splice(0));
    }
  }

  /** Resolves once every event emitted so far was handled (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }

  private async deliver(event: NewDomainEvent): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(event);
      } catch (err) {
        // An event that cannot be handled must not undo the change it describes.
        this.log.error({ event: 'events.listener_failed', type: event.type, workspaceId: event.workspaceId, err }, 'event listener failed');
      }
    }
  }
}

/** How an event names who did it. */
export function actorOf(user: EventActor): EventActor {
  return { id: user.id, name: user.name, organization: user.organization };
}
