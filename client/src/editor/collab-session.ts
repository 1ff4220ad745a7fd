import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/protocol';
import { offlineDbName } from '../members/offline-copies';

export type ConnectionState = 'connected' | 'connecting' | 'offline' | 'denied';

/**
 * One open document: its Y.Doc, kept in IndexedDB so edits survive a reload even when they
 * were made offline, and synced over the y-websocket socket whenever the network allows.
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly persistence: IndexeddbPersistence;
  private state: ConnectionState;
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  private readonly onOnline = () => this.goOnline();
  private readonly onOffline = () => this.goOffline();

  constructor(documentId: string, userId: string, token: string | null) {
    // One local copy per person and document: on a shared computer, someone who signs in
    // next never loads (or resends) the previous person's unsynced edits.
    this.persistence = new IndexeddbPersistence(offlineDbName(userId, documentId), this.doc);
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const online = navigator.onLine;
    this.provider = new WebsocketProvider(`${scheme}://${location.host}/sync`, documentId, this.doc, {
      // The cookie authenticates too, but only from PUBLIC_ORIGIN; the token works from any origin.
      params: token ? { token } : {},
      connect: online,
      maxBackoffTime: 5_000,
    });
    this.state = online ? 'connecting' : 'offline';
    this.provider.on('status', ({ status }: { status: string }) => {
      if (this.state === 'offline' || this.state === 'denied') return;
      this.set(status === 'connected' ? 'connected' : 'connecting');
    });
    this.provider.on('closed', ({ code }: { code: number }) => {
      if (code === CloseCode.unauthorized || code === CloseCode.forbidden || code === CloseCode.notFound) this.set('denied');
    });
    // A browser that knows it is offline gets no socket attempts: the indicator says so
    // plainly, the edits wait in IndexedDB, and the socket comes back with the network.
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  get connection(): ConnectionState {
    return this.state;
  }

  subscribe(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.listeners.clear();
    this.provider.destroy();
    void this.persistence.destroy();
    this.doc.destroy();
  }

  private goOnline(): void {
    if (this.state === 'denied') return;
    this.set('connecting');
    this.provider.connect();
  }

  private goOffline(): void {
    if (this.state === 'denied') return;
    this.set('offline');
    this.provider.disconnect();
  }

  private set(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    for (const l of this.listeners) l(state);
  }
}
