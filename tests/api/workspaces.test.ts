import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMember, call, createDocument, createWorkspace, registerUser } from '../helpers/api';
import { startTestServer } from '../helpers/server';

const ORIGIN = 'https://stadskamer.example';
let server: Awaited<ReturnType<typeof startTestServer>>;
let url: string;

beforeAll(async () => {
  server = await startTestServer({ PUBLIC_ORIGIN: ORIGIN });
  url = server.url;
});
afterAll(() => server.close());
afterEach(() => {
  vi.useRealTimers();
});

describe('workspaces', () => {
  it('creates a workspace with its creator as owner and lists only one’s own', async () => {
    const staff = await registerUser(url, { name: 'Kenniscentrum' });
    const created = await call(url, 'POST', '/api/workspaces', {
      token: staff.token,
      body: { name: 'Stadskamer Mechelen — atelier bestuurlijke capaciteit', description: 'Drie borden, één rapport.' },
    });
    expect(created.status).toBe(201);
    expect(created.body.workspace).toMatchObject({
      name: 'Stadskamer Mechelen — atelier bestuurlijke capaciteit',
      description: 'Drie borden, één rapport.',
      role: 'owner',
    });
    expect(new Date(created.body.workspace.createdAt).toISOString()).toBe(created.body.workspace.createdAt);

    const list = await call(url, 'GET', '/api/workspaces', { token: staff.token });
    expect(list.body.workspaces).toEqual([created.body.workspace]);

    const detail = await call(url, 'GET', `/api/workspaces/${created.body.workspace.id}`, { token: staff.token });
    expect(detail.body.workspace).toEqual(created.body.workspace);
    expect(detail.body.members).toEqual([
      { user: { id: staff.user.id, name: 'Kenniscentrum', organization: 'Stad Gent', color: staff.user.color }, role: 'owner' },
    ]);
    expect(JSON.stringify(detail.body)).not.toContain(staff.email);
  });
});

describe('invites', () => {
  it('makes a link with role and expiry that many people can use', async () => {
    const owner = await registerUser(url);
    const ws = await createWorkspace(url, owner.token);
    const res = await call(url, 'POST', `/api/workspaces/${ws.id}/invites`, {
      token: owner.token,
      body: { role: 'commenter', expiresInHours: 48 },
    });
    expect(res.status).toBe(201);
    const invite = res.body.invite;
    expect(invite.url).toBe(`${ORIGIN}/invite/${invite.token}`);
    expect(invite.role).toBe('commenter');
    const hours = (Date.parse(invite.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(47.9);
    expect(hours).toBeLessThanOrEqual(48);

    const [a, b] = await Promise.all([registerUser(url, { name: 'Stad Aalst' }), registerUser(url, { name: 'UGent' })]);
    for (const person of [a, b]) {
      const accepted = await call(url, 'POST', `/api/invites/${invite.token}/accept`, { token: person.token });
      expect(accepted.status).toBe(200);
      expect(accepted.body.role).toBe('commenter');
      expect(accepted.body.workspace).toMatchObject({ id: ws.id, role: 'commenter' });
    }
    const detail = await call(url, 'GET', `/api/workspaces/${ws.id}`, { token: a.token });
    expect(detail.body.members.map((m: { role: string }) => m.role)).toEqual(['owner', 'commenter', 'commenter']);
  });

  it('defaults to a week, and an owner accepting their own link stays owner', async () => {
    const owner = await registerUser(url);
    const ws = await createWorkspace(url, owner.token);
    const res = await call(url, 'POST', `/api/workspaces/${ws.id}/invites`, { token: owner.token, body: { role: 'viewer' } });
    const days = (Date.parse(res.body.invite.expiresAt) - Date.now()) / 86400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const self = await call(url, 'POST', `/api/invites/${res.body.invite.token}/accept`, { token: owner.token });
    expect(self.body.role).toBe('owner');
  });

  it('answers 404 for an unknown token and 410 once the link has expired (only the clock is faked)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-06-01T08:00:00Z') });
    const owner = await registerUser(url);
    const ws = await createWorkspace(url, owner.token);
    const res = await call(url, 'POST', `/api/workspaces/${ws.id}/invites`, {
      token: owner.token,
      body: { role: 'editor', expiresInHours: 2 },
    });
    expect(res.body.invite.expiresAt).toBe('2026-06-01T10:00:00.000Z');
    const guest = await registerUser(url);

    const unknown = await call(url, 'POST', '/api/invites/no-such-token/accept', { token: guest.token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');

    vi.setSystemTime(new Date('2026-06-01T10:00:00Z'));
    const expired = await call(url, 'POST', `/api/invites/${res.body.invite.token}/accept`, { token: guest.token });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('invite_expired');
    expect((await call(url, 'GET', `/api/workspaces/${ws.id}`, { token: guest.token })).status).toBe(404);

    vi.setSystemTime(new Date('2026-06-01T09:59:59Z'));
    const inTime = await call(url, 'POST', `/api/invites/${res.body.invite.token}/accept`, { token: guest.token });
    expect(inTime.status).toBe(200);
  });
});

