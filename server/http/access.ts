import type { Context, MiddlewareHandler } from 'hono';
import { hasRole, type Role } from '../../shared/roles';
import type { DocumentMeta, Workspace } from '../../shared/api';
import type { Auth, AuthEnv } from '../auth/middleware';
import type { UserRow } from '../auth/users';
import type { DocumentRepository } from '../documents/document-repository';
import type { MemberRepository } from '../workspaces/members';
import type { WorkspaceRepository } from '../workspaces/workspaces';
import { AppError, notFound } from './errors';

/** What every API route sees: the caller's session, or null (set by `authenticate`). */
export type AppEnv = AuthEnv;
/** After `requireUser`: the signed-in caller. */
export type UserEnv = { Variables: { auth: Auth | null; session: Auth; user: UserRow } };
/** After `requireWorkspace`: the workspace (with the caller's role in it). */
export type WorkspaceEnv = UserEnv & { Variables: { workspace: Workspace; role: Role } };
/** After `requireDocument`: the document and the caller's role in its workspace. */
export type DocumentEnv = UserEnv & { Variables: { document: DocumentMeta; role: Role } };

export interface AccessRepositories {
  workspaces: Pick<WorkspaceRepository, 'findForMember'>;
  members: Pick<MemberRepository, 'role'>;
  documents: Pick<DocumentRepository, 'find'>;
}

/** The minimum role, fixed or depending on the request (e.g. anyone may remove themselves). */
type Minimum = Role | ((c: Context, user: UserRow) => Role);

const ROLE_NAMES: Record<Role, string> = {
  owner: 'owners',
  editor: 'editors',
  participant: 'participants',
  commenter: 'commenters',
  viewer: 'viewers',
};

function requireRole(role: Role, minimum: Role): void {
  if (!hasRole(role, minimum)) {
    throw new AppError(403, 'forbidden', `Only ${ROLE_NAMES[minimum]}${minimum === 'owner' ? '' : ' and above'} may do this.`);
  }
}

function signedIn(auth: Auth | null): Auth {
  if (!auth) throw new AppError(401, 'unauthenticated', 'Sign in first.');
  return auth;
}

/** 401 unless signed in; puts `user` and `session` on `c.var`. */
export const requireUser: MiddlewareHandler<UserEnv> = async (c, next) => {
  const auth = signedIn(c.get('auth'));
  c.set('session', auth);
  c.set('user', auth.user);
  await next();
};

export interface Access {
  requireUser: MiddlewareHandler<UserEnv>;
  /** Signed in and a member of `:wid` with at least `minimum`; outsiders get 404, weaker members 403. */
  requireWorkspace(minimum?: Minimum, param?: string): MiddlewareHandler<WorkspaceEnv>;
  /** Signed in and a member of `:did`'s workspace with at least `minimum`; outsiders get 404. */
  requireDocument(minimum?: Minimum, param?: string): MiddlewareHandler<DocumentEnv>;
  /** The same rule for things found another way (a comment thread names its document). */
  documentFor(documentId: string, userId: string, minimum?: Role): Promise<{ document: DocumentMeta; role: Role }>;
}

/**
 * Access rules in one place. Anything in a workspace the caller does not belong to is
 * "not found", exactly like something that does not exist: outsiders learn nothing.
 * Members with too weak a role get 403, since they can see the thing anyway.
 */
export function createAccess(repos: AccessRepositories): Access {
  const minimumOf = (c: Context, user: UserRow, m: Minimum) => (typeof m === 'function' ? m(c, user) : m);

  async function documentFor(documentId: string, userId: string, minimum: Role = 'viewer') {
    const document = await repos.documents.find(documentId);
    const role = document && (await repos.members.role(document.workspaceId, userId));
    if (!document || !role) throw notFound('document');
    requireRole(role, minimum);
    return { document, role };
  }

  return {
    requireUser,
    requireWorkspace: (minimum = 'viewer', param = 'wid') =>
      async (c, next) => {
        const auth = signedIn(c.get('auth'));
        c.set('session', auth);
        c.set('user', auth.user);
        const workspace = await repos.workspaces.findForMember(c.req.param(param) ?? '', auth.user.id);
        if (!workspace) throw notFound('workspace');
        requireRole(workspace.role, minimumOf(c, auth.user, minimum));
        c.set('workspace', workspace);
        c.set('role', workspace.role);
        await next();
      },
    requireDocument: (minimum = 'viewer', param = 'did') =>
      async (c, next) => {
        const auth = signedIn(c.get('auth'));
        c.set('session', auth);
        c.set('user', auth.user);
        const { document, role } = await documentFor(c.req.param(param) ?? '', auth.user.id, minimumOf(c, auth.user, minimum));
        c.set('document', document);
        c.set('role', role);
        await next();
      },
    documentFor,
  };
}
