import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createDocument, registerUser, createWorkspace } from '../helpers/api';
import { roundTrip } from '../helpers/barrier';
import { connectClient, synced, waitFor } from '../helpers/clients';
import { startTestServer } from '../helpers/server';
import { SseClient } from '../helpers/sse';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const types = (sse: SseClient) => sse.events().map((e) => e.type);

describe('domain events, SSE and presence (one instance)', () => {
  it('streams every change as an event, replays after Last-Event-ID without duplicates, and lists activity', async () => {
    const owner = await registerUser(server.url, { name: 'Lotte', organization: 'Kenniscentrum Vlaamse Steden' });
    const ws = await createWorkspace(server.url, owner.token);
    const sse = new SseClient(`${server.url}/api/workspaces/${ws.id}/events`, { authorization: `Bearer ${owner.token}` });
    const res = await sse.opened;
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    await waitFor(() => sse.comments.includes('connected'), 5000, 'stream open');

    const doc = await createDocument(server.url, owner.token, ws.id, { title: 'Aanbevelingen', kind: 'recommendation' });
    await call(server.url, 'PATCH', `/api/documents/${doc.id}`, { token: owner.token, body: { status: 'review' } });
    const member = await addMember(server.url, owner.token, ws.id, 'editor', { name: 'Karim' });
    await waitFor(() => types(sse).includes('member.joined'), 5000, 'member event');
    expect(types(sse)).toEqual(['document.created', 'document.status_changed', 'member.joined']);
    const [created, status, joined] = sse.events<{ id: string; actor: { name: string }; subject: string; data: Record<string, unknown> }>();
    expect(created!.actor.name).toBe('Lotte');
    expect(created!.subject).toBe(doc.id);
    expect(status!.data).toEqual({ from: 'draft', to: 'review' });
    expect(joined!.subject).toBe(member.user.id);

    // An edit over the socket becomes document.updated, once per 10 s window however many edits.
    const c = connectClient(`ws://127.0.0.1:${server.port}/sync`, doc.id, { token: member.token });
    await synced(c.provider);
    for (let i = 0; i < 5; i++) c.doc.getText('t').insert(0, 'x');
    await roundTrip(c.provider); // the server has handled all five edits
    // A marker after them: once it arrives, the stream has delivered everything logged before it.
    await call(server.url, 'PATCH', `/api/documents/${doc.id}`, { token: owner.token, body: { status: 'final' } });
    await waitFor(() => types(sse).filter((t) => t === 'document.status_changed').length === 2, 5000, 'marker event');
    expect(types(sse)).toContain('presence.changed');
    expect(types(sse).filter((t) => t === 'document.updated')).toHaveLength(1);
    c.provider.destroy();
    await waitFor(() => types(sse).filter((t) => t === 'presence.changed').length === 2, 5000, 'presence left');

    // Replay: a client that saw up to the first event gets exactly the rest, in order.
    const all = sse.events<{ id: string; type: string }>();
    const replay = new SseClient(`${server.url}/api/workspaces/${ws.id}/events`, {
      authorization: `Bearer ${owner.token}`,
      'last-event-id': all[0]!.id,
    });
    await waitFor(() => replay.messages.length >= all.length - 1, 5000, 'replay');
    // A marker after the replay: what arrives before it is all the replay sent.
    await call(server.url, 'PATCH', `/api/documents/${doc.id}`, { token: owner.token, body: { title: 'Aanbevelingen (marker)' } });
    await waitFor(() => replay.messages.length >= all.length && types(sse).length === all.length + 1, 5000, 'marker after replay');
    const replayed = replay.events<{ id: string; type: string }>();
    expect(replayed.slice(0, -1).map((e) => e.id)).toEqual(all.slice(1).map((e) => e.id));
    expect(replayed.at(-1)!.id).toBe(sse.events<{ id: string }>().at(-1)!.id);
    all.push(sse.events<{ id: string; type: string }>().at(-1)!);
    const ids = all.map((e) => Number(e.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);

    // The activity list is what people did: presence stays in "Nu online".
    const done = all.filter((e) => e.type !== 'presence.changed');
    const activity = await call(server.url, 'GET', `/api/workspaces/${ws.id}/activity?limit=2`, { token: owner.token });
    expect(activity.status).toBe(200);
    expect(activity.body.events.map((e: { id: string }) => e.id)).toEqual([done.at(-1)!.id, done.at(-2)!.id]);
    const older = await call(server.url, 'GET', `/api/workspaces/${ws.id}/activity?limit=50&before=${done.at(-2)!.id}`, { token: owner.token });
    expect(older.body.events).toHaveLength(done.length - 2);
    sse.close();
    replay.close();
  });

  it('shows who is online in which document, and keeps outsiders out of all of it', async () => {
    const owner = await registerUser(server.url, { name: 'Els', organization: 'Stad Leuven' });
    const ws = await createWorkspace(server.url, owner.token);
    const doc = await createDocument(server.url, owner.token, ws.id, { title: 'Netwerk', kind: 'note' });
    const c = connectClient(`ws://127.0.0.1:${server.port}/sync`, doc.id, { token: owner.token });
    await synced(c.provider);
    const presence = await call(server.url, 'GET', `/api/workspaces/${ws.id}/presence`, { token: owner.token });
    expect(presence.status).toBe(200);
    expect(presence.body.online).toEqual([
      { user: { id: owner.user.id, name: 'Els', organization: 'Stad Leuven' }, documentId: doc.id, since: expect.any(String) },
    ]);
    c.provider.destroy();

    const stranger = await registerUser(server.url, { name: 'Mallory' });
    for (const path of ['presence', 'activity', 'events']) {
      const r = await call(server.url, 'GET', `/api/workspaces/${ws.id}/${path}`, { token: stranger.token });
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('not_found');
      const anon = await call(server.url, 'GET', `/api/workspaces/${ws.id}/${path}`, {});
      expect(anon.status).toBe(401);
    }
    const bad = await call(server.url, 'GET', `/api/workspaces/${ws.id}/activity?limit=abc`, { token: owner.token });
    expect(bad.status).toBe(422);
  });
});
