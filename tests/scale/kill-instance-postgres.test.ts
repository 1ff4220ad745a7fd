import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { call, createDocumentFor } from '../helpers/api';
import { startThread } from '../comments/fixtures';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres';
import { TestRedis } from '../helpers/redis';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/server';

const started: ChildServer[] = [];
let redis: TestRedis | undefined;
let database: TestDatabase | undefined;
afterEach(() => {
  for (const s of started.splice(0)) s.process.kill('SIGKILL');
});
afterAll(async () => {
  await redis?.kill();
  await database?.drop();
});

// Three servers per test: generous on a busy machine.
describe('two instances with separate data directories on one PostgreSQL and one Redis', { timeout: 120_000 }, () => {
  it('lose nothing another instance relayed when one is killed with SIGKILL in a write storm', async () => {
    redis = await TestRedis.start();
    database = await createTestDatabase();
    // As on separate hosts: one PostgreSQL, one Redis, and a data directory of each one's own.
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url };
    const start = async (id: string) => {
      const s = await startChildServer({ ...env, DATA_DIR: tempDataDir(), INSTANCE_ID: id });
      started.push(s);
      return s;
    };
    const [one, two] = [await start('one'), await start('two')];
    const { token, documentId } = await createDocumentFor(one.url);
    const writer = connectClient(one.wsUrl, documentId, { token });
    const observer = connectClient(two.wsUrl, documentId, { token });
    await Promise.all([synced(writer.provider), synced(observer.provider)]);

    const items = writer.doc.getArray<number>('items');
    let n = 0;
    const storm = setInterval(() => {
      for (let i = 0; i < 10; i++) items.push([n++]);
    }, 5);
    await waitFor(() => observer.doc.getArray('items').length > 300, 15_000, 'edits relayed across instances');
    one.process.kill('SIGKILL');
    await one.exited;
    clearInterval(storm);
    // What the observer holds reached it through instance one's commit and Redis publish.
    const seen = observer.doc.getArray<number>('items').toArray();
    destroyAll(writer.provider, observer.provider);

    // A third instance has nothing in memory: it reads the document from PostgreSQL.
    const three = await start('three');
    const reader = connectClient(three.wsUrl, documentId, { token });
    await synced(reader.provider);
    const stored = new Set(reader.doc.getArray<number>('items').toArray());
    expect(seen.length).toBeGreaterThan(300);
    expect(seen.filter((v) => !stored.has(v))).toEqual([]);
    destroyAll(reader.provider);
  });

  it('share accounts, workspaces, comments and content though neither shares a disk with the other', async () => {
    redis ??= await TestRedis.start();
    database ??= await createTestDatabase();
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url };
    const one = await startChildServer({ ...env, DATA_DIR: tempDataDir(), INSTANCE_ID: 'host-a' });
    const two = await startChildServer({ ...env, DATA_DIR: tempDataDir(), INSTANCE_ID: 'host-b' });
    started.push(one, two);
    // Registered, workspace and document made on host A …
    const { token, documentId } = await createDocumentFor(one.url);
    // … the session works on host B, and what B stores A serves.
    const thread = await startThread(two.url, documentId, token, 'Gezien op host B?');
    const listed = await call(one.url, 'GET', `/api/documents/${documentId}/comments`, { token });
    expect(listed.status).toBe(200);
    expect(listed.body.threads.map((t: { id: string }) => t.id)).toEqual([thread.id]);
    const a = connectClient(one.wsUrl, documentId, { token });
    const b = connectClient(two.wsUrl, documentId, { token });
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.doc.getText('t').insert(0, 'van A ');
    b.doc.getText('t').insert(0, 'van B ');
    await waitFor(
      () => a.doc.getText('t').toString() === b.doc.getText('t').toString() && a.doc.getText('t').length === 12,
      10_000,
      'both hosts converge',
    );
    destroyAll(a.provider, b.provider);
    // Logging out on B ends the session on A too.
    expect((await call(two.url, 'POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await call(one.url, 'GET', '/api/me', { token })).status).toBe(401);
  });
});
