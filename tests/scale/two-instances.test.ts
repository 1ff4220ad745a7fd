import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { createDocumentFor } from '../helpers/api';
import { TestRedis } from '../helpers/redis';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/server';

let redis: TestRedis;
let one: ChildServer;
let two: ChildServer;

beforeAll(async () => {
  redis = await TestRedis.start();
  const dataDir = tempDataDir();
  const env = { DATA_DIR: dataDir, REDIS_URL: redis.url, ROOM_GRACE_MS: '200' };
  one = await startChildServer({ ...env, INSTANCE_ID: 'one' });
  two = await startChildServer({ ...env, INSTANCE_ID: 'two' });
});
afterAll(async () => {
  one?.process.kill('SIGKILL');
  two?.process.kill('SIGKILL');
  await redis?.kill();
});

const readyz = async (s: ChildServer) => (await fetch(`${s.url}/readyz`)).status;

describe('two instances behind Redis sharing DATA_DIR', () => {
  it('clients on different instances converge and see each other’s cursors', async () => {
    const { token, documentId } = await createDocumentFor(one.url);
    const a = connectClient(one.wsUrl, documentId, { token });
    const b = connectClient(two.wsUrl, documentId, { token });
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.doc.getText('t').insert(0, 'via één ');
    b.doc.getText('t').insert(0, 'via twee ');
    await waitFor(
      () => a.doc.getText('t').length === 17 && b.doc.getText('t').toString() === a.doc.getText('t').toString(),
      5000,
      'cross-instance convergence',
    );
    a.provider.awareness.setLocalStateField('cursor', { anchor: 2, head: 2 });
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.cursor !== undefined, 5000, 'cursor across');
    a.provider.destroy();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 5000, 'cursor removal across');
    b.provider.destroy();
  });

  it('keeps serving through a Redis outage and converges when it returns, without reconnects', async () => {
    const { token, documentId } = await createDocumentFor(two.url);
    const a = connectClient(one.wsUrl, documentId, { token });
    const b = connectClient(two.wsUrl, documentId, { token });
    await Promise.all([synced(a.provider), synced(b.provider)]);
    let disconnects = 0;
    for (const p of [a.provider, b.provider]) p.on('status', (e: { status: string }) => e.status === 'disconnected' && disconnects++);
    expect(await readyz(one)).toBe(200);

    await redis.kill();
    // Both instances keep taking edits from their own clients meanwhile.
    const local = connectClient(one.wsUrl, documentId, { token });
    await synced(local.provider);
    for (let i = 0; i < 20; i++) {
      a.doc.getArray('items').push([`a${i}`]);
      b.doc.getArray('items').push([`b${i}`]);
    }
    await waitFor(() => local.doc.getArray('items').toArray().includes('a19'), 5000, 'same-instance edits during outage');
    await vi.waitFor(async () => expect([await readyz(one), await readyz(two)]).toEqual([503, 503]), { timeout: 10_000, interval: 100 });

    await redis.start();
    await waitFor(() => a.doc.getArray('items').length === 40 && b.doc.getArray('items').length === 40, 15_000, 'convergence after outage');
    expect(a.doc.getArray('items').toArray().sort()).toEqual(b.doc.getArray('items').toArray().sort());
    await waitFor(() => local.doc.getArray('items').length === 40, 5000, 'third client');
    expect(disconnects).toBe(0);
    await vi.waitFor(async () => expect([await readyz(one), await readyz(two)]).toEqual([200, 200]), { timeout: 10_000, interval: 100 });

    // After the outage, live relaying works again too.
    a.doc.getText('t').insert(0, 'na de storing');
    await waitFor(() => b.doc.getText('t').toString() === 'na de storing', 5000, 'relay after outage');
    for (const c of [a, b, local]) c.provider.destroy();
  });
});
