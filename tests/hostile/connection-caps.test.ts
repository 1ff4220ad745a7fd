import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { addMember, call, createDocumentFor } from '../helpers/api';
import { RawYjsClient } from '../helpers/raw-yjs-client';
import { startTestServer } from '../helpers/server';

/**
 * Connection caps and dead peers (issue #11, item 6, socket side): one account cannot hold
 * more sockets than its share (upgrade 429), and a peer that froze without closing is
 * dropped by the ping, leaves presence, and its room unloads.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let wsUrl: string;
let owner: Awaited<ReturnType<typeof createDocumentFor>>;
const raws: RawYjsClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ SOCKETS_PER_USER: '5', PING_INTERVAL_MS: '300' });
  wsUrl = `ws://127.0.0.1:${server.port}/sync`;
  owner = await createDocumentFor(server.url);
});
afterAll(async () => {
  for (const r of raws) r.close();
  await server.close();
});

function upgradeStatus(token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl}/${owner.documentId}?token=${token}`);
    ws.once('open', () => {
      ws.terminate();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

describe('connection caps', () => {
  it('answers the upgrade with 429 past the sockets per user; others still connect', async () => {
    const viewer = await addMember(server.url, owner.token, owner.workspaceId, 'viewer');
    for (let i = 0; i < 5; i++) raws.push(await RawYjsClient.open(wsUrl, owner.documentId, viewer.token));
    expect(await upgradeStatus(viewer.token)).toBe(429);
    expect(await upgradeStatus(owner.token)).toBe(101);
    raws.pop()!.close();
    await expect.poll(() => upgradeStatus(viewer.token)).toBe(101);
  });

  it('drops a frozen peer: it leaves presence', async () => {
    const member = await addMember(server.url, owner.token, owner.workspaceId, 'editor');
    const frozen = await RawYjsClient.open(wsUrl, owner.documentId, member.token);
    const online = async () =>
      (await call(server.url, 'GET', `/api/workspaces/${owner.workspaceId}/presence`, { token: owner.token })).body.online.filter(
        (p: { user: { id: string } }) => p.user.id === member.user.id,
      ).length;
    await expect.poll(online).toBe(1);
    // Stop answering pings without closing: what a laptop that went to sleep looks like.
    frozen.ws.pause();
    await expect.poll(() => frozen.closed !== null || online().then((n) => n === 0), { timeout: 5_000 }).toBe(true);
    await expect.poll(online, { timeout: 5_000 }).toBe(0);
  });
});
