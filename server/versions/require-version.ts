import type { MiddlewareHandler } from 'hono';
import type { DocumentMeta } from '../../shared/api';
import { hasRole, type Role } from '../../shared/roles';
import type { Access, UserEnv } from '../http/access';
import { AppError, notFound } from '../http/errors';
import type { VersionRepository, VersionRow } from './version-repository';

export type VersionEnv = UserEnv & { Variables: { version: VersionRow; document: DocumentMeta; role: Role } };

export type RequireVersion = (minimum: Role) => MiddlewareHandler<VersionEnv>;

/**
 * `:vid` for a caller with at least `minimum` on its document. A version of a document the
 * caller cannot see is "not found", exactly like one that does not exist.
 */
export function versionAccess(versions: VersionRepository, access: Access): RequireVersion {
  return (minimum) => async (c, next) => {
    const version = await versions.find(c.req.param('vid') ?? '');
    if (!version) throw notFound('version');
    let found: { document: DocumentMeta; role: Role };
    try {
      found = await access.documentFor(version.documentId, c.var.user.id);
    } catch (err) {
      if (err instanceof AppError && err.status === 404) throw notFound('version');
      throw err;
    }
    if (!hasRole(found.role, minimum)) throw new AppError(403, 'forbidden', 'Only editors and above may do this.');
    c.set('version', version);
    c.set('document', found.document);
    c.set('role', found.role);
    await next();
  };
}
