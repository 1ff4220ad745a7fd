import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { startTestServer } from '../helpers/server';

/**
 * Every route of CONTRACT §2 that this API owns, called by every kind of caller:
 * the status and error code each one gets. A change in who may do what shows up here.
 */
type Actor = 'owner' | 'editor' | 'commenter' | 'viewer' | 'nonMember' | 'anonymous';
const ACTORS: Actor[] = ['owner', 'editor', 'commenter', 'viewer', 'nonMember', 'anonymous'];

type Outcome = number | [number, string];
interface World {
  url: string;
  users: Record<Exclude<Actor, 'anonymous'>, TestUser>;
  workspaceId: string;
  documentId: string;
  /** A second workspace whose invite everyone may accept without disturbing the first. */
  openInviteToken: string;
  /** A member whose role the PATCH cases change back and forth. */
  target: TestUser;
}
interface RouteCase {
  route: string;
  /** Builds the request; may prepare state of its own (a fresh member to remove, a fresh session to end). */
  request(w: World, actor: Actor): Promise<{ method: string; path: string; body?: unknown; token?: string | null }>;
  expect: Record<Actor, Outcome>;
}

const UNAUTH: [number, string] = [401, 'unauthenticated'];
const HIDDEN: [number, string] = [404, 'not_found'];
const FORBIDDEN: [number, string] = [403, 'forbidden'];

const anyoneSignedIn = (ok: number): Record<Actor, Outcome> => ({
  owner: ok, editor: ok, commenter: ok, viewer: ok, nonMember: ok, anonymous: UNAUTH,
});
const members = (ok: number): Record<Actor, Outcome> => ({
  owner: ok, editor: ok, commenter: ok, viewer: ok, nonMember: HIDDEN, anonymous: UNAUTH,
});
const editors = (ok: number): Record<Actor, Outcome> => ({
  owner: ok, editor: ok, commenter: FORBIDDEN, viewer: FORBIDDEN, nonMember: HIDDEN, anonymous: UNAUTH,
});
const owners = (ok: number): Record<Actor, Outcome> => ({
  owner: ok, editor: FORBIDDEN, commenter: FORBIDDEN, viewer: FORBIDDEN, nonMember: HIDDEN, anonymous: UNAUTH,
});

const CASES: RouteCase[] = [
  {
    route: 'POST /api/auth/register',
    request: async () => ({
      method: 'POST',
      path: '/api/auth/register',
      body: { email: `n-${randomBytes(6).toString('hex')}@example.be`, password: 'een-lang-wachtwoord', name: 'Nieuw', organization: 'UGent' },
    }),
    expect: { owner: 201, editor: 201, commenter: 201, viewer: 201, nonMember: 201, anonymous: 201 },
  },
  {
    route: 'POST /api/auth/login',
    request: async (w) => ({
      method: 'POST',
      path: '/api/auth/login',
      body: { email: w.users.viewer.email, password: w.users.viewer.password },
    }),
    expect: { owner: 200, editor: 200, commenter: 200, viewer: 200, nonMember: 200, anonymous: 200 },
  },
  {
    route: 'POST /api/auth/logout',
    // A session of its own, so that ending it leaves the actor's main token working.
    request: async (w, actor) => ({
      method: 'POST',
      path: '/api/auth/logout',
      token: actor === 'anonymous' ? null : await freshSession(w, actor),
    }),
    expect: { owner: 204, editor: 204, commenter: 204, viewer: 204, nonMember: 204, anonymous: UNAUTH },
  },
  { route: 'GET /api/me', request: async () => ({ method: 'GET', path: '/api/me' }), expect: anyoneSignedIn(200) },
  {
    route: 'POST /api/workspaces',
    request: async () => ({ method: 'POST', path: '/api/workspaces', body: { name: 'Atelier' } }),
    expect: anyoneSignedIn(201),
  },
  { route: 'GET /api/workspaces', request: async () => ({ method: 'GET', path: '/api/workspaces' }), expect: anyoneSignedIn(200) },
  {
    route: 'GET /api/workspaces/:wid',
    request: async (w) => ({ method: 'GET', path: `/api/workspaces/${w.workspaceId}` }),
    expect: members(200),
  },
  {
    route: 'POST /api/workspaces/:wid/invites',
    request: async (w) => ({ method: 'POST', path: `/api/workspaces/${w.workspaceId}/invites`, body: { role: 'viewer' } }),
    expect: owners(201),
  },
  {
    route: 'POST /api/invites/:token/accept',
    request: async (w) => ({ method: 'POST', path: `/api/invites/${w.openInviteToken}/accept` }),
    expect: anyoneSignedIn(200),
  },
  {
    route: 'PATCH /api/workspaces/:wid/members/:uid',
    request: async (w) => ({
      method: 'PATCH',
      path: `/api/workspaces/${w.workspaceId}/members/${w.target.user.id}`,
      body: { role: 'commenter' },
    }),
    expect: owners(200),
  },
  {
    route: 'DELETE /api/workspaces/:wid/members/:uid',
    // Each case removes a member of its own, so every owner case has someone to remove.
    request: async (w) => {
      const victim = await addMember(w.url, w.users.owner.token, w.workspaceId, 'viewer');
      return { method: 'DELETE', path: `/api/workspaces/${w.workspaceId}/members/${victim.user.id}` };
    },
    expect: owners(204),
  },
  {
    route: 'POST /api/workspaces/:wid/documents',
    request: async (w) => ({
      method: 'POST',
      path: `/api/workspaces/${w.workspaceId}/documents`,
      body: { title: 'Interne organisatie', kind: 'board' },
    }),
    expect: editors(201),
  },
  {
    route: 'GET /api/workspaces/:wid/documents',
    request: async (w) => ({ method: 'GET', path: `/api/workspaces/${w.workspaceId}/documents?kind=recommendation` }),
    expect: members(200),
  },
  {
    route: 'GET /api/documents/:did',
    request: async (w) => ({ method: 'GET', path: `/api/documents/${w.documentId}` }),
    expect: members(200),
  },
  {
    route: 'PATCH /api/documents/:did',
    request: async (w) => ({ method: 'PATCH', path: `/api/documents/${w.documentId}`, body: { status: 'review' } }),
    expect: editors(200),
  },
  {
    route: 'GET /api/documents/:did/export',
    request: async (w) => ({ method: 'GET', path: `/api/documents/${w.documentId}/export?format=json` }),
    expect: members(200),
  },
];

