import type { SyncAuthorizer } from '../sync/socket-route';
import type { SessionRepository } from '../auth/sessions';
import { colorForUser } from '../auth/user-color';
import type { Access } from './access';
import { AppError } from './errors';
import { readCredentials } from './credentials';

/**
 * Who may open the sync socket of a document (CONTRACT §3): the same credentials and
 * document rule as the REST API. The token may also come as `?token=` (browsers cannot set
 * headers on a WebSocket); the cookie counts only when the upgrade's Origin is our own,
 * because browsers send cookies with cross-site WebSocket upgrades too (hijacking).
 * An unknown document and one in a workspace the caller is not in answer alike: 404.
 */
export function syncAuthorizer(sessions: SessionRepository, access: Access, publicOrigin: () => string): SyncAuthorizer {
  return async (c, documentId) => {
    const presented = readCredentials(c, { query: true, cookieOrigin: publicOrigin() });
    const session = presented ? await sessions.authenticate(presented.token) : undefined;
    if (!session) return { ok: false, status: 401, code: 'unauthenticated', message: 'Sign in first.' };
    try {
      const { document, role } = await access.documentFor(documentId, session.user.id);
      const { user } = session;
      return {
        ok: true,
        identity: {
          user: { id: user.id, name: user.name, organization: user.organization, color: colorForUser(user.id) },
          // An archived document is read-only for everyone until it is taken out of the archive.
          role: document.archivedAt ? 'viewer' : role,
          workspaceId: document.workspaceId,
          documentKind: document.kind,
          session: { tokenHash: session.tokenHash, expiresAt: session.expiresAt },
        },
      };
    } catch (err) {
      if (err instanceof AppError && err.status === 404) return { ok: false, status: 404, code: err.code, message: err.message };
      throw err;
    }
  };
}
