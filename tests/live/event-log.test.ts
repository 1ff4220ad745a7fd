import { sql as raw } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryPubSub } from '../../server/bus/memory-pubsub';
import { EventLog, insertEvent, lockWorkspaceEvents } from '../../server/events/event-log';
import { PresenceRetention } from '../../server/events/presence-retention';
import { createLogger } from '../../server/log';
import type { Sql } from '../../server/storage/sql/open-sql';
import type { NewDomainEvent } from '../../shared/events';
import { SQL_DIALECTS, openTestSql, type TestSql } from '../helpers/sql';

const actor = { id: 'u1', name: 'Lotte', organization: 'Stad Gent' };
const event = (workspaceId: string, type: NewDomainEvent['type'], subject = 'd1'): NewDomainEvent => ({
  workspaceId,
  type,
  actor,
  subject,
  data: { n: subject },
});

const opened: Array<TestSql | Sql> = [];
afterEach(async () => {
  // Second connections first: the store they point at goes with its own dispose.
  for (const s of opened.splice(0).reverse()) await ('dispose' in s ? s.dispose() : s.close());
});

async function open(dialect: (typeof SQL_DIALECTS)[number]): Promise<TestSql> {
  const store = await openTestSql(dialect);
  opened.push(store);
  return store;
}

describe.each(SQL_DIALECTS)('the event log (%s)', (dialect) => {
  it('records, replays after an id, pages activity by type, and knows the last id per workspace', async () => {
    const store = await open(dialect);
    const log = new EventLog(store.db, new MemoryPubSub());
    expect(await log.lastId('w1')).toBe(0);
    const a = await log.record(event('w1', 'document.created', 'd1'));
    const other = await log.record(event('w2', 'document.created', 'x'));
    const b = await log.record(event('w1', 'comment.created', 'd2'));
    const c = await log.record(event('w1', 'document.status_changed', 'd3'));
    expect(Number(a.id)).toBeLessThan(Number(b.id));
    expect(Number(b.id)).toBeLessThan(Number(c.id));
    expect(a).toMatchObject({ workspaceId: 'w1', type: 'document.created', actor, subject: 'd1', data: { n: 'd1' } });
    expect(await log.lastId('w1')).toBe(Number(c.id));
    expect((await log.since('w1', 0)).map((e) => e.id)).toEqual([a.id, b.id, c.id]);
    expect((await log.since('w1', Number(a.id))).map((e) => e.id)).toEqual([b.id, c.id]);
    expect((await log.since('w1', 0, 2)).map((e) => e.id)).toEqual([a.id, b.id]);
    expect((await log.since('w2', 0)).map((e) => e.id)).toEqual([other.id]);

    const types = ['document.created', 'document.status_changed'] as const;
    expect((await log.activity('w1', null, 10, types)).map((e) => e.id)).toEqual([c.id, a.id]);
    expect((await log.activity('w1', Number(c.id), 10, types)).map((e) => e.id)).toEqual([a.id]);
    expect((await log.activity('w1', null, 1, ['comment.created'])).map((e) => e.id)).toEqual([b.id]);
  });

  it('answers nothing for another workspace, no types, or ids beyond the end', async () => {
    const store = await open(dialect);
    const log = new EventLog(store.db, new MemoryPubSub());
    const a = await log.record(event('w1', 'document.created'));
    expect(await log.since('w-other', 0)).toEqual([]);
    expect(await log.since('w1', Number(a.id))).toEqual([]);
    expect(await log.since('w1', Number.MAX_SAFE_INTEGER)).toEqual([]);
    expect(await log.activity('w1', null, 10, [])).toEqual([]);
    expect(await log.activity('w-other', null, 10, ['document.created'])).toEqual([]);
  });

  it('a reader that always asks for ids after the last one it saw misses nothing while two instances write', async () => {
    const store = await open(dialect);
    // Two pools on PostgreSQL. On SQLite two connections in one process would block each
    // other's transactions (better-sqlite3 waits synchronously); instances there are processes.
    const second = dialect === 'postgres' ? await store.openAnother() : store;
    if (second !== store) opened.push(second);
    const logs = [new EventLog(store.db, new MemoryPubSub()), new EventLog(second.db, new MemoryPubSub())];
    const seen: string[] = [];
    let lastId = 0;
    let writing = true;
    const reader = (async () => {
      while (writing || (await logs[0]!.since('w1', lastId)).length > 0) {
        for (const e of await logs[0]!.since('w1', lastId)) {
          seen.push(e.id);
          lastId = Number(e.id);
        }
      }
    })();
    const writers = logs.map((log, i) =>
      (async () => {
        const ids: string[] = [];
        for (let n = 0; n < 40; n++) ids.push((await log.record(event('w1', 'document.updated', `i${i}-${n}`))).id);
        return ids;
      })(),
    );
    const written = (await Promise.all(writers)).flat();
    writing = false;
    await reader;
    expect(seen).toHaveLength(80);
    expect([...seen].sort()).toEqual([...written].sort());
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((x, y) => x - y));
  });
});

