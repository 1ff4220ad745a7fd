import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_FILTERS } from '../../shared/activity';
import { addMember, call, createDocument, createWorkspace, registerUser } from '../helpers/api';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { startTestServer } from '../helpers/server';
import { SseClient } from '../helpers/sse';
import { startThread } from '../comments/fixtures';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

type Ev = { id: string; type: string };

describe('the activity list', () => {
  it('never holds presence, and filters by type on the server so every page is full', async () => {
    const owner = await registerUser(server.url, { name: 'Karim', organization: 'Stad Mechelen' });
    const ws = await createWorkspace(server.url, owner.token);
    const sse = new SseClient(`${server.url}/api/workspaces/${ws.id}/events`, { authorization: `Bearer ${owner.token}` });
    const doc = await createDocument(server.url, owner.token, ws.id, { title: 'Netwerkbestuur', kind: 'note' });
    for (const status of ['review', 'final', 'draft']) {
      expect((await call(server.url, 'PATCH', `/api/documents/${doc.id}`, { token: owner.token, body: { status } })).status).toBe(200);
    }
    await addMember(server.url, owner.token, ws.id, 'editor', { name: 'Eva' });
    await startThread(server.url, doc.id, owner.token);
    // Many joins and leaves: with presence in the log they would fill whole pages.
    for (let i = 0; i < 3; i++) {
      const c = connectClient(`ws://127.0.0.1:${server.port}/sync`, doc.id, { token: owner.token });
      await synced(c.provider);
      c.provider.destroy();
      await waitFor(() => sse.events<Ev>().filter((e) => e.type === 'presence.changed').length === 2 * (i + 1), 5000, 'presence');
    }
    const all = sse.events<Ev>();
    const done = all.filter((e) => e.type !== 'presence.changed');
    sse.close();

    const page = async (query: string) => {
      const res = await call(server.url, 'GET', `/api/workspaces/${ws.id}/activity?${query}`, { token: owner.token });
      expect(res.status).toBe(200);
      return res.body.events as Ev[];
    };
    expect((await page('limit=200')).map((e) => e.id)).toEqual(done.map((e) => e.id).reverse());
    expect((await page('limit=200')).some((e) => e.type === 'presence.changed')).toBe(false);

    const status = await page('types=document.status_changed&limit=2');
    expect(status.map((e) => e.type)).toEqual(['document.status_changed', 'document.status_changed']);
    const rest = await page(`types=document.status_changed&limit=2&before=${status[1]!.id}`);
    expect(rest).toHaveLength(1);
    expect(rest[0]!.type).toBe('document.status_changed');

    const social = await page(`types=${[...ACTIVITY_FILTERS.comments, ...ACTIVITY_FILTERS.people].join(',')}`);
    expect(new Set(social.map((e) => e.type))).toEqual(new Set(['comment.created', 'member.joined']));

    for (const bad of ['presence.changed', 'document.nonsense', 'x'.repeat(700), 'comment.created,presence.changed']) {
      const res = await call(server.url, 'GET', `/api/workspaces/${ws.id}/activity?types=${encodeURIComponent(bad)}`, { token: owner.token });
      expect(res.status).toBe(422);
      expect(res.body.error.field).toMatch(/^types/);
    }
    const stranger = await registerUser(server.url);
    expect((await call(server.url, 'GET', `/api/workspaces/${ws.id}/activity?types=comment.created`, { token: stranger.token })).status).toBe(404);
  });
});