describe('members and roles', () => {
  it('changes a role and removes a member; the workspace disappears for them', async () => {
    const owner = await registerUser(url);
    const ws = await createWorkspace(url, owner.token);
    const member = await addMember(url, owner.token, ws.id, 'viewer');
    const path = `/api/workspaces/${ws.id}/members/${member.user.id}`;

    const changed = await call(url, 'PATCH', path, { token: owner.token, body: { role: 'editor' } });
    expect(changed.status).toBe(200);
    expect(changed.body.member).toMatchObject({ user: { id: member.user.id }, role: 'editor' });
    expect((await call(url, 'GET', `/api/workspaces/${ws.id}`, { token: member.token })).body.workspace.role).toBe('editor');

    expect((await call(url, 'DELETE', path, { token: owner.token })).status).toBe(204);
    expect((await call(url, 'GET', `/api/workspaces/${ws.id}`, { token: member.token })).status).toBe(404);
    expect((await call(url, 'GET', '/api/workspaces', { token: member.token })).body.workspaces).toEqual([]);
    const again = await call(url, 'DELETE', path, { token: owner.token });
    expect(again.status).toBe(404);
  });

  it('never leaves a workspace without an owner (409), but a second owner may step down', async () => {
    const owner = await registerUser(url);
    const ws = await createWorkspace(url, owner.token);
    const self = `/api/workspaces/${ws.id}/members/${owner.user.id}`;
    for (const [method, body] of [['PATCH', { role: 'editor' }], ['DELETE', undefined]] as const) {
      const res = await call(url, method, self, { token: owner.token, body });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('last_owner');
    }
    const second = await addMember(url, owner.token, ws.id, 'owner');
    expect((await call(url, 'PATCH', self, { token: owner.token, body: { role: 'editor' } })).status).toBe(200);
    const secondSelf = `/api/workspaces/${ws.id}/members/${second.user.id}`;
    expect((await call(url, 'DELETE', secondSelf, { token: second.token })).status).toBe(409);
  });

  it('lets any member leave on their own, but not remove others', async () => {
    const owner = await registerUser(url);
    const ws = await createWorkspace(url, owner.token);
    const [a, b] = await Promise.all([addMember(url, owner.token, ws.id, 'commenter'), addMember(url, owner.token, ws.id, 'editor')]);
    const other = await call(url, 'DELETE', `/api/workspaces/${ws.id}/members/${b.user.id}`, { token: a.token });
    expect(other.status).toBe(403);
    const leave = await call(url, 'DELETE', `/api/workspaces/${ws.id}/members/${a.user.id}`, { token: a.token });
    expect(leave.status).toBe(204);
    expect((await call(url, 'GET', `/api/workspaces/${ws.id}`, { token: a.token })).status).toBe(404);
  });

  it('answers 404 for a user who is not a member, and 422 for an unknown role', async () => {
    const owner = await registerUser(url);
    const ws = await createWorkspace(url, owner.token);
    const stranger = await registerUser(url);
    const res = await call(url, 'PATCH', `/api/workspaces/${ws.id}/members/${stranger.user.id}`, {
      token: owner.token,
      body: { role: 'editor' },
    });
    expect(res.status).toBe(404);
    const bad = await call(url, 'PATCH', `/api/workspaces/${ws.id}/members/${owner.user.id}`, {
      token: owner.token,
      body: { role: 'admin' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('role');
  });
});

describe('documents', () => {
  it('creates, lists by kind, reads and patches title, tags and status', async () => {
    const owner = await registerUser(url);
    const ws = await createWorkspace(url, owner.token);
    const editor = await addMember(url, owner.token, ws.id, 'editor');

    const created = await call(url, 'POST', `/api/workspaces/${ws.id}/documents`, {
      token: editor.token,
      body: { title: 'Burgerbegroting', kind: 'note', tags: ['Gent', 'participatie', 'Gent'] },
    });
    expect(created.status).toBe(201);
    const doc = created.body.document;
    expect(doc).toMatchObject({
      workspaceId: ws.id,
      kind: 'note',
      title: 'Burgerbegroting',
      tags: ['Gent', 'participatie'],
      status: 'draft',
      createdBy: editor.user.id,
    });
    expect(doc.id).toMatch(/^[A-Za-z0-9_-]{1,128}$/);
    expect(doc.updatedAt).toBe(doc.createdAt);
    const board = await createDocument(url, owner.token, ws.id, { kind: 'board', title: 'Interne organisatie' });
    const rec = await createDocument(url, owner.token, ws.id, { kind: 'recommendation' });

    const notes = await call(url, 'GET', `/api/workspaces/${ws.id}/documents?kind=note`, { token: owner.token });
    expect(notes.body.documents.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    const all = await call(url, 'GET', `/api/workspaces/${ws.id}/documents`, { token: owner.token });
    expect(all.body.documents.map((d: { id: string }) => d.id).sort()).toEqual([doc.id, board.id, rec.id].sort());
    const badKind = await call(url, 'GET', `/api/workspaces/${ws.id}/documents?kind=memo`, { token: owner.token });
    expect(badKind.status).toBe(422);
    expect(badKind.body.error.field).toBe('kind');

    const read = await call(url, 'GET', `/api/documents/${doc.id}`, { token: owner.token });
    expect(read.body.document).toEqual(doc);

    const readAt = Date.now();
    await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(readAt)); // the next change has a later timestamp
    const patched = await call(url, 'PATCH', `/api/documents/${doc.id}`, {
      token: editor.token,
      body: { status: 'review', tags: ['Leuven'] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.document).toMatchObject({ title: 'Burgerbegroting', tags: ['Leuven'], status: 'review' });
    expect(patched.body.document.updatedAt > doc.updatedAt).toBe(true);
    expect((await call(url, 'GET', `/api/documents/${doc.id}`, { token: owner.token })).body.document).toEqual(patched.body.document);

    const empty = await call(url, 'PATCH', `/api/documents/${doc.id}`, { token: editor.token, body: {} });
    expect(empty.status).toBe(422);
    const badStatus = await call(url, 'PATCH', `/api/documents/${doc.id}`, { token: editor.token, body: { status: 'published' } });
    expect(badStatus.status).toBe(422);
    expect(badStatus.body.error.field).toBe('status');
  });

  it('exports the current content through the export renderer', async () => {
    const owner = await registerUser(url);
    const ws = await createWorkspace(url, owner.token);
    const doc = await createDocument(url, owner.token, ws.id, { title: 'Aanbevelingen Mechelen' });
    for (const [format, type] of [['markdown', 'text/markdown'], ['html', 'text/html'], ['json', 'application/json']] as const) {
      const res = await fetch(`${url}/api/documents/${doc.id}/export?format=${format}`, {
        headers: { authorization: `Bearer ${owner.token}` },
      });
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      const body = await res.text();
      if (format !== 'json') expect(body).toContain('Aanbevelingen Mechelen');
      else JSON.parse(body);
    }
    const bad = await call(url, 'GET', `/api/documents/${doc.id}/export?format=odt`, { token: owner.token });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('format');
  });
});
