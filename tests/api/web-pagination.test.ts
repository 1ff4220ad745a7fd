import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { startTestServer } from '../helpers/server';
import { sampleAnchor } from '../comments/fixtures';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** Follows nextCursor from the first page to the last; returns the ids in the order met, and the page count. */
async function walk(server: Server, token: string, path: string, field: string, limit: number, idOf = (x: any) => x.id as string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const url: string = `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await call(server.url, 'GET', url, { token });
    expect(res.status, url).toBe(200);
    expect(res.body[field].length).toBeLessThanOrEqual(limit);
    ids.push(...res.body[field].map(idOf));
    cursor = res.body.nextCursor;
    expect(cursor === null || typeof cursor === 'string').toBe(true);
    pages++;
  } while (cursor !== null);
  return { ids, pages };
}

function expectExactlyOnce(ids: string[], expected: string[]): void {
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual([...expected].sort());
}

describe('every list pages with ?limit=&cursor= and nextCursor', () => {
  let server: Server;
  let owner: TestUser;
  let workspaceId: string;
  const documentIds: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({ MAX_DOCUMENTS_PER_WORKSPACE: '23' });
    owner = await registerUser(server.url);
    workspaceId = (await createWorkspace(server.url, owner.token)).id;
    for (let i = 0; i < 23; i++) {
      const kind = i === 22 ? 'board' : 'recommendation';
      documentIds.push((await createDocument(server.url, owner.token, workspaceId, { title: `Nota ${i}`, kind })).id);
    }
  });
  afterAll(() => server?.close());

  it('documents: each exactly once across pages, also while documents change; the default answer keeps its shape', async () => {
    const first = await call(server.url, 'GET', `/api/workspaces/${workspaceId}/documents?limit=5`, { token: owner.token });
    // Edits reorder nothing: the order is by creation.
    await call(server.url, 'PATCH', `/api/documents/${documentIds[0]}`, { token: owner.token, body: { title: 'Nieuwe titel' } });
    const { ids, pages } = await walk(server, owner.token, `/api/workspaces/${workspaceId}/documents`, 'documents', 5);
    expectExactlyOnce(ids, documentIds);
    expect(pages).toBe(5);
    expect(ids.slice(0, 5)).toEqual(first.body.documents.map((d: { id: string }) => d.id));
    const all = await call(server.url, 'GET', `/api/workspaces/${workspaceId}/documents`, { token: owner.token });
    expect(all.body.documents).toHaveLength(23);
    expect(all.body.nextCursor).toBeNull();
  });

  it('members, workspaces, comments, notifications and activity page the same way', async () => {
    const members = [owner.user.id];
    for (let i = 0; i < 6; i++) members.push((await addMember(server.url, owner.token, workspaceId, i % 2 ? 'viewer' : 'editor', { name: `Lid ${i}` })).user.id);
    const detail = await walk(server, owner.token, `/api/workspaces/${workspaceId}`, 'members', 2, (m) => m.user.id);
    expectExactlyOnce(detail.ids, members);

    const workspaces = [workspaceId];
    for (let i = 0; i < 4; i++) workspaces.push((await createWorkspace(server.url, owner.token, `Werkruimte ${i}`)).id);
    expectExactlyOnce((await walk(server, owner.token, '/api/workspaces', 'workspaces', 2)).ids, workspaces);

    const mentioned = await addMember(server.url, owner.token, workspaceId, 'commenter', { name: 'Genoemd' });
    const threads: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await call(server.url, 'POST', `/api/documents/${documentIds[1]}/comments`, {
        token: owner.token,
        body: { anchor: sampleAnchor(), quote: 'tekst', body: `Opmerking ${i} @Genoemd`, mentions: [mentioned.user.id] },
      });
      expect(res.status).toBe(201);
      threads.push(res.body.thread.id);
    }
    expectExactlyOnce((await walk(server, owner.token, `/api/documents/${documentIds[1]}/comments`, 'threads', 3)).ids, threads);
    const notes = await walk(server, mentioned.token, '/api/notifications', 'notifications', 3);
    expect(notes.ids).toHaveLength(7);
    expect(new Set(notes.ids).size).toBe(7);

    const everything = await call(server.url, 'GET', `/api/workspaces/${workspaceId}/activity?limit=200`, { token: owner.token });
    const activity = await walk(server, owner.token, `/api/workspaces/${workspaceId}/activity`, 'events', 4);
    expect(activity.ids).toEqual(everything.body.events.map((e: { id: string }) => e.id));
  });

  it('refuses cursors it did not give out and limits out of range, naming the field', async () => {
    const path = `/api/workspaces/${workspaceId}/documents`;
    for (const [query, field] of [
      ['cursor=bm9wZQ', 'cursor'],
      ['cursor=%5B%5D', 'cursor'],
      ['cursor=WzEsMiwzLDRd', 'cursor'],
      ['limit=0', 'limit'],
      ['limit=100000', 'limit'],
      ['limit=abc', 'limit'],
    ]) {
      const res = await call(server.url, 'GET', `${path}?${query}`, { token: owner.token });
      expect(res.status, query).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'invalid_field', field });
    }
    const activity = await call(server.url, 'GET', `/api/workspaces/${workspaceId}/activity?cursor=WyJ4Il0`, { token: owner.token });
    expect(activity.status).toBe(422);
  });

  it('a workspace at its document quota answers 429 in the error shape, and nothing is created', async () => {
    const res = await call(server.url, 'POST', `/api/workspaces/${workspaceId}/documents`, { token: owner.token, body: { title: 'Eén te veel', kind: 'note' } });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('document_quota_reached');
    expect(res.body.error.message).toMatch(/23/);
    const draft = await call(server.url, 'POST', `/api/documents/${documentIds[22]}/draft`, { token: owner.token });
    expect(draft.status).toBe(429);
    expect(draft.body.error.code).toBe('document_quota_reached');
    const list = await call(server.url, 'GET', `/api/workspaces/${workspaceId}/documents`, { token: owner.token });
    expect(list.body.documents).toHaveLength(23);
  });
});
