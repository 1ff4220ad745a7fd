import type { PresenceConnection } from '../presence/presence-tracker';
import type { EventActor } from '../../shared/events';
import type { Emit } from './emit';

/** Edits of one document make at most one `document.updated` per this window (CONTRACT §4). */
export const DOCUMENT_UPDATED_WINDOW_MS = 10_000;

/**
 * Turns what happens on sockets (an edit, someone arriving in a document) into domain
 * events, through the same `emit` as every REST route.
 */
export class SocketActivity {
  private readonly lastEdit = new Map<string, number>();

  constructor(
    private readonly emit: Emit,
    /** Resolves once the edit time is stored; never rejects. */
    private readonly onDocumentEdited?: (documentId: string, at: string) => Promise<void>,
  ) {}

  /** Someone changed a document's content over the sync socket. */
  documentEdited(documentId: string, workspaceId: string, actor: EventActor): void {
    const now = Date.now();
    if (now - (this.lastEdit.get(documentId) ?? 0) < DOCUMENT_UPDATED_WINDOW_MS) return;
    this.lastEdit.set(documentId, now);
    const at = new Date(now).toISOString();
    // The event goes out once the new edit time is stored: whoever re-reads the list on it sees the move.
    const emitEdited = () => this.emit({ workspaceId, type: 'document.updated', actor, subject: documentId, data: { fields: ['content'] } });
    if (this.onDocumentEdited) void this.onDocumentEdited(documentId, at).then(emitEdited);
    else emitEdited();
  }

  presenceChanged(conn: PresenceConnection, state: 'joined' | 'left'): void {
    this.emit({ workspaceId: conn.workspaceId, type: 'presence.changed', actor: conn.user, subject: conn.documentId, data: { state } });
  }
}
