import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../../server/log';
import type { Connection } from '../../server/sync/connection';
import type { Room } from '../../server/sync/room';
import type { RoomRegistry } from '../../server/sync/rooms';
import { AuthorshipRepository } from '../../server/versions/authorship-repository';
import { AuthorshipWriter } from '../../server/versions/authorship-writer';
import { QuietTimer } from '../../server/versions/quiet-timer';
import { automaticVersionBound, DEFAULT_RETENTION } from '../../server/versions/retention';
import { versionsExtension } from '../../server/versions/sync-extension';
import { VersionRepository } from '../../server/versions/version-repository';
import { VersionService } from '../../server/versions/version-service';
import { SQL_DIALECTS, openTestSql, type TestSql } from '../helpers/sql';
import { seedDocument } from './fixtures';
import { addParagraph, paragraphText } from './helpers';

const MIN = 60_000;
const QUIET_MS = 10 * MIN;
const log = createLogger('silent', 'test');

/**
 * A document edited every working day for a simulated week, on a fake clock: the real
 * sync extension records the edits, the real quiet timer makes versions, the real
 * service thins them. Its versions must stay within the bound the README states.
 */
describe.each(SQL_DIALECTS)('storage growth of versions over a simulated week (%s)', (dialect) => {
  let store: TestSql;

  beforeAll(async () => {
    store = await openTestSql(dialect);
  });
  afterAll(async () => {
    vi.useRealTimers();
    await store.dispose();
  });

  it('keeps the count and the bytes of versions within the stated bound', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(Date.parse('2026-03-02T07:00:00.000Z'));
    const { documentId } = await seedDocument(store.db);
    const versions = new VersionRepository(store.db);
    const authorship = new AuthorshipRepository(store.db);
    const writer = new AuthorshipWriter(authorship, log, 250);
    const doc = new Y.Doc();
    const service = new VersionService({
      versions,
      authorship,
      writer,
      currentState: async () => Y.encodeStateAsUpdate(doc),
      rooms: {} as RoomRegistry,
      findDocument: () => ({ kind: 'recommendation' }) as never,
      log,
    });
    const quiet = new QuietTimer(QUIET_MS, 60 * MIN, (id) => void service.saveAutomatic(id, 'edit', null));
    const extension = versionsExtension(writer, quiet);
    const room = { id: documentId } as Room;
    const people = ['karim', 'anna', 'jan'].map((id) => ({ identity: { user: { id }, documentKind: 'recommendation' } }) as unknown as Connection);
    doc.on('update', (update: Uint8Array, origin: unknown) => extension.afterCommit!(room, update, origin as Connection, 0));

    let maxState = 0;
    let maxCount = 0;
    let maxBytes = 0;
    for (let day = 0; day < 7; day++) {
      // 09:00–17:00: a burst of typing every 20 minutes, by one of three people.
      vi.setSystemTime(Date.parse('2026-03-02T09:00:00.000Z') + day * 24 * 60 * MIN);
      for (let burst = 0; burst < 24; burst++) {
        const who = people[burst % 3]!;
        doc.transact(() => addParagraph(doc, `Dag ${day + 1}, ronde ${burst + 1}: `), who);
        const text = paragraphText(doc, doc.getXmlFragment('default').length - 1);
        for (let k = 0; k < 40; k++) {
          doc.transact(() => text.insert(text.length, 'woord '), who);
          vi.advanceTimersByTime(3_000);
        }
        // Someone trims an older paragraph now and then.
        if (burst % 4 === 3) doc.transact(() => paragraphText(doc, 0).delete(0, Math.min(20, paragraphText(doc, 0).length)), who);
        vi.advanceTimersByTime(18 * MIN);
        await service.idle();
        maxState = Math.max(maxState, Y.encodeStateAsUpdate(doc).byteLength);
        const all = await versions.list(documentId);
        maxCount = Math.max(maxCount, all.length);
        maxBytes = Math.max(maxBytes, await versions.totalSize(documentId));
      }
      // The night: nothing happens but the clock, and the hourly sweep.
      vi.advanceTimersByTime(14 * 60 * MIN);
      await service.sweep();
    }
    await service.idle();
    const all = await versions.list(documentId);
    const bytes = await versions.totalSize(documentId);
    const bound = automaticVersionBound(QUIET_MS, DEFAULT_RETENTION);
    // Stated in the report and the README: count and bytes at the end of the week.
    console.info(`versions after a simulated week: ${all.length} (max ${maxCount}, bound ${bound}); ${bytes} bytes (max ${maxBytes}); largest state ${maxState} bytes`);
    expect(maxCount).toBeLessThanOrEqual(bound);
    // 24 sessions of the last day, and one version for each of the six days before.
    expect(all.length).toBe(24 + 6);
    expect(maxBytes).toBeLessThanOrEqual(bound * maxState);
    // Thinned as stated: all of the last day, one per earlier day.
    const now = Date.now();
    const older = all.filter((v) => now - Date.parse(v.createdAt) > DEFAULT_RETENTION.keepAllMs);
    expect(new Set(older.map((v) => v.createdAt.slice(0, 10))).size).toBe(older.length);
    expect(older.length).toBeGreaterThan(0);
    // Every person who edited is credited somewhere in what is kept.
    expect(new Set(all.flatMap((v) => v.contributors))).toEqual(new Set(['karim', 'anna', 'jan']));
    quiet.close();
    await writer.flushAll();
  });
});
