import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { addMember, call, createDocumentFor, registerUser } from '../helpers/api';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { startTestServer } from '../helpers/server';

/** Authentication of the sync socket (CONTRACT §3): who may open it, and as whom they appear. */
const ORIGIN = 'http://stadskamer.test';
let server: Awaited<ReturnType<typeof startTestServer>>;
let wsUrl: string;
let owner: { token: string; documentId: string; workspaceId: string; userId: string };

beforeAll(async () => {
  server = await startTestServer({ PUBLIC_ORIGIN: ORIGIN });
  wsUrl = `ws://127.0.0.1:${server.port}/sync`;
  owner = await createDocumentFor(server.url);
});
afterAll(() => server.close());

/** Tries an upgrade: 101 when the socket opened, else the status it was refused with. */
function upgrade(path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl}/${path}`, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.once('error', (err) => reject(err));
  });
}

describe('who may open the sync socket', () => {
  it('opens for a member with the token query parameter (or, for scripts, a Bearer header)', async () => {
    expect(await upgrade(`${owner.documentId}?token=${owner.token}`)).toBe(101);
    expect(await upgrade(owner.documentId, { authorization: `Bearer ${owner.token}` })).toBe(101);
  });

  it('refuses the upgrade with 401 without a token or with a bad one', async () => {
    expect(await upgrade(owner.documentId)).toBe(401);
    expect(await upgrade(`${owner.documentId}?token=`)).toBe(401);
    expect(await upgrade(`${owner.documentId}?token=${owner.token}x`)).toBe(401);
    expect(await upgrade(owner.documentId, { authorization: `Bearer ${owner.token}x` })).toBe(401);
  });

  it('answers 404 alike for an unknown document and for one in a workspace the caller is not in', async () => {
    const outsider = await registerUser(server.url);
    expect(await upgrade(`noSuchDocument42?token=${owner.token}`)).toBe(404);
    expect(await upgrade(`${owner.documentId}?token=${outsider.token}`)).toBe(404);
  });

  it('takes the session cookie only when the upgrade comes from PUBLIC_ORIGIN (no cross-site hijacking)', async () => {
    const cookie = `stadskamer_session=${owner.token}`;
    expect(await upgrade(owner.documentId, { cookie, origin: ORIGIN })).toBe(101);
    expect(await upgrade(owner.documentId, { cookie })).toBe(401);
    expect(await upgrade(owner.documentId, { cookie, origin: 'https://evil.example' })).toBe(401);
  });

  it('refuses a new socket once the session has logged out', async () => {
    const member = await addMember(server.url, owner.token, owner.workspaceId, 'editor');
    expect(await upgrade(`${owner.documentId}?token=${member.token}`)).toBe(101);
    expect((await call(server.url, 'POST', '/api/auth/logout', { token: member.token })).status).toBe(204);
    expect(await upgrade(`${owner.documentId}?token=${member.token}`)).toBe(401);
    expect(await upgrade(owner.documentId, { cookie: `stadskamer_session=${member.token}`, origin: ORIGIN })).toBe(401);
  });
});

describe('as whom a socket appears', () => {
  it('stamps the real user on awareness: a client calling itself "Mallory" shows under its own name', async () => {
    const mallory = await addMember(server.url, owner.token, owner.workspaceId, 'commenter', {
      name: 'Mieke Claes',
      organization: 'Agentschap Binnenlands Bestuur',
    });
    const watcher = connectClient(wsUrl, owner.documentId, { token: owner.token });
    const liar = connectClient(wsUrl, owner.documentId, { token: mallory.token });
    await Promise.all([synced(watcher.provider), synced(liar.provider)]);

    liar.provider.awareness.setLocalState({
      user: { id: owner.userId, name: 'Mallory', organization: 'Stad Gent', color: '#000000' },
      cursor: { anchor: 1, head: 3 },
    });
    const liarId = liar.doc.clientID;
    await waitFor(() => watcher.provider.awareness.getStates().has(liarId), 5_000, 'awareness of the liar');
    const seen = watcher.provider.awareness.getStates().get(liarId) as { user: unknown; cursor: unknown };
    expect(seen.user).toEqual({
      id: mallory.user.id,
      name: 'Mieke Claes',
      organization: 'Agentschap Binnenlands Bestuur',
      color: mallory.user.color,
    });
    // Everything else the client says about itself is relayed as it is.
    expect(seen.cursor).toEqual({ anchor: 1, head: 3 });
    watcher.provider.destroy();
    liar.provider.destroy();
  });

  it('gives every user a stable colour, the same on the API and on the socket', async () => {
    const again = await call(server.url, 'GET', '/api/me', { token: owner.token });
    const detail = await call(server.url, 'GET', `/api/workspaces/${owner.workspaceId}`, { token: owner.token });
    const self = detail.body.members.find((m: { user: { id: string } }) => m.user.id === owner.userId);
    expect(self.user.color).toBe(again.body.user.color);
    expect(again.body.user.color).toMatch(/^#[0-9a-f]{6}$/);

    const a = connectClient(wsUrl, owner.documentId, { token: owner.token });
    const b = connectClient(wsUrl, owner.documentId, { token: owner.token });
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.provider.awareness.setLocalStateField('cursor', null);
    await waitFor(() => b.provider.awareness.getStates().has(a.doc.clientID), 5_000, 'awareness');
    const state = b.provider.awareness.getStates().get(a.doc.clientID) as { user: { color: string } };
    expect(state.user.color).toBe(again.body.user.color);
    a.provider.destroy();
    b.provider.destroy();
  });
});
