import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMember, call, createDocument, createWorkspace, registerUser } from '../helpers/api';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { TestRedis } from '../helpers/redis';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/server';
import { SseClient } from '../helpers/sse';

let redis: TestRedis;
let one: ChildServer;
let two: ChildServer;

beforeAll(async () => {
  redis = await TestRedis.start();
  const env = { DATA_DIR: tempDataDir(), REDIS_URL: redis.url };
  one = await startChildServer({ ...env, INSTANCE_ID: 'one' });
  two = await startChildServer({ ...env, INSTANCE_ID: 'two' });
});
afterAll(async () => {
  one?.process.kill('SIGKILL');
  two?.process.kill('SIGKILL');
  await redis?.kill();
});

describe('events and presence across two instances', () => {
  it('delivers every event to SSE subscribers on both instances, in the same order', async () => {
    const owner = await registerUser(one.url, { name: 'Lotte' });
    const ws = await createWorkspace(one.url, owner.token);
    const auth = { authorization: `Bearer ${owner.token}` };
    const onOne = new SseClient(`${one.url}/api/workspaces/${ws.id}/events`, auth);
    const onTwo = new SseClient(`${two.url}/api/workspaces/${ws.id}/events`, auth);
    await waitFor(() => onOne.comments.includes('connected') && onTwo.comments.includes('connected'), 5000, 'streams');

    // Changes made through both instances.
    await createDocument(one.url, owner.token, ws.id, { title: 'Via één', kind: 'note' });
    await createDocument(two.url, owner.token, ws.id, { title: 'Via twee', kind: 'board' });
    await addMember(two.url, owner.token, ws.id, 'viewer');
    await waitFor(() => onOne.messages.length === 3 && onTwo.messages.length === 3, 5000, 'three events on both');
    const ids = (s: SseClient) => s.events<{ id: string }>().map((e) => e.id);
    expect(ids(onOne)).toEqual(ids(onTwo));
    expect(onTwo.events<{ type: string }>().map((e) => e.type)).toEqual(['document.created', 'document.created', 'member.joined']);
    onOne.close();
    onTwo.close();
  });

  it('lists users of both instances as online, and forgets a killed instance’s users within 30 s', async () => {
    const owner = await registerUser(one.url, { name: 'Anke', organization: 'Stad Gent' });
    const ws = await createWorkspace(one.url, owner.token);
    const guest = await addMember(one.url, owner.token, ws.id, 'editor', { name: 'Bram', organization: 'UGent' });
    const doc = await createDocument(one.url, owner.token, ws.id, { title: 'Samen', kind: 'recommendation' });

    const a = connectClient(one.wsUrl, doc.id, { token: owner.token });
    const b = connectClient(two.wsUrl, doc.id, { token: guest.token });
    await Promise.all([synced(a.provider), synced(b.provider)]);
    const names = async (s: ChildServer) =>
      ((await call(s.url, 'GET', `/api/workspaces/${ws.id}/presence`, { token: owner.token })).body.online as Array<{ user: { name: string } }>)
        .map((o) => o.user.name)
        .sort();
    expect(await names(one)).toEqual(['Anke', 'Bram']);
    expect(await names(two)).toEqual(['Anke', 'Bram']);

    two.process.kill('SIGKILL');
    await two.exited;
    await vi.waitFor(async () => expect(await names(one)).toEqual(['Anke']), { timeout: 30_000, interval: 500 });
    a.provider.destroy();
    b.provider.destroy();
  });
});
