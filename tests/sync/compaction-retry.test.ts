/**
 * A document whose compaction fails (an unreadable stored row) is not compacted again at
 * every commit: each attempt reads and decodes the whole document in a worker, so the next
 * one waits for another COMPACT_AFTER rows. The registry runs in this process on a real
 * SQLite store, so that "an attempt started" is a log line written synchronously.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import * as Y from 'yjs';
import { openDatabase } from '../../server/storage/db';
import { SqliteDocumentStore } from '../../server/storage/sqlite-store';
import { RoomRegistry } from '../../server/sync/rooms';
import { SyncHooks } from '../../server/sync/extensions';
import { tempDataDir } from '../helpers/server';

const COMPACT_AFTER = 20;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('compaction after a failure', () => {
  it('waits for another COMPACT_AFTER rows before trying again, and keeps every row', async () => {
    dirs.push(tempDataDir());
    const store = new SqliteDocumentStore(openDatabase(dirs[0]!));
    const events: string[] = [];
    const log = pino({ level: 'debug' }, { write: (line: string) => void events.push(JSON.parse(line).event) });
    const rooms = new RoomRegistry({ store, log, hooks: new SyncHooks(), graceMs: 0, compactAfterUpdates: COMPACT_AFTER, awarenessFlushMs: 30 });
    const attempts = () => events.filter((e) => e === 'storage.compacting').length;
    try {
      store.appendUpdates('doc', [new Uint8Array([1, 2, 3])]);
      const room = await rooms.hold('doc');
      const text = room.doc.getText('t');
      const type = async (n: number) => {
        for (let i = 0; i < n; i++) text.insert(text.length, 'x');
        await room.settled();
        await nextTurn();
      };

      await type(COMPACT_AFTER - 1);
      expect(attempts()).toBe(1);
      await vi.waitFor(() => expect(events).toContain('storage.compact_failed'), { timeout: 15_000 });

      await type(COMPACT_AFTER - 1);
      expect(attempts()).toBe(1);
      await type(1);
      expect(attempts()).toBe(2);
      await vi.waitFor(() => expect(events.filter((e) => e === 'storage.compact_failed')).toHaveLength(2), { timeout: 15_000 });

      // Nothing was merged, so nothing was deleted.
      expect(await store.countUpdates('doc')).toBe(1 + 2 * COMPACT_AFTER - 1);
      const reloaded = new Y.Doc();
      for (const u of await store.loadUpdates('doc')) {
        try {
          Y.applyUpdate(reloaded, u);
        } catch {
          // the planted unreadable row
        }
      }
      expect(reloaded.getText('t').toString()).toBe('x'.repeat(2 * COMPACT_AFTER - 1));
      rooms.unhold('doc');
    } finally {
      await rooms.closeAll();
      await store.close();
    }
  });
});
