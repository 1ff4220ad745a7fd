import type { Role } from '../../shared/roles';
import { hasRole } from '../../shared/roles';
import type { DocumentMeta, Workspace } from '../../shared/api';
import { HttpError } from './errors';
import type { Repositories } from '../api-context';

const ROLE_NAMES: Record<Role, string> = { owner: 'owners', editor: 'editors', participant: 'participants', commenter: 'commenters', viewer: 'viewers' };

/**
 * Access rules in one place. Anything in a workspace the caller does not belong to is
 * "not found", exactly like something that does not exist: outsiders learn nothing.
 * Members with too weak a role get 403, since they can see the thing anyway.
 */
export function notFound(what: string): HttpError {
  return new HttpError(404, 'not_found', `No such ${what}.`);
}

function requireRole(role: Role, minimum: Role): void {
  if (!hasRole(role, minimum)) {
    throw new HttpError(403, 'forbidden', `Only ${ROLE_NAMES[minimum]}${minimum === 'owner' ? '' : ' and above'} may do this.`);
  }
}

export function workspaceFor(repos: Repositories, workspaceId: string, userId: string, minimum: Role = 'viewer'): Workspace {
  const workspace = repos.workspaces.findForMember(workspaceId, userId);
  if (!workspace) throw notFound('workspace');
  requireRole(workspace.role, minimum);
  return workspace;
}

export function documentFor(
  repos: Repositories,
  documentId: string,
  userId: string,
  minimum: Role = 'viewer',
): { document: DocumentMeta; role: Role } {
  const document = repos.documents.find(documentId);
  const role = document && repos.members.role(document.workspaceId, userId);
  if (!document || !role) throw notFound('document');
  requireRole(role, minimum);
  return { document, role };
}
