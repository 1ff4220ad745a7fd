import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createDocumentFor } from '../helpers/api';
import { waitFor } from '../helpers/clients';
import { RawYjsClient } from '../helpers/raw-yjs-client';
import { startTestServer } from '../helpers/server';
import { SseClient } from '../helpers/sse';

/**
 * Presence events (issue #11, item 6): a viewer that connects and closes in a loop made
 * 600 `presence.changed` events that went to every subscriber and were kept forever. Now a
 * person causes at most PRESENCE_EVENTS_PER_PERSON per window (the rest coalesced), and
 * presence events leave the log after PRESENCE_EVENTS_RETENTION_MS.
 */
type Ev = { id: string; type: string; actor: { id: string }; data: { state?: string } };

async function lastEventId(url: string, token: string, workspaceId: string): Promise<string> {
  // A marker: an event stored now, after everything the test did before.
  const marker = await call(url, 'POST', `/api/workspaces/${workspaceId}/documents`, { token, body: { title: 'Marker', kind: 'note' } });
  expect(marker.status).toBe(201);
  return marker.body.document.id as string;
}

/** Everything the log still holds for the workspace: a replay from the start, up to a marker stored now. */
async function storedEvents(url: string, token: string, workspaceId: string): Promise<Ev[]> {
  const markerDoc = await lastEventId(url, token, workspaceId);
  const replay = new SseClient(`${url}/api/workspaces/${workspaceId}/events`, { authorization: `Bearer ${token}`, 'last-event-id': '0' });
  try {
    await waitFor(() => replay.events<Ev & { subject: string }>().some((e) => e.type === 'document.created' && e.subject === markerDoc), 10_000, 'replay up to the marker');
    return replay.events<Ev>();
  } finally {
    replay.close();
  }
}

async function presentCount(url: string, token: string, workspaceId: string, userId: string): Promise<number> {
  const res = await call(url, 'GET', `/api/workspaces/${workspaceId}/presence`, { token });
  return (res.body.online as Array<{ user: { id: string } }>).filter((o) => o.user.id === userId).length;
}

describe('a presence flood', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  // One window for the whole flood, so the bound below does not depend on how fast it runs.
  beforeAll(async () => (server = await startTestServer({ PRESENCE_EVENTS_PER_PERSON: '10', PRESENCE_EVENTS_WINDOW_MS: '600000' })));
  afterAll(() => server?.close());

  it('300 connect/close cycles by a viewer reach subscribers and the log as at most 10 events, ending in the real state', async () => {
    const wsUrl = `ws://127.0.0.1:${server.port}/sync`;
    const owner = await createDocumentFor(server.url);
    const viewer = await addMember(server.url, owner.token, owner.workspaceId, 'viewer', { name: 'Vera' });
    const sse = new SseClient(`${server.url}/api/workspaces/${owner.workspaceId}/events`, { authorization: `Bearer ${owner.token}` });
    await waitFor(() => sse.comments.includes('connected'), 5_000, 'stream open');

    for (let i = 0; i < 300; i++) {
      const raw = await RawYjsClient.open(wsUrl, owner.documentId, viewer.token);
      raw.ws.close();
      await raw.closeCode();
    }
    // Barrier: the server has handled the last close once the viewer is no longer online.
    await expect.poll(() => presentCount(server.url, owner.token, owner.workspaceId, viewer.user.id), { timeout: 5_000 }).toBe(0);
    // An honest person's presence is not held back by the flood of another.
    const editor = await addMember(server.url, owner.token, owner.workspaceId, 'editor', { name: 'Eddy' });
    const honest = await RawYjsClient.open(wsUrl, owner.documentId, editor.token);
    const stored = await storedEvents(server.url, owner.token, owner.workspaceId);
    // The stream has delivered everything stored before the marker (same order as the log).
    const marker = stored.at(-1)!;
    await waitFor(() => sse.events<Ev>().some((e) => e.id === marker.id), 5_000, 'marker on the live stream');

    const ofViewer = (events: Ev[]) => events.filter((e) => e.type === 'presence.changed' && e.actor.id === viewer.user.id);
    const streamed = ofViewer(sse.events<Ev>());
    expect(streamed.length).toBeGreaterThanOrEqual(2);
    expect(streamed.length).toBeLessThanOrEqual(10);
    expect(streamed.at(-1)!.data.state).toBe('left');
    expect(ofViewer(stored).length).toBe(streamed.length);
    expect(sse.events<Ev>().some((e) => e.type === 'presence.changed' && e.actor.id === editor.user.id && e.data.state === 'joined')).toBe(true);
    honest.close();
    sse.close();
  });
});

describe('presence retention', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => (server = await startTestServer({ PRESENCE_EVENTS_RETENTION_MS: '500' })));
  afterAll(() => server?.close());

  it('presence events leave the log after the retention; other events stay', async () => {
    const wsUrl = `ws://127.0.0.1:${server.port}/sync`;
    const owner = await createDocumentFor(server.url);
    const raw = await RawYjsClient.open(wsUrl, owner.documentId, owner.token);
    raw.ws.close();
    await raw.closeCode();
    await expect.poll(() => presentCount(server.url, owner.token, owner.workspaceId, owner.userId), { timeout: 5_000 }).toBe(0);
    const first = await storedEvents(server.url, owner.token, owner.workspaceId);
    expect(first.filter((e) => e.type === 'presence.changed').map((e) => e.data.state)).toEqual(['joined', 'left']);

    await expect
      .poll(async () => (await storedEvents(server.url, owner.token, owner.workspaceId)).filter((e) => e.type === 'presence.changed').length, {
        timeout: 10_000,
        interval: 200,
      })
      .toBe(0);
    const after = await storedEvents(server.url, owner.token, owner.workspaceId);
    expect(after.filter((e) => e.type === 'document.created').length).toBeGreaterThanOrEqual(2);
  });
});
