import type { ApiEvent } from '../api/context';
import type { UserRepository } from '../auth/users';
import type { Logger } from '../log';
import type { PresenceConnection } from '../presence/presence-tracker';
import type { EventActor } from '../../shared/events';
import type { EventLog, NewEvent } from './event-log';

/** Edits of one document make at most one `document.updated` per this window (CONTRACT §4). */
export const DOCUMENT_UPDATED_WINDOW_MS = 10_000;

/**
 * Turns what happened (an API change, an edit on a socket, someone arriving in a document)
 * into domain events. The one place that knows which event each thing becomes.
 */
export class Activity {
  private readonly lastEdit = new Map<string, number>();

  constructor(
    private readonly log: EventLog,
    private readonly users: UserRepository,
    private readonly logger: Logger,
    private readonly onDocumentEdited?: (documentId: string, at: string) => void,
  ) {}

  record(event: NewEvent): void {
    try {
      this.log.record(event);
    } catch (err) {
      // An event that cannot be stored must not undo the change it describes.
      this.logger.error({ event: 'events.record_failed', type: event.type, err }, 'could not record event');
    }
  }

  fromApi(e: ApiEvent): void {
    const actor = this.actor(e.actorId);
    const base = { workspaceId: e.workspaceId, actor };
    switch (e.type) {
      case 'document.created':
        return this.record({ ...base, type: e.type, subject: e.documentId });
      case 'document.updated':
        return this.record({ ...base, type: e.type, subject: e.documentId, data: { fields: e.fields } });
      case 'document.status_changed':
        return this.record({ ...base, type: e.type, subject: e.documentId, data: { from: e.from, to: e.to } });
      case 'member.joined':
        return this.record({ ...base, type: e.type, subject: e.userId, data: { role: e.role } });
      case 'member.role_changed':
        return this.record({ ...base, type: e.type, subject: e.userId, data: { from: e.from, to: e.to } });
      case 'member.removed':
      case 'member.left':
        return this.record({ ...base, type: e.type, subject: e.userId });
      case 'invite.revoked':
        return this.record({ ...base, type: e.type, subject: e.inviteId });
    }
  }

  /** Someone changed a document's content over the sync socket. */
  documentEdited(documentId: string, workspaceId: string, actor: EventActor): void {
    const now = Date.now();
    if (now - (this.lastEdit.get(documentId) ?? 0) < DOCUMENT_UPDATED_WINDOW_MS) return;
    this.lastEdit.set(documentId, now);
    const at = new Date(now).toISOString();
    this.onDocumentEdited?.(documentId, at);
    this.record({ workspaceId, type: 'document.updated', actor, subject: documentId, data: { fields: ['content'] } });
  }

  presenceChanged(conn: PresenceConnection, state: 'joined' | 'left'): void {
    this.record({
      workspaceId: conn.workspaceId,
      type: 'presence.changed',
      actor: conn.user,
      subject: conn.documentId,
      data: { state },
    });
  }

  private actor(userId: string): EventActor {
    const u = this.users.findById(userId);
    return u ? { id: u.id, name: u.name, organization: u.organization } : { id: userId, name: '', organization: '' };
  }
}