async function freshSession(w: World, actor: Exclude<Actor, 'anonymous'>): Promise<string> {
  const u = w.users[actor];
  const res = await call(w.url, 'POST', '/api/auth/login', { body: { email: u.email, password: u.password } });
  expect(res.status).toBe(200);
  return res.body.token;
}

let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  const url = server.url;
  const owner = await registerUser(url, { name: 'Eigenaar' });
  const workspace = await createWorkspace(url, owner.token);
  const document = await createDocument(url, owner.token, workspace.id);
  const [editor, commenter, viewer, target, nonMember] = await Promise.all([
    addMember(url, owner.token, workspace.id, 'editor'),
    addMember(url, owner.token, workspace.id, 'commenter'),
    addMember(url, owner.token, workspace.id, 'viewer'),
    addMember(url, owner.token, workspace.id, 'viewer'),
    registerUser(url, { name: 'Buitenstaander' }),
  ]);
  const other = await createWorkspace(url, owner.token, 'Open atelier');
  const invite = await call(url, 'POST', `/api/workspaces/${other.id}/invites`, { token: owner.token, body: { role: 'viewer' } });
  world = {
    url,
    users: { owner, editor: editor, commenter: commenter, viewer: viewer, nonMember: nonMember },
    workspaceId: workspace.id,
    documentId: document.id,
    openInviteToken: invite.body.invite.token,
    target: target,
  };
});
afterAll(() => server.close());

describe('access matrix: every route × every kind of caller', () => {
  const rows = CASES.flatMap((c) => ACTORS.map((actor) => [c.route, actor, c] as const));
  it.each(rows)('%s as %s', async (_route, actor, c) => {
    const req = await c.request(world, actor);
    const token = req.token === undefined ? (actor === 'anonymous' ? undefined : world.users[actor].token) : req.token ?? undefined;
    const res = await call(world.url, req.method, req.path, { token, body: req.body });
    const expected = c.expect[actor];
    const [status, code] = Array.isArray(expected) ? expected : [expected, undefined];
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
    if (status >= 400) expect(typeof res.body.error.message).toBe('string');
  });
});

describe('outsiders learn nothing', () => {
  it('a document in a foreign workspace answers exactly like one that does not exist', async () => {
    const token = world.users.nonMember.token;
    const foreign = await call(world.url, 'GET', `/api/documents/${world.documentId}`, { token });
    const unknown = await call(world.url, 'GET', '/api/documents/doesNotExist123', { token });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(unknown.body);
    const ws = await call(world.url, 'GET', `/api/workspaces/${world.workspaceId}`, { token });
    const noWs = await call(world.url, 'GET', '/api/workspaces/doesNotExist123', { token });
    expect(ws.status).toBe(404);
    expect(ws.body).toEqual(noWs.body);
  });

  it('a workspace list holds only the caller’s own workspaces', async () => {
    const res = await call(world.url, 'GET', '/api/workspaces', { token: world.users.viewer.token });
    const ids = res.body.workspaces.map((w: { id: string }) => w.id);
    expect(ids).toContain(world.workspaceId);
    const outsider = await call(world.url, 'GET', '/api/workspaces', { token: world.users.nonMember.token });
    expect(outsider.body.workspaces.map((w: { id: string }) => w.id)).not.toContain(world.workspaceId);
  });
});
