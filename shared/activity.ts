/**
 * The activity list (issue 17): what people did, never who came and went (that is
 * "Nu online"). Filters name groups of event types so the server can page over them.
 */
import { z } from 'zod';
import { EVENT_TYPES, type EventType } from './events';

/**
 * Live state, not activity: who is where, and a suggestion's draft growing while its author
 * types. Streamed to open pages, never in the activity list, on any page.
 */
export const LIVE_ONLY_TYPES = ['presence.changed', 'suggestion.updated'] as const satisfies readonly EventType[];
type LiveOnlyType = (typeof LIVE_ONLY_TYPES)[number];
export const isLiveOnly = (t: EventType): t is LiveOnlyType => (LIVE_ONLY_TYPES as readonly EventType[]).includes(t);

export const ACTIVITY_TYPES = EVENT_TYPES.filter((t): t is Exclude<EventType, LiveOnlyType> => !isLiveOnly(t));
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_FILTERS = {
  comments: ['comment.created', 'comment.replied', 'comment.resolved', 'comment.mentioned', 'comment.updated', 'comment.deleted'],
  status: ['document.status_changed'],
  people: ['member.joined', 'member.role_changed', 'member.removed'],
} as const satisfies Record<string, readonly ActivityType[]>;
export type ActivityFilter = keyof typeof ACTIVITY_FILTERS;

/** `?types=a,b`: a comma-separated list of activity event types (none: all of them). */
export const ActivityTypesParam = z
  .string()
  .max(600)
  .transform((s) => s.split(',').map((t) => t.trim()).filter((t) => t !== ''))
  .pipe(z.array(z.enum(ACTIVITY_TYPES as [ActivityType, ...ActivityType[]], { message: 'must be activity event types' })).max(ACTIVITY_TYPES.length));