describe.each(SQL_DIALECTS)('presence retention (%s)', (dialect) => {
  it('prunes presence events older than the retention, and nothing else', async () => {
    const store = await open(dialect);
    const log = new EventLog(store.db, new MemoryPubSub());
    const presence = await log.record(event('w1', 'presence.changed'));
    const edit = await log.record(event('w1', 'document.updated'));
    const retention = new PresenceRetention(store.db, 60_000, createLogger('silent', 'test'));
    retention.stop();
    expect(await retention.run(Date.parse(presence.at) + 30_000)).toBe(0);
    expect(await retention.run(Date.parse(presence.at) + 61_000)).toBe(1);
    expect((await log.since('w1', 0)).map((e) => e.id)).toEqual([edit.id]);
  });
});

describe('the event log on PostgreSQL, with an instance whose event is not yet committed', () => {
  it('makes a later event wait, so that no reader sees an id before the smaller ones are committed', async () => {
    const store = await open('postgres');
    const other = await store.openAnother();
    opened.push(other);
    const log = new EventLog(store.db, new MemoryPubSub());
    const before = await log.record(event('w1', 'document.created', 'first'));

    // "Another instance" is half-way through recording: its id is drawn, its transaction open.
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let drawn = 0;
    const slow = other.db.transaction().execute(async (trx) => {
      await lockWorkspaceEvents(trx, 'w1');
      drawn = (await insertEvent(trx, event('w1', 'comment.created', 'slow'))).id;
      await held;
    });
    await vi.waitFor(() => expect(drawn).toBeGreaterThan(0));

    const fast = log.record(event('w1', 'document.updated', 'fast'));
    // Barrier: the fast record is waiting for the slow one's lock, not merely slow to start.
    await vi.waitFor(async () => {
      const { rows } = await raw<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(store.db);
      expect(rows[0]!.n).toBe(1);
    });
    expect((await log.since('w1', Number(before.id))).map((e) => e.subject)).toEqual([]);

    commit();
    await slow;
    const fastEvent = await fast;
    expect(Number(fastEvent.id)).toBeGreaterThan(drawn);
    expect((await log.since('w1', Number(before.id))).map((e) => e.subject)).toEqual(['slow', 'fast']);
  });

  it('does not make another workspace wait', async () => {
    const store = await open('postgres');
    const other = await store.openAnother();
    opened.push(other);
    const log = new EventLog(store.db, new MemoryPubSub());
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let locked = false;
    const slow = other.db.transaction().execute(async (trx) => {
      await lockWorkspaceEvents(trx, 'w1');
      locked = true;
      await held;
    });
    await vi.waitFor(() => expect(locked).toBe(true));
    const elsewhere = await log.record(event('w2', 'document.created'));
    expect(await log.since('w2', 0)).toEqual([elsewhere]);
    commit();
    await slow;
  });
});
