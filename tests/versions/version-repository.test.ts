import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthorshipRepository } from '../../server/versions/authorship-repository';
import { AuthorshipWriter } from '../../server/versions/authorship-writer';
import { VersionRepository, type NewVersion } from '../../server/versions/version-repository';
import { createLogger } from '../../server/log';
import { SQL_DIALECTS, openTestSql, type TestSql } from '../helpers/sql';
import { seedDocument } from './fixtures';

const log = createLogger('silent', 'test');
let n = 0;
function version(documentId: string, createdAt: string, extra: Partial<NewVersion> = {}): NewVersion {
  const state = new Uint8Array([1, 2, 3, ++n % 250]);
  return { id: `v${++n}`, documentId, createdAt, createdBy: null, name: null, reason: 'edit', restoredFrom: null, contributors: [], size: state.byteLength, state, ...extra };
}

describe.each(SQL_DIALECTS)('version and authorship repositories (%s)', (dialect) => {
  let store: TestSql;
  let versions: VersionRepository;
  let authorship: AuthorshipRepository;

  beforeAll(async () => {
    store = await openTestSql(dialect);
    versions = new VersionRepository(store.db);
    authorship = new AuthorshipRepository(store.db);
  });
  afterAll(async () => {
    await store.dispose();
  });

  it('stores whole states, lists newest first, counts named ones and sums sizes', async () => {
    const { documentId } = await seedDocument(store.db);
    const a = version(documentId, '2026-03-01T10:00:00.000Z', { name: 'versie stuurgroep 12/12', reason: 'manual', createdBy: 'u1' });
    const b = version(documentId, '2026-03-01T10:10:00.000Z', { contributors: ['u2', 'u1'] });
    await versions.insert(a);
    await versions.insert(b);
    expect((await versions.list(documentId)).map((v) => v.id)).toEqual([b.id, a.id]);
    expect((await versions.latest(documentId))!.id).toBe(b.id);
    expect(await versions.find(a.id)).toMatchObject({ name: 'versie stuurgroep 12/12', reason: 'manual', createdBy: 'u1', size: 4 });
    expect(await versions.state(b.id)).toEqual(b.state);
    expect(await versions.countNamed(documentId)).toBe(1);
    expect(await versions.totalSize(documentId)).toBe(8);
    expect(await versions.find('nope')).toBeUndefined();
  });

  it('drops versions and hands their contributors to the next newer version that stays', async () => {
    const { documentId } = await seedDocument(store.db);
    const v1 = version(documentId, '2026-03-01T08:00:00.000Z', { contributors: ['anna'] });
    const v2 = version(documentId, '2026-03-01T09:00:00.000Z', { contributors: ['karim'] });
    const v3 = version(documentId, '2026-03-01T10:00:00.000Z', { contributors: ['jan'] });
    const v4 = version(documentId, '2026-03-01T11:00:00.000Z', { contributors: ['anna'] });
    for (const v of [v1, v2, v3, v4]) await versions.insert(v);
    expect(await versions.drop(documentId, [v2.id, v3.id])).toBe(2);
    const left = await versions.list(documentId);
    expect(left.map((v) => [v.id, v.contributors])).toEqual([
      [v4.id, ['anna', 'jan', 'karim']],
      [v1.id, ['anna']],
    ]);
  });

  it('finds the documents retention would change, and only those', async () => {
    const crowded = await seedDocument(store.db);
    const ancient = await seedDocument(store.db);
    const fine = await seedDocument(store.db);
    await versions.insert(version(crowded.documentId, '2026-02-10T08:00:00.000Z'));
    await versions.insert(version(crowded.documentId, '2026-02-10T18:00:00.000Z'));
    await versions.insert(version(ancient.documentId, '2025-01-01T08:00:00.000Z'));
    await versions.insert(version(fine.documentId, '2026-02-10T08:00:00.000Z'));
    await versions.insert(version(fine.documentId, '2026-02-11T08:00:00.000Z'));
    await versions.insert(version(fine.documentId, '2026-02-11T09:00:00.000Z', { name: 'bewaard', reason: 'manual' }));
    const ids = await versions.documentsToThin('2026-03-19T12:00:00.000Z', '2025-12-20T12:00:00.000Z');
    expect(ids).toContain(crowded.documentId);
    expect(ids).toContain(ancient.documentId);
    expect(ids).not.toContain(fine.documentId);
  });

  it('records runs, widens them and answers who was active since a moment', async () => {
    const { documentId } = await seedDocument(store.db);
    const [id] = await authorship.write(documentId, [{ kind: 'insert', client: 4_000_000_000, start: 0, end: 5, userId: 'karim', lastAt: 1_000 }], []);
    await authorship.write(documentId, [{ kind: 'delete', client: 7, start: 3, end: 4, userId: 'anna', lastAt: 2_000 }], [{ id: id!, start: 0, end: 9, lastAt: 3_000 }]);
    expect(await authorship.runs(documentId)).toEqual([
      { kind: 'insert', client: 4_000_000_000, start: 0, end: 9, userId: 'karim', lastAt: 3_000 },
      { kind: 'delete', client: 7, start: 3, end: 4, userId: 'anna', lastAt: 2_000 },
    ]);
    expect(await authorship.activeSince(documentId, 1_500)).toEqual(['anna', 'karim']);
    expect(await authorship.activeSince(documentId, 2_500)).toEqual(['karim']);
    expect((await authorship.runs(documentId, 2_500)).map((r) => r.userId)).toEqual(['karim']);
  });

  it('writer: a person typing or backspacing extends one row; people taking turns get their own rows', async () => {
    const { documentId } = await seedDocument(store.db);
    const writer = new AuthorshipWriter(authorship, log, 1_000);
    for (let clock = 0; clock < 50; clock++) writer.record(documentId, 'karim', { inserted: [{ client: 1, start: clock, end: clock + 1 }], deleted: [] }, 10 + clock);
    for (let clock = 40; clock > 30; clock--) writer.record(documentId, 'karim', { inserted: [], deleted: [{ client: 1, start: clock - 1, end: clock }] }, 100);
    await writer.flush(documentId);
    writer.record(documentId, 'karim', { inserted: [{ client: 1, start: 50, end: 55 }], deleted: [] }, 200);
    writer.record(documentId, 'anna', { inserted: [{ client: 1, start: 55, end: 60 }], deleted: [] }, 210);
    writer.record(documentId, 'karim', { inserted: [{ client: 2, start: 0, end: 3 }], deleted: [] }, 220);
    await writer.forget(documentId);
    expect(await authorship.runs(documentId)).toEqual([
      { kind: 'insert', client: 1, start: 0, end: 55, userId: 'karim', lastAt: 200 },
      { kind: 'delete', client: 1, start: 30, end: 40, userId: 'karim', lastAt: 100 },
      { kind: 'insert', client: 1, start: 55, end: 60, userId: 'anna', lastAt: 210 },
      { kind: 'insert', client: 2, start: 0, end: 3, userId: 'karim', lastAt: 220 },
    ]);
  });

  it('goes with its document when the document is purged', async () => {
    const { documentId } = await seedDocument(store.db);
    await versions.insert(version(documentId, '2026-03-01T10:00:00.000Z'));
    await authorship.write(documentId, [{ kind: 'insert', client: 1, start: 0, end: 1, userId: 'x', lastAt: 1 }], []);
    await store.db.deleteFrom('documents').where('id', '=', documentId).execute();
    expect(await versions.list(documentId)).toEqual([]);
    expect(await authorship.runs(documentId)).toEqual([]);
  });
});
