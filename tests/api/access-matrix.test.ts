import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createDocument, createWorkspace, registerUser, type TestUser } from '../helpers/api';
import { startTestServer } from '../helpers/server';
import { sampleAnchor, startThread } from '../comments/fixtures';

/**
 * Every route of CONTRACT §2 that this API owns, called by every kind of caller:
 * the status and error code each one gets. A change in who may do what shows up here.
 */
type Actor = 'owner' | 'editor' | 'participant' | 'commenter' | 'viewer' | 'nonMember' | 'anonymous';
const ACTORS: Actor[] = ['owner', 'editor', 'participant', 'commenter', 'viewer', 'nonMember', 'anonymous'];
type MemberActor = Exclude<Actor, 'nonMember' | 'anonymous'>;
const isMember = (actor: Actor): actor is MemberActor => actor !== 'nonMember' && actor !== 'anonymous';

type Outcome = number | [number, string];
interface World {
  url: string;
  users: Record<Exclude<Actor, 'anonymous'>, TestUser>;
  workspaceId: string;
  documentId: string;
  boardId: string;
  /** A thread started by the owner, for replies and for resolving by others. */
  threadId: string;
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
  owner: ok, editor: ok, participant: ok, commenter: ok, viewer: ok, nonMember: ok, anonymous: UNAUTH,
});
const members = (ok: number): Record<Actor, Outcome> => ({
  owner: ok, editor: ok, participant: ok, commenter: ok, viewer: ok, nonMember: HIDDEN, anonymous: UNAUTH,
});
const commenters = (ok: Outcome): Record<Actor, Outcome> => ({
  owner: ok, editor: ok, participant: ok, commenter: ok, viewer: FORBIDDEN, nonMember: HIDDEN, anonymous: UNAUTH,
});
// A participant ranks above a commenter but never edits a draft or creates documents.
const editors = (ok: number): Record<Actor, Outcome> => ({
  owner: ok, editor: ok, participant: FORBIDDEN, commenter: FORBIDDEN, viewer: FORBIDDEN, nonMember: HIDDEN, anonymous: UNAUTH,
});
const owners = (ok: number): Record<Actor, Outcome> => ({
  owner: ok, editor: FORBIDDEN, participant: FORBIDDEN, commenter: FORBIDDEN, viewer: FORBIDDEN, nonMember: HIDDEN, anonymous: UNAUTH,
});

