import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../../shared/api';
import type { SyncAuthorizer } from '../sync/socket-route';
import { colorForUser } from '../auth/user-color';
import type { Repositories } from './context';

/**
 * Who may open the sync socket of a document (CONTRACT §3). The token comes from the
 * `token` query parameter (or an Authorization header); the cookie counts only when the upgrade's Origin is our own,
 * because browsers send cookies with cross-site WebSocket upgrades too (hijacking).
 * An unknown document and one in a workspace the caller is not in answer alike: 404.
 */
export function syncAuthorizer(repos: Repositories, publicOrigin: () => string): SyncAuthorizer {
  return async (c, documentId) => {
    const token =
      c.req.query('token') ||
      // Scripts may send the header as on the REST API; browsers cannot set it on a WebSocket.
      /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1] ||
      (c.req.header('origin') === publicOrigin() ? getCookie(c, SESSION_COOKIE) : undefined);
    const session = token ? repos.sessions.authenticate(token) : undefined;
    if (!session) return { ok: false, status: 401, code: 'unauthenticated', message: 'Sign in first.' };
    const document = repos.documents.find(documentId);
    const role = document && repos.members.role(document.workspaceId, session.user.id);
    if (!document || !role) return { ok: false, status: 404, code: 'not_found', message: 'No such document.' };
    const { user } = session;
    return {
      ok: true,
      identity: {
        user: { id: user.id, name: user.name, organization: user.organization, color: colorForUser(user.id) },
        role,
        workspaceId: document.workspaceId,
        documentKind: document.kind,
        session: { tokenHash: session.tokenHash, expiresAt: session.expiresAt },
      },
    };
  };
}
