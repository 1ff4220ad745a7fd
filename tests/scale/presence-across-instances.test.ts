import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundTrip } from '../helpers/barrier';
import { addMember, createDocumentFor } from '../helpers/api';
import { connectClient, destroyAll, synced, waitFor } from '../helpers/clients';
import { TestRedis } from '../helpers/redis';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/server';

/**
 * A stock client sends every awareness state it receives back to its server, those of
 * clients on other instances too. The instance must not take such an echo as its own
 * client's state: it would stamp someone else's cursor with the echoing client's name.
 */
let redis: TestRedis;
let one: ChildServer;
let two: ChildServer;

beforeAll(async () => {
  redis = await TestRedis.start();
  const env = { DATA_DIR: tempDataDir(), REDIS_URL: redis.url, ROOM_GRACE_MS: '200' };
  one = await startChildServer({ ...env, INSTANCE_ID: 'one' });
  two = await startChildServer({ ...env, INSTANCE_ID: 'two' });
});
afterAll(async () => {
  one?.process.kill('SIGKILL');
  two?.process.kill('SIGKILL');
  await redis?.kill();
});

describe('presence across instances', () => {
  it('shows each cursor under its own person on both instances, whatever the clients echo', async () => {
    const { token, documentId, workspaceId } = await createDocumentFor(one.url);
    const bob = await addMember(one.url, token, workspaceId, 'editor', { name: 'Bob' });
    const carla = await addMember(one.url, token, workspaceId, 'editor', { name: 'Carla' });
    const clients = [
      { ...connectClient(one.wsUrl, documentId, { token }), name: 'Eigenaar' },
      { ...connectClient(two.wsUrl, documentId, { token: bob.token }), name: 'Bob' },
      { ...connectClient(one.wsUrl, documentId, { token: carla.token }), name: 'Carla' },
      { ...connectClient(two.wsUrl, documentId, { token: carla.token }), name: 'Carla' },
    ];
    await Promise.all(clients.map((c) => synced(c.provider)));
    clients.forEach((c, i) => c.provider.awareness.setLocalStateField('cursor', { anchor: i, head: i }));
    const cursorOf = (at: (typeof clients)[number], of: (typeof clients)[number]) =>
      at.provider.awareness.getStates().get(of.doc.clientID) as { cursor?: { anchor: number }; user?: { name: string } } | undefined;
    await waitFor(() => clients.every((at) => clients.every((of) => cursorOf(at, of)?.cursor !== undefined)), 10_000, 'every cursor everywhere');
    // The echoes have been handled by both instances, and relayed if they were going to be.
    await Promise.all(clients.map((c) => roundTrip(c.provider)));
    clients.forEach((c, i) => c.provider.awareness.setLocalStateField('cursor', { anchor: 10 + i, head: 10 + i }));
    await waitFor(() => clients.every((at) => clients.every((of, i) => cursorOf(at, of)?.cursor?.anchor === 10 + i)), 10_000, 'the second moves');
    for (const at of clients) for (const of of clients.filter((o) => o !== at)) expect(cursorOf(at, of)?.user?.name).toBe(of.name);
    // A late joiner on each instance gets the snapshot each instance holds.
    const late = [one, two].map((s) => ({ ...connectClient(s.wsUrl, documentId, { token }), name: 'late' }));
    await waitFor(() => late.every((at) => clients.every((of, i) => cursorOf(at, of)?.cursor?.anchor === 10 + i)), 10_000, 'every cursor at the late joiners');
    for (const at of late) for (const of of clients) expect(cursorOf(at, of)?.user?.name).toBe(of.name);
    destroyAll(...[...clients, ...late].map((c) => c.provider));
  });
});
