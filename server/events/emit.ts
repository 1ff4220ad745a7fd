import type { Logger } from '../log';
import type { EventActor, NewDomainEvent } from '../../shared/events';

/** The one way anything on the server says that something happened (CONTRACT §4). */
export type Emit = (event: NewDomainEvent) => void;
export type EventListener = (event: NewDomainEvent) => void;

/**
 * Every feature and the sync path call `emit`; the event log (which feeds the activity
 * list and the SSE streams of every instance) and anything else that reacts to events
 * subscribe here.
 */
export class DomainEvents {
  private readonly listeners: EventListener[] = [];

  constructor(private readonly log: Logger) {}

  readonly emit: Emit = (event) => {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        // An event that cannot be handled must not undo the change it describes.
        this.log.error({ event: 'events.listener_failed', type: event.type, workspaceId: event.workspaceId, err }, 'event listener failed');
      }
    }
  };

  subscribe(listener: EventListener): void {
    this.listeners.push(listener);
  }
}

/** How an event names who did it. */
export function actorOf(user: EventActor): EventActor {
  return { id: user.id, name: user.name, organization: user.organization };
}
