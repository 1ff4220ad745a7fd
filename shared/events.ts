/** Domain events (CONTRACT §4): what happened in a workspace, in order, for people to see. */
export const EVENT_TYPES = [
  'document.created',
  'document.updated',
  'document.status_changed',
  'comment.created',
  'comment.replied',
  'comment.resolved',
  'comment.mentioned',
  'comment.updated',
  'comment.deleted',
  'member.joined',
  'member.role_changed',
  'member.removed',
  'member.left',
  'invite.revoked',
  'presence.changed',
  'document.deleted',
  'document.restored',
  'document.archived',
  'document.moved',
  'version.created',
  'version.restored',
  'suggestion.created',
  'suggestion.accepted',
  'suggestion.rejected',
  // A pending suggestion's text grew or changed (its author typing): live only, like presence.
  'suggestion.updated',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface EventActor {
  id: string;
  name: string;
  organization: string;
}

export interface DomainEvent {
  /** Increasing within a workspace; the SSE `id:` and the `Last-Event-ID` to resume from. */
  id: string;
  workspaceId: string;
  type: EventType;
  actor: EventActor;
  /** What it is about: a document, comment thread or user id. */
  subject: string;
  data: Record<string, unknown>;
  at: string;
}

/** What a feature hands to `emit`: the log gives it its `id` and `at`. */
export type NewDomainEvent = Omit<DomainEvent, 'id' | 'at' | 'data'> & { data?: Record<string, unknown> };
