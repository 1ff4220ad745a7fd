import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { SyncStep } from '../../../shared/protocol';
import { refusalForClose, refusedEdits } from './refused-edits';
import { peekSyncMessages, ServerKnowledge, syncStep1Frame } from './server-acknowledgement';

/** saved: the server holds every local edit · saving: on its way · offline: waits for the network. */
export type SaveState = 'saved' | 'saving' | 'offline';

const PROBE_DELAY_MS = 250;
/** Answers in a row that still lack an edit sent before them: the server did not take it. */
const UNANSWERED_PROBES = 2;

/**
 * Whether the server has acknowledged the local state of a document: after local edits it
 * asks (a sync step 1 round trip on the same socket) and compares what the server holds
 * with the local document. Edits the server keeps refusing are reported to refusedEdits.
 */
export class SaveTracker {
  private readonly knowledge = new ServerKnowledge();
  private readonly listeners = new Set<() => void>();
  private state: SaveState = 'saved';
  private changes = 0;
  /** The local change count when each outstanding probe was sent, oldest first. */
  private readonly probes: number[] = [];
  private lacking = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
    private readonly documentId: string,
  ) {
    peekSyncMessages(provider, (step, payload) => this.onSync(step, payload));
    doc.on('update', this.onUpdate);
    provider.on('sync', this.onSynced);
    provider.on('status', this.onStatus);
    provider.on('connection-close', this.onClose);
  }

  get current(): SaveState {
    return this.state;
  }

  /** True while some local edit is not confirmed by the server. */
  get unconfirmed(): boolean {
    return !this.knowledge.holdsAllOf(this.doc);
  }

  /** True when the server is known to hold this item (a later refusal tells what it did not take). */
  holds(id: Y.ID): boolean {
    return this.knowledge.holds(id);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.doc.off('update', this.onUpdate);
    this.provider.off('sync', this.onSynced);
    this.provider.off('status', this.onStatus);
    this.provider.off('connection-close', this.onClose);
    this.listeners.clear();
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this.provider) return;
    this.changes += 1;
    this.evaluate();
    this.scheduleProbe(PROBE_DELAY_MS);
  };

  private readonly onSynced = (synced: boolean) => {
    if (synced) this.scheduleProbe(0);
  };

  private readonly onStatus = () => {
    if (!this.provider.wsconnected) this.probes.length = 0;
    this.evaluate();
  };

  private readonly onClose = (event: { code: number; reason?: string } | null) => {
    this.probes.length = 0;
    const reason = event ? refusalForClose(event.code, event.reason) : null;
    if (reason && this.unconfirmed) refusedEdits.report({ documentId: this.documentId, reason });
  };

  private onSync(step: number, payload: Uint8Array): void {
    // Remote edits (step "update") change nothing the server lacks: no need to look.
    if (step === SyncStep.step1) {
      this.knowledge.learnStateVector(payload);
    } else if (step === SyncStep.step2) {
      this.knowledge.learnAnswer(payload);
      const sentAt = this.probes.shift();
      if (sentAt !== undefined) this.judge(sentAt);
    } else return;
    // After the provider has handled the message, so the document includes it.
    queueMicrotask(() => this.evaluate());
  }

  /** An answer to our probe: still lacking edits made before the probe means not accepted. */
  private judge(sentAt: number): void {
    if (this.knowledge.holdsAllOf(this.doc)) {
      this.lacking = 0;
      return;
    }
    if (sentAt === this.changes) {
      this.lacking += 1;
      if (this.lacking >= UNANSWERED_PROBES) {
        refusedEdits.report({ documentId: this.documentId, reason: 'not_accepted' });
        return;
      }
    }
    this.scheduleProbe(PROBE_DELAY_MS * 2);
  }

  private scheduleProbe(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.probe();
    }, delay);
  }

  private probe(): void {
    const ws = this.provider.ws;
    if (!this.provider.synced || !ws || ws.readyState !== 1 /* OPEN */) return;
    if (this.knowledge.holdsAllOf(this.doc)) return this.evaluate();
    this.probes.push(this.changes);
    ws.send(syncStep1Frame(this.knowledge.question(this.doc)));
  }

  private evaluate(): void {
    const next: SaveState = !this.unconfirmed ? 'saved' : this.provider.wsconnected ? 'saving' : 'offline';
    if (next === this.state) return;
    this.state = next;
    for (const l of this.listeners) l();
  }
}