const CASES: RouteCase[] = [
  {
    route: 'POST /api/auth/register',
    request: async () => ({
      method: 'POST',
      path: '/api/auth/register',
      body: { email: `n-${randomBytes(6).toString('hex')}@example.be`, password: 'een-lang-wachtwoord', name: 'Nieuw', organization: 'UGent' },
    }),
    expect: { owner: 201, editor: 201, participant: 201, commenter: 201, viewer: 201, nonMember: 201, anonymous: 201 },
  },
  {
    route: 'POST /api/auth/login',
    request: async (w) => ({
      method: 'POST',
      path: '/api/auth/login',
      body: { email: w.users.viewer.email, password: w.users.viewer.password },
    }),
    expect: { owner: 200, editor: 200, participant: 200, commenter: 200, viewer: 200, nonMember: 200, anonymous: 200 },
  },
  {
    route: 'POST /api/auth/logout',
    // A session of its own, so that ending it leaves the actor's main token working.
    request: async (w, actor) => ({
      method: 'POST',
      path: '/api/auth/logout',
      token: actor === 'anonymous' ? null : await freshSession(w, actor),
    }),
    expect: { owner: 204, editor: 204, participant: 204, commenter: 204, viewer: 204, nonMember: 204, anonymous: UNAUTH },
  },
  { route: 'GET /api/me', request: async () => ({ method: 'GET', path: '/api/me' }), expect: anyoneSignedIn(200) },
  {
    route: 'PATCH /api/me',
    request: async (w, actor) => ({ method: 'PATCH', path: '/api/me', body: { organization: actor === 'anonymous' ? 'x' : w.users[actor].user.organization } }),
    expect: anyoneSignedIn(200),
  },
  { route: 'GET /api/me/sessions', request: async () => ({ method: 'GET', path: '/api/me/sessions' }), expect: anyoneSignedIn(200) },
  {
    route: 'DELETE /api/me/sessions/:id',
    // Ends a fresh session of the actor's own, found through the actor's list.
    request: async (w, actor) => {
      if (actor === 'anonymous') return { method: 'DELETE', path: '/api/me/sessions/any' };
      const fresh = await freshSession(w, actor);
      const list = await call(w.url, 'GET', '/api/me/sessions', { token: fresh });
      const id = list.body.sessions.find((s: { current: boolean }) => s.current).id;
      return { method: 'DELETE', path: `/api/me/sessions/${id}` };
    },
    expect: anyoneSignedIn(204),
  },
  {
    route: 'POST /api/auth/password-reset',
    request: async (w, actor) => ({ method: 'POST', path: '/api/auth/password-reset', body: { email: actor === 'anonymous' ? 'niemand@example.be' : w.users[actor].email } }),
    expect: { owner: 202, editor: 202, participant: 202, commenter: 202, viewer: 202, nonMember: 202, anonymous: 202 },
  },
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
    route: 'GET /api/workspaces/:wid/invites',
    request: async (w) => ({ method: 'GET', path: `/api/workspaces/${w.workspaceId}/invites` }),
    expect: owners(200),
  },
  {
    route: 'DELETE /api/invites/:id',
    // A fresh invite per case, so every owner case has one to withdraw.
    request: async (w) => {
      const made = await call(w.url, 'POST', `/api/workspaces/${w.workspaceId}/invites`, { token: w.users.owner.token, body: { role: 'viewer' } });
      return { method: 'DELETE', path: `/api/invites/${made.body.invite.id}` };
    },
    expect: owners(204),
  },
  {
    route: 'GET /api/invites/:token',
    request: async (w) => ({ method: 'GET', path: `/api/invites/${w.openInviteToken}` }),
    expect: anyoneSignedIn(200),
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
    route: 'POST /api/workspaces/:wid/leave',
    // A workspace of its own per case, with the actor in their role; its only owner may not leave.
    request: async (w, actor) => ({ method: 'POST', path: `/api/workspaces/${(await scratchWorkspace(w, actor)).id}/leave` }),
    expect: { ...members(204), owner: [409, 'last_owner'] },
  },
  {
    route: 'POST /api/workspaces/:wid/transfer-ownership',
    request: async (w, actor) => {
      const scratch = await scratchWorkspace(w, actor);
      return { method: 'POST', path: `/api/workspaces/${scratch.id}/transfer-ownership`, body: { userId: scratch.heir.user.id } };
    },
    expect: owners(200),
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
  {
    route: 'GET /api/documents/:did/comments',
    request: async (w) => ({ method: 'GET', path: `/api/documents/${w.documentId}/comments` }),
    expect: members(200),
  },
  {
    route: 'POST /api/documents/:did/comments',
    request: async (w) => ({ method: 'POST', path: `/api/documents/${w.documentId}/comments`, body: { anchor: sampleAnchor(), quote: 'Fietsstraten', body: 'Welke straten?' } }),
    expect: commenters(201),
  },
  {
    route: 'GET /api/documents/:did/suggestions',
    request: async (w) => ({ method: 'GET', path: `/api/documents/${w.documentId}/suggestions` }),
    expect: members(200),
  },
  {
    // Who may suggest, seen through a body every allowed caller gets 422 for (a suggestion that
    // stands on real text is tests/suggestions/suggestions-api.test.ts).
    route: 'POST /api/documents/:did/suggestions',
    request: async (w) => ({ method: 'POST', path: `/api/documents/${w.documentId}/suggestions`, body: { anchor: sampleAnchor(), deletedText: '', insertText: '' } }),
    expect: commenters([422, 'invalid_field']),
  },
  {
    route: 'POST /api/documents/:did/suggestions/accept',
    request: async (w) => ({ method: 'POST', path: `/api/documents/${w.documentId}/suggestions/accept`, body: {} }),
    expect: editors(200),
  },
  {
    route: 'POST /api/documents/:did/suggestions/reject',
    request: async (w) => ({ method: 'POST', path: `/api/documents/${w.documentId}/suggestions/reject`, body: {} }),
    expect: editors(200),
  },
  {
    route: 'POST /api/comments/:tid/replies',
    request: async (w) => ({ method: 'POST', path: `/api/comments/${w.threadId}/replies`, body: { body: 'Die in de binnenstad.' } }),
    expect: commenters(201),
  },
  {
    route: "PATCH /api/comments/:tid (resolve someone else's thread)",
    request: async (w) => ({ method: 'PATCH', path: `/api/comments/${w.threadId}`, body: { resolved: false } }),
    expect: editors(200),
  },
  { route: 'GET /api/notifications', request: async () => ({ method: 'GET', path: '/api/notifications' }), expect: anyoneSignedIn(200) },
  {
    route: 'GET /api/workspaces/:wid/activity',
    request: async (w) => ({ method: 'GET', path: `/api/workspaces/${w.workspaceId}/activity` }),
    expect: members(200),
  },
  {
    route: 'GET /api/workspaces/:wid/presence',
    request: async (w) => ({ method: 'GET', path: `/api/workspaces/${w.workspaceId}/presence` }),
    expect: members(200),
  },
  {
    route: 'POST /api/documents/:did/draft',
    request: async (w) => ({ method: 'POST', path: `/api/documents/${w.boardId}/draft` }),
    // Making the draft is the facilitator's step (issue 16): owners only.
    expect: owners(201),
  },
];

