import type { Logger } from '../log';
import type { AuthorshipRepository, AuthorshipRun, RunKind } from './authorship-repository';
import type { ChangedRanges, ClockRange } from './update-ranges';

interface OpenRun extends AuthorshipRun {
  /** The row, once inserted. */
  id: number | null;
}

interface DocumentRuns {
  /** The run each client's next change may extend, per kind. */
  open: Map<string, OpenRun>;
  dirty: Set<OpenRun>;
  timer: NodeJS.Timeout | null;
  /** Flushes of one document run one after another. */
  chain: Promise<void>;
}

/**
 * Records who made each change, coalesced: a person typing extends one row per client
 * instead of adding a row per keystroke, and rows are written at most every `flushMs`
 * (after the commit that carried the change). A crash within that window loses who made
 * those last changes, never the changes: the diff then names them as unknown.
 */
export class AuthorshipWriter {
  private readonly docs = new Map<string, DocumentRuns>();

  constructor(
    private readonly repo: AuthorshipRepository,
    private readonly log: Logger,
    private readonly flushMs: number,
  ) {}

  record(documentId: string, userId: string, changes: ChangedRanges, at: number): void {
    const runs = this.runsOf(documentId);
    for (const r of changes.inserted) this.add(runs, 'insert', r, userId, at);
    for (const r of changes.deleted) this.add(runs, 'delete', r, userId, at);
  }

  /** Writes what was recorded for the document after `flushMs` (the commit that carried it is done). */
  schedule(documentId: string): void {
    const runs = this.docs.get(documentId);
    if (!runs || runs.dirty.size === 0 || runs.timer) return;
    runs.timer = setTimeout(() => {
      runs.timer = null;
      void this.flush(documentId);
    }, this.flushMs);
    runs.timer.unref();
  }

  /** Resolves once everything recorded so far for the document is written (or failed and was logged). */
  flush(documentId: string): Promise<void> {
    const runs = this.docs.get(documentId);
    if (!runs) return Promise.resolve();
    if (runs.timer) clearTimeout(runs.timer);
    runs.timer = null;
    runs.chain = runs.chain.then(() => this.write(documentId, runs));
    return runs.chain;
  }

  async flushAll(): Promise<void> {
    await Promise.all([...this.docs.keys()].map((id) => this.flush(id)));
  }

  /** The document's room unloaded: write what is left and let go of its open runs. */
  async forget(documentId: string): Promise<void> {
    await this.flush(documentId);
    const runs = this.docs.get(documentId);
    if (runs && runs.dirty.size === 0) this.docs.delete(documentId);
  }

  private runsOf(documentId: string): DocumentRuns {
    let runs = this.docs.get(documentId);
    if (!runs) this.docs.set(documentId, (runs = { open: new Map(), dirty: new Set(), timer: null, chain: Promise.resolve() }));
    return runs;
  }

  private add(runs: DocumentRuns, kind: RunKind, r: ClockRange, userId: string, at: number): void {
    const key = `${kind}:${r.client}`;
    const open = runs.open.get(key);
    // Typing moves forward, backspacing deletes backward: either way the run only grows at one end.
    if (open && open.userId === userId && r.start <= open.end && r.end >= open.start) {
      open.start = Math.min(open.start, r.start);
      open.end = Math.max(open.end, r.end);
      open.lastAt = at;
      runs.dirty.add(open);
      return;
    }
    const run: OpenRun = { id: null, kind, client: r.client, start: r.start, end: r.end, userId, lastAt: at };
    runs.open.set(key, run);
    runs.dirty.add(run);
  }

  private async write(documentId: string, runs: DocumentRuns): Promise<void> {
    if (runs.dirty.size === 0) return;
    const batch = [...runs.dirty];
    runs.dirty.clear();
    const fresh = batch.filter((r) => r.id === null);
    const widened = batch.filter((r) => r.id !== null).map((r) => ({ id: r.id!, start: r.start, end: r.end, lastAt: r.lastAt }));
    try {
      const ids = await this.repo.write(documentId, fresh.map((r) => ({ ...r })), widened);
      fresh.forEach((r, i) => (r.id = ids[i]!));
    } catch (err) {
      // Kept for the next flush: attribution is worth a retry, and the content is stored either way.
      for (const r of batch) runs.dirty.add(r);
      this.log.error({ event: 'authorship.write_failed', documentId, err }, 'could not record who made changes');
    }
  }
}
