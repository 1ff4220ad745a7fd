import type { Hono } from 'hono';
import * as Y from 'yjs';
import type { DocumentMeta } from '../../shared/api';
import type { VersionPerson } from '../../shared/versions';
import type { WithCurrentDoc } from '../documents/current-doc';
import type { DomainEvents } from '../events/emit';
import type { Access, AppEnv } from '../http/access';
import type { Logger } from '../log';
import type { Sql } from '../storage/sql/open-sql';
import type { SyncExtension } from '../sync/extensions';
import type { RoomRegistry } from '../sync/rooms';
import { AuthorshipRepository } from './authorship-repository';
import { AuthorshipWriter } from './authorship-writer';
import { peopleFrom } from './people';
import { QuietTimer } from './quiet-timer';
import { versionRoutes } from './routes';
import { versionAccess, type RequireVersion } from './require-version';
import { versionsExtension } from './sync-extension';
import { changedRanges } from './update-ranges';
import { VersionDiffer } from './version-diff';
import { VersionRepository } from './version-repository';
import { VersionService } from './version-service';

type Awaitable<T> = T | Promise<T>;

const HOUR_MS = 60 * 60 * 1000;
/** Who made a change is written at most this long after the commit that carried it. */
const AUTHORSHIP_FLUSH_MS = 250;

export interface VersionsFeature {
  routes: Hono<AppEnv>;
  /** On the sync path: who made each change, and when a document went quiet. */
  extension: SyncExtension;
  service: VersionService;
  /** `:vid` for a caller with at least the given role on its document (404 otherwise). */
  requireVersion: RequireVersion;
  /** A version's stored state. */
  state(versionId: string): Promise<Uint8Array | undefined>;
  /**
   * A change the server made itself (an accepted suggestion, issue 14): `update` is credited
   * to `userId` in who-changed-what, and counts as an edit for the quiet-period version.
   */
  credit(documentId: string, userId: string, update: Uint8Array): void;
  close(): Promise<void>;
}

export interface VersionsDeps {
  sql: Sql;
  rooms: RoomRegistry;
  withCurrentDoc: WithCurrentDoc;
  access: Access;
  events: DomainEvents;
  findDocument(id: string): Awaitable<DocumentMeta | undefined>;
  findUser(id: string): Awaitable<VersionPerson | undefined>;
  log: Logger;
  /** A version follows this long after the last edit (VERSION_QUIET_MS)… */
  quietMs: number;
  /** …or this long after the first edit since the last one, while edits keep coming (VERSION_MAX_WAIT_MS). */
  maxWaitMs: number;
}

/**
 * Version history and who-changed-what for recommendations and notes (issue 14): versions
 * after a quiet period of edits, on every status change, around every restore and by hand;
 * retention applied on every automatic version and hourly.
 */
export function createVersions(deps: VersionsDeps): VersionsFeature {
  const { log } = deps;
  const versions = new VersionRepository(deps.sql.db);
  const authorship = new AuthorshipRepository(deps.sql.db);
  const writer = new AuthorshipWriter(authorship, log, AUTHORSHIP_FLUSH_MS);
  const currentState = (documentId: string) => deps.withCurrentDoc(documentId, (doc) => Y.encodeStateAsUpdate(doc));
  const service = new VersionService({ versions, authorship, writer, currentState, rooms: deps.rooms, findDocument: deps.findDocument, log });
  const people = peopleFrom(deps.findUser);
  const differ = new VersionDiffer({ versions, authorship, writer, currentState, people });

  const automatic = (documentId: string, reason: 'edit' | 'status', by: string | null) => {
    service.saveAutomatic(documentId, reason, by).catch((err: unknown) => {
      log.error({ event: 'versions.save_failed', documentId, reason, err }, 'could not make an automatic version');
    });
  };
  const quiet = new QuietTimer(deps.quietMs, deps.maxWaitMs, (documentId) => automatic(documentId, 'edit', null));
  deps.events.subscribe((e) => {
    if (e.type === 'document.status_changed') automatic(e.subject, 'status', e.actor.id);
  });

  const sweep = () => {
    service.sweep().then(
      (dropped) => dropped > 0 && log.info({ event: 'versions.thinned', dropped }, 'old automatic versions removed'),
      (err: unknown) => log.error({ event: 'versions.thin_failed', err }, 'could not apply version retention'),
    );
  };
  const firstSweep = setTimeout(sweep, 1_000);
  firstSweep.unref();
  const hourly = setInterval(sweep, HOUR_MS);
  hourly.unref();

  return {
    routes: versionRoutes({ access: deps.access, versions, service, differ, people, emit: deps.events.emit }),
    extension: versionsExtension(writer, quiet),
    service,
    requireVersion: versionAccess(versions, deps.access),
    state: (versionId) => versions.state(versionId),
    credit(documentId, userId, update) {
      writer.record(documentId, userId, changedRanges(update), Date.now());
      writer.schedule(documentId);
      quiet.edited(documentId);
    },
    async close() {
      clearTimeout(firstSweep);
      clearInterval(hourly);
      // A graceful stop keeps what the quiet period would have kept; storage closes after this.
      for (const documentId of quiet.drain()) automatic(documentId, 'edit', null);
      await service.idle();
      await writer.flushAll();
    },
  };
}
