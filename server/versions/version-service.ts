import type { DocumentMeta } from '../../shared/api';
import type { VersionReason } from '../../shared/versions';
import { newId } from '../auth/tokens';
import { InTurn } from '../documents/in-turn';
import { AppError } from '../http/errors';
import type { Logger } from '../log';
import type { RoomRegistry } from '../sync/rooms';
import type { AuthorshipRepository } from './authorship-repository';
import type { AuthorshipWriter } from './authorship-writer';
import { DEFAULT_RETENTION, versionsToDrop, type RetentionPolicy } from './retention';
import { sameState } from './snapshot';
import { changedRanges } from './update-ranges';
import type { VersionRepository, VersionRow } from './version-repository';

type Awaitable<T> = T | Promise<T>;

export interface VersionServiceDeps {
  versions: VersionRepository;
  authorship: AuthorshipRepository;
  writer: AuthorshipWriter;
  /** The document's whole current state, through the one loader of the current document. */
  currentState(documentId: string): Promise<Uint8Array>;
  rooms: RoomRegistry;
  findDocument(id: string): Awaitable<DocumentMeta | undefined>;
  log: Logger;
  now?: () => number;
  retention?: RetentionPolicy;
}

export interface SaveOptions {
  reason: VersionReason;
  name?: string | null;
  by?: string | null;
  restoredFrom?: string | null;
  /** Automatic versions: none when the content is what the latest version already holds. */
  skipIfUnchanged?: boolean;
}

/** Origin of a restore's transaction on the live document: stored and broadcast like any edit. */
const RESTORE_ORIGIN = { restore: true };

export const isTextDocument = (d: Pick<DocumentMeta, 'kind'>): boolean => d.kind === 'recommendation' || d.kind === 'note';

/**
 * Makes, thins and restores versions. Work on one document is done one step at a time
 * (a quiet-period version and a restore never interleave on this instance); every version
 * reads the content through the one loader of the current document.
 */
export class VersionService {
  private readonly turns = new InTurn();
  private readonly now: () => number;
  private readonly retention: RetentionPolicy;

  constructor(private readonly deps: VersionServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.retention = deps.retention ?? DEFAULT_RETENTION;
  }

  /** A new version of a text document's current content (null: skipped, nothing changed). */
  save(documentId: string, opts: SaveOptions): Promise<VersionRow | null> {
    return this.turns.run(documentId, () => this.saveNow(documentId, opts));
  }

  /** An automatic version, unless the document is gone, is no text document, or did not change. */
  saveAutomatic(documentId: string, reason: VersionReason, by: string | null): Promise<VersionRow | null> {
    // In turn at once (not after looking the document up), so that a later request waits for it.
    return this.turns.run(documentId, async () => {
      const document = await this.deps.findDocument(documentId);
      if (!document || !isTextDocument(document)) return null;
      return this.saveNow(documentId, { reason, by, skipIfUnchanged: true });
    });
  }

  /**
   * Brings `version`'s content back as a new change on the live document (sockets receive
   * it like any edit), after keeping the present as a version; the result is a version too.
   */
  restore(version: VersionRow, userId: string): Promise<{ before: VersionRow | null; restored: VersionRow }> {
    return this.turns.run(version.documentId, async () => {
      const documentId = version.documentId;
      const before = await this.saveNow(documentId, { reason: 'before_restore', by: userId, skipIfUnchanged: true });
      const state = await this.deps.versions.state(version.id);
      if (!state) throw new AppError(404, 'not_found', 'No such version.');
      const { bringBack } = await import('./version-content');
      const room = await this.deps.rooms.get(documentId);
      try {
        const update = bringBack(room.doc, state, RESTORE_ORIGIN);
        await room.settled();
        if (room.isFailed) throw new AppError(503, 'storage_unavailable', 'The document could not be stored; try again.');
        if (update) this.deps.writer.record(documentId, userId, changedRanges(update), this.now());
      } finally {
        this.deps.rooms.released(room);
      }
      const restored = await this.saveNow(documentId, { reason: 'restore', by: userId, restoredFrom: version.id });
      return { before, restored: restored! };
    });
  }

  /** Applies retention to one document's versions; answers how many went. */
  async thin(documentId: string): Promise<number> {
    const drop = versionsToDrop(await this.deps.versions.stamps(documentId), this.now(), this.retention);
    return this.deps.versions.drop(documentId, drop);
  }

  /** Applies retention wherever it would change something (hourly, every instance). */
  async sweep(): Promise<number> {
    const now = this.now();
    const keepAllBefore = new Date(now - this.retention.keepAllMs).toISOString();
    const dropBefore = new Date(now - this.retention.dailyForDays * 24 * 60 * 60 * 1000).toISOString();
    let dropped = 0;
    for (const id of await this.deps.versions.documentsToThin(keepAllBefore, dropBefore)) {
      dropped += await this.turns.run(id, () => this.thin(id));
    }
    return dropped;
  }

  /** Resolves when every step already asked of this instance is done. */
  idle(): Promise<void> {
    return this.turns.idle();
  }

  private async saveNow(documentId: string, opts: SaveOptions): Promise<VersionRow | null> {
    const { versions, authorship, writer, currentState } = this.deps;
    // Who made the last changes is written before the version counts its contributors.
    await writer.flush(documentId);
    const state = await currentState(documentId);
    const latest = await versions.latest(documentId);
    if (opts.skipIfUnchanged && latest) {
      const latestState = await versions.state(latest.id);
      if (latestState && sameState(latestState, state)) return null;
    }
    const since = latest ? Date.parse(latest.createdAt) : -1;
    // Strictly after the latest, so that the order of versions is their order in time.
    const at = Math.max(this.now(), since + 1);
    const row: VersionRow = {
      id: newId(),
      documentId,
      createdAt: new Date(at).toISOString(),
      createdBy: opts.by ?? null,
      name: opts.name ?? null,
      reason: opts.reason,
      restoredFrom: opts.restoredFrom ?? null,
      contributors: await authorship.activeSince(documentId, since),
      size: state.byteLength,
    };
    await versions.insert({ ...row, state });
    if (row.name === null) await this.thin(documentId);
    return row;
  }


}
