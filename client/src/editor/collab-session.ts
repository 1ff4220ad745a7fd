import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/protocol';
import { guardContentDepth } from './content-depth';
import { SaveTracker } from './save-state';

export type ConnectionState = 'connected' | 'connecting' | 'offline' | 'denied';

/**
 * One open document: its Y.Doc, kept in IndexedDB so edits survive a reload even when they
 * were made offline, and synced over the y-websocket socket whenever the network allows.
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly persistence: IndexeddbPersistence;
  readonly save: SaveTracker;
  private state: ConnectionState;
  private tooDeep = false;
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  private readonly onOnline = () => this.goOnline();
  private readonly onOffline = () => this.goOffline();

  constructor(documentId: string, userId: string) {
    // Installed before anything fills the document, so no content reaches the editor unchecked.
    guardContentDepth(this.doc, this.doc.getXmlFragment('default'), this.onTooDeep);
    // One local copy per person and document: on a shared computer, someone who signs in
    // next never loads (or resends) the previous person's unsynced edits.
    this.persistence = new IndexeddbPersistence(`stadskamer:${userId}:${documentId}`, this.doc);
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const online = navigator.onLine;
    this.provider = new WebsocketProvider(`${scheme}://${location.host}/sync`, documentId, this.doc, {
      // The session cookie authenticates the upgrade (same origin); a token in the URL would
      // land in proxy access logs. Scripts and stock clients may still pass `?token=`.
      connect: online,
      maxBackoffTime: 5_000,
    });
    this.save = new SaveTracker(this.doc, this.provider, documentId);
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

  /** True once the document holds content nested deeper than the editor can render. */
  get contentTooDeep(): boolean {
    return this.tooDeep;
  }

  private readonly onTooDeep = () => {
    this.tooDeep = true;
    for (const l of this.listeners) l(this.state);
  };

  subscribe(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.listeners.clear();
    this.save.destroy();
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
