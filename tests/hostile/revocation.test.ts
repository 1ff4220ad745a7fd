import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import { addMember, call, createDocumentFor, type TestUser } from '../helpers/api';
import { RawYjsClient } from '../helpers/raw-yjs-client';
import { TestRedis } from '../helpers/redis';
import { startChildServer, tempDataDir, type ChildServer } from '../helpers/server';
import { SseClient } from '../helpers/sse';

/**
 * Revocation reaches every open connection (issue #11, item 4): a member has a sync socket
 * and an event stream open on each of two instances; logout, removal and demotion done on
 * one instance reach both — also when Redis is down while it happens (periodic re-check).
 */
let redis: TestRedis;
const instances: ChildServer[] = [];
let owner: Awaited<ReturnType<typeof createDocumentFor>>;
const opened: Array<RawYjsClient | SseClient> = [];

beforeAll(async () => {
  redis = await TestRedis.start();
  const env = { DATA_DIR: tempDataDir(), REDIS_URL: redis.url, ROOM_GRACE_MS: '200', ACCESS_RECHECK_MS: '1000', LOG_LEVEL: 'warn' };
  instances.push(await startChildServer({ ...env, INSTANCE_ID: 'one' }), await startChildServer({ ...env, INSTANCE_ID: 'two' }));
  owner = await createDocumentFor(instances[0]!.url);
}, 60_000);
afterAll(async () => {
  for (const o of opened) o.close();
  for (const s of instances) s.process.kill('SIGKILL');
  await redis?.kill();
});

/** A fresh member with a socket and an event stream on each instance. */
async function memberEverywhere(role: 'editor' | 'viewer' = 'editor') {
  const member = await addMember(instances[0]!.url, owner.token, owner.workspaceId, role);
  const open = await Promise.all(
    instances.map(async (s) => {
      const socket = await RawYjsClient.open(s.wsUrl, owner.documentId, member.token);
      const stream = new SseClient(`${s.url}/api/workspaces/${owner.workspaceId}/events`, { authorization: `Bearer ${member.token}` });
      expect((await stream.opened).status).toBe(200);
      opened.push(socket, stream);
      return { socket, stream };
    }),
  );
  return { member, open };
}

async function expectAllEnded(open: Array<{ socket: RawYjsClient; stream: SseClient }>, code: number) {
  for (const { socket, stream } of open) {
    expect(await socket.closeCode(8_000)).toBe(code);
    await expect.poll(() => stream.ended, { timeout: 8_000 }).toBe(true);
  }
}

describe('revocation on every instance', () => {
  it('logout closes the sockets (4401) and ends the streams on both instances', async () => {
    const { member, open } = await memberEverywhere();
    expect((await call(instances[0]!.url, 'POST', '/api/auth/logout', { token: member.token })).status).toBe(204);
    await expectAllEnded(open, CloseCode.unauthorized);
  });

  it('removal closes the sockets (4403) and ends the streams on both instances', async () => {
    const { member, open } = await memberEverywhere();
    const res = await call(instances[0]!.url, 'DELETE', `/api/workspaces/${owner.workspaceId}/members/${member.user.id}`, { token: owner.token });
    expect(res.status).toBeLessThan(300);
    await expectAllEnded(open, CloseCode.forbidden);
  });

  it('demotion makes the sockets on both instances read-only', async () => {
    const { member, open } = await memberEverywhere();
    const res = await call(instances[0]!.url, 'PATCH', `/api/workspaces/${owner.workspaceId}/members/${member.user.id}`, {
      token: owner.token,
      body: { role: 'viewer' },
    });
    expect(res.status).toBe(200);
    await demotedEverywhere(member, open);
  });

  it('a removal made while Redis is down still reaches the other instance within seconds', async () => {
    const { member, open } = await memberEverywhere();
    await redis.kill();
    const res = await call(instances[0]!.url, 'DELETE', `/api/workspaces/${owner.workspaceId}/members/${member.user.id}`, { token: owner.token });
    expect(res.status).toBeLessThan(300);
    await expectAllEnded(open, CloseCode.forbidden);
    await redis.start();
  });
});

/** Each socket's edit is dropped once the demotion arrived; a fresh reader never sees it. */
async function demotedEverywhere(member: TestUser, open: Array<{ socket: RawYjsClient }>) {
  for (const [i, { socket }] of open.entries()) {
    await expect
      .poll(
        async () => {
          const before = Y.encodeStateVector(socket.doc);
          socket.doc.getMap('m').set(`try-${i}-${Math.random()}`, member.user.id);
          socket.sendUpdate(Y.encodeStateAsUpdate(socket.doc, before));
          await socket.roundTrip();
          const fresh = await RawYjsClient.open(instances[i]!.wsUrl, owner.documentId, owner.token);
          const size = fresh.doc.getMap('m').size;
          fresh.close();
          return size;
        },
        { timeout: 8_000 },
      )
      .toBe(0);
  }
}
