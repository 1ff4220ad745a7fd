import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { yDocToDocJSON } from '../../server/export/prosemirror';
import { createLogger } from '../../server/log';
import { PostgresDocumentStore } from '../../server/storage/postgres-store';
import { openSql, type Sql } from '../../server/storage/sql/open-sql';
import { Connection } from '../../server/sync/connection';
import { SyncHooks } from '../../server/sync/extensions';
import { RoomRegistry } from '../../server/sync/rooms';
import { AuthorshipRepository } from '../../server/versions/authorship-repository';
import { AuthorshipWriter } from '../../server/versions/authorship-writer';
import { peopleFrom } from '../../server/versions/people';
import { QuietTimer } from '../../server/versions/quiet-timer';
import { versionsExtension } from '../../server/versions/sync-extension';
import { stateToDocJSON } from '../../server/versions/version-content';
import { VersionDiffer } from '../../server/versions/version-diff';
import { VersionRepository } from '../../server/versions/version-repository';
import { VersionService } from '../../server/versions/version-service';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';
import { seedDocument } from './fixtures';
import { addParagraph, changedRuns, paragraphText } from './helpers';

const log = createLogger('silent', 'test');

/** A socket's connection as the sync path sees it (no real socket: nobody is sent anything). */
const socketOf = (documentId: string, userId: string) =>
  new Connection({} as WebSocket, documentId, { user: { id: userId, name: userId, organization: 'Stad', color: '#000' }, role: 'editor', workspaceId: 'w', documentKind: 'note' }, log, 1 << 30);

/**
 * The whole version path on PostgreSQL — document content in its store, versions and
 * authorship in its tables, the room committing through the sync hooks — without HTTP,
 * which needs the rest of the schema on PostgreSQL too (issue 18).
 */
describe('versions and restore with everything in PostgreSQL', () => {
  let database: TestDatabase;
  let sql: Sql;
  let store: PostgresDocumentStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = await openSql({ databaseUrl: database.url });
    store = await PostgresDocumentStore.open(database.url);
  });
  afterAll(async () => {
    await store?.close();
    await sql?.close();
    await database?.drop();
  });

  it('records who changed what from the committing socket, restores as a new change, and stores it', async () => {
    const { documentId } = await seedDocument(sql.db, 'note');
    const versions = new VersionRepository(sql.db);
    const authorship = new AuthorshipRepository(sql.db);
    const writer = new AuthorshipWriter(authorship, log, 10);
    const quiet = new QuietTimer(3600_000, 3600_000, () => undefined);
    const hooks = new SyncHooks().use(versionsExtension(writer, quiet));
    const rooms = new RoomRegistry({ store, log, hooks, graceMs: 0, compactAfterUpdates: 10_000, awarenessFlushMs: 10 });
    const currentState = async (id: string) => Y.encodeStateAsUpdate((await rooms.get(id)).doc);
    const service = new VersionService({ versions, authorship, writer, currentState, rooms, findDocument: () => ({ kind: 'note' }) as never, log });
    const differ = new VersionDiffer({ versions, authorship, writer, currentState, people: peopleFrom((id) => ({ id, name: id, organization: 'Stad' })) });

    const room = await rooms.get(documentId);
    const [karim, anna] = [socketOf(documentId, 'karim'), socketOf(documentId, 'anna')];
    room.doc.transact(() => {
      addParagraph(room.doc, 'Eerste alinea.');
      addParagraph(room.doc, 'Tweede alinea.');
    }, karim);
    await room.settled();
    const v1 = (await service.save(documentId, { reason: 'manual', name: 'stuurgroep', by: 'karim' }))!;
    expect(v1.contributors).toEqual(['karim']);

    room.doc.transact(() => paragraphText(room.doc, 0).insert(0, 'Gewijzigde '), anna);
    room.doc.transact(() => room.doc.getXmlFragment('default').delete(1, 1), anna);
    await room.settled();
    const diff = await differ.diff(v1, null);
    expect(changedRuns(diff.content)).toEqual([
      ['added', 'anna', 'Gewijzigde '],
      ['removed', 'anna', 'Tweede alinea.'],
    ]);

    const { before, restored } = await service.restore(v1, 'jan');
    expect(before).toMatchObject({ reason: 'before_restore', createdBy: 'jan', contributors: ['anna'] });
    expect(restored).toMatchObject({ reason: 'restore', restoredFrom: v1.id, contributors: ['jan'] });
    const old = stateToDocJSON((await versions.state(v1.id))!);
    expect(yDocToDocJSON(room.doc)).toEqual(old);
    // What PostgreSQL holds, read afresh, is the restored content too.
    const stored = new Y.Doc();
    for (const u of await store.loadUpdates(documentId)) Y.applyUpdate(stored, u);
    expect(yDocToDocJSON(stored)).toEqual(old);
    expect((await versions.list(documentId)).map((v) => v.reason)).toEqual(['restore', 'before_restore', 'manual']);

    rooms.released(room);
    await rooms.closeAll();
    quiet.close();
    await writer.flushAll();
  });
});
