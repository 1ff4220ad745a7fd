import type { Hono } from 'hono';
import type { NotificationRepository } from '../comments/notification-repository';
import type { WithCurrentDoc } from '../documents/current-doc';
import type { DomainEvents } from '../events/emit';
import type { Access, AppEnv } from '../http/access';
import type { LimiterStore } from '../http/limiter-store';
import { Throttle } from '../http/throttle';
import type { Db } from '../storage/sql/open-sql';
import type { RoomRegistry } from '../sync/rooms';
import { suggestionRoutes } from './routes';
import { suggestionNotifier } from './suggestion-notifier';
import { SuggestionRepository } from './suggestion-repository';
import { SuggestionService, type Credit } from './suggestion-service';

/** New suggestions one person may make per minute (429 beyond; README "Voorstellen"). */
export const SUGGESTIONS_PER_MINUTE = 60;
/** Updates of pending drafts one person may send per minute (the client sends them while typing). */
export const SUGGESTION_UPDATES_PER_MINUTE = 600;

/**
 * Suggestion mode (issue 14): suggestions kept beside the text, accepted into it by an
 * editor as a change credited to the suggester; their authors notified of decisions.
 * Mount before the notification mail, whose listener mails what this one writes.
 */
export function createSuggestions(deps: {
  db: Db;
  rooms: RoomRegistry;
  withCurrentDoc: WithCurrentDoc;
  access: Access;
  events: DomainEvents;
  notifications: NotificationRepository;
  credit: Credit;
  limits?: LimiterStore;
}): { routes: Hono<AppEnv>; suggestions: SuggestionRepository } {
  const suggestions = new SuggestionRepository(deps.db);
  const service = new SuggestionService({ suggestions, rooms: deps.rooms, withCurrentDoc: deps.withCurrentDoc, credit: deps.credit });
  deps.events.subscribe(suggestionNotifier(suggestions, deps.notifications));
  const slowDown = 'Too many suggestions in a short time. Try again in a minute.';
  return {
    routes: suggestionRoutes({
      access: deps.access,
      suggestions,
      service,
      emit: deps.events.emit,
      creations: new Throttle('suggest', SUGGESTIONS_PER_MINUTE, 60, slowDown, deps.limits),
      growth: new Throttle('suggest_edit', SUGGESTION_UPDATES_PER_MINUTE, 60, slowDown, deps.limits),
    }),
    suggestions,
  };
}
