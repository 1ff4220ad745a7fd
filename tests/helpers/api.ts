import { randomBytes } from 'node:crypto';
import type { DocumentKind, DocumentMeta, InviteRole, User, Workspace } from '../../shared/api';
import type { Role } from '../../shared/roles';

/** An answer of the real API: status, parsed JSON body (null when empty) and headers. */
export interface ApiAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the API like a script would: JSON in, JSON out, token as a Bearer header. */
export async function call<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(baseUrl + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export interface TestUser {
  user: User;
  token: string;
  email: string;
  password: string;
}

/** Registers a fresh user with a unique e-mail address. */
export async function registerUser(
  baseUrl: string,
  opts: { name?: string; organization?: string; email?: string; password?: string } = {},
): Promise<TestUser> {
  const email = opts.email ?? `user-${randomBytes(6).toString('hex')}@example.be`;
  const password = opts.password ?? 'een-lang-wachtwoord';
  const res = await call(baseUrl, 'POST', '/api/auth/register', {
    body: { email, password, name: opts.name ?? 'Test Persoon', organization: opts.organization ?? 'Stad Gent' },
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { user: res.body.user, token: res.body.token, email, password };
}

export async function createWorkspace(baseUrl: string, token: string, name = 'Stadskamer Mechelen'): Promise<Workspace> {
  const res = await call(baseUrl, 'POST', '/api/workspaces', { token, body: { name } });
  if (res.status !== 201) throw new Error(`create workspace failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.workspace;
}

export async function createDocument(
  baseUrl: string,
  token: string,
  workspaceId: string,
  opts: { title?: string; kind?: DocumentKind; tags?: string[] } = {},
): Promise<DocumentMeta> {
  const res = await call(baseUrl, 'POST', `/api/workspaces/${workspaceId}/documents`, {
    token,
    body: { title: opts.title ?? 'Aanbevelingen', kind: opts.kind ?? 'recommendation', tags: opts.tags },
  });
  if (res.status !== 201) throw new Error(`create document failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.document;
}

/**
 * A signed-in owner with a workspace and one document in it: what a sync test needs
 * before it can open a socket (pass `token` to connectClient).
 */
export async function createDocumentFor(
  baseUrl: string,
  opts: { kind?: DocumentKind; title?: string } = {},
): Promise<{ token: string; documentId: string; workspaceId: string; userId: string }> {
  const owner = await registerUser(baseUrl, { name: 'Eigenaar' });
  const workspace = await createWorkspace(baseUrl, owner.token);
  const document = await createDocument(baseUrl, owner.token, workspace.id, opts);
  return { token: owner.token, documentId: document.id, workspaceId: workspace.id, userId: owner.user.id };
}

/** Invites a fresh user into a workspace with `role` (owner: invited as editor, then promoted). */
export async function addMember(
  baseUrl: string,
  ownerToken: string,
  workspaceId: string,
  role: Role,
  opts: { name?: string; organization?: string } = {},
): Promise<TestUser> {
  const member = await registerUser(baseUrl, opts);
  const inviteRole: InviteRole = role === 'owner' ? 'editor' : role;
  const invite = await call(baseUrl, 'POST', `/api/workspaces/${workspaceId}/invites`, {
    token: ownerToken,
    body: { role: inviteRole },
  });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
  const accepted = await call(baseUrl, 'POST', `/api/invites/${invite.body.invite.token}/accept`, { token: member.token });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  if (role === 'owner') {
    const promoted = await call(baseUrl, 'PATCH', `/api/workspaces/${workspaceId}/members/${member.user.id}`, {
      token: ownerToken,
      body: { role: 'owner' },
    });
    if (promoted.status !== 200) throw new Error(`promote failed: ${promoted.status}`);
  }
  return member;
}

/** Documents created on first use under a test's own names, each with its owner's token. */
export function namedDocuments(baseUrl: string): (name: string) => Promise<{ token: string; documentId: string }> {
  const docs = new Map<string, Promise<{ token: string; documentId: string }>>();
  return (name) => {
    if (!docs.has(name)) docs.set(name, createDocumentFor(baseUrl));
    return docs.get(name)!;
  };
}