/** A fresh workspace of the owner's with the actor in their own role and one more member (an heir for ownership). */
async function scratchWorkspace(w: World, actor: Actor): Promise<{ id: string; heir: TestUser }> {
  const owner = w.users.owner;
  const workspace = await createWorkspace(w.url, owner.token, 'Kladwerkruimte');
  const heir = await addMember(w.url, owner.token, workspace.id, 'editor');
  if (isMember(actor) && actor !== 'owner') {
    const invite = await call(w.url, 'POST', `/api/workspaces/${workspace.id}/invites`, { token: owner.token, body: { role: actor } });
    const joined = await call(w.url, 'POST', `/api/invites/${invite.body.invite.token}/accept`, { token: w.users[actor].token });
    expect(joined.status).toBe(200);
  }
  return { id: workspace.id, heir };
}

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
  const board = await createDocument(url, owner.token, workspace.id, { kind: 'board', title: 'Bord' });
  const [editor, participant, commenter, viewer, target, nonMember] = await Promise.all([
    addMember(url, owner.token, workspace.id, 'editor'),
    addMember(url, owner.token, workspace.id, 'participant'),
    addMember(url, owner.token, workspace.id, 'commenter'),
    addMember(url, owner.token, workspace.id, 'viewer'),
    addMember(url, owner.token, workspace.id, 'viewer'),
    registerUser(url, { name: 'Buitenstaander' }),
  ]);
  const other = await createWorkspace(url, owner.token, 'Open atelier');
  const invite = await call(url, 'POST', `/api/workspaces/${other.id}/invites`, { token: owner.token, body: { role: 'viewer' } });
  world = {
    url,
    users: { owner, editor, participant, commenter, viewer, nonMember },
    workspaceId: workspace.id,
    documentId: document.id,
    boardId: board.id,
    threadId: (await startThread(url, document.id, owner.token)).id,
    openInviteToken: invite.body.invite.token,
    target,
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
