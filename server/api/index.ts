import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { SyncAuthorizer } from '../sync/socket-route';
import { HttpError, sendError } from '../http/errors';
import { isUploadPath } from '../http/upload';
import { authenticate, csrfGuard } from '../auth/middleware';
import { createLoginLimiter } from '../auth/login-limiter';
import { createRepositories, type ApiDeps, type ApiEnv, type Repositories, type RouteContext } from './context';
import { authRoutes } from './auth-routes';
import { workspaceRoutes } from './workspace-routes';
import { inviteRoutes } from './invite-routes';
import { documentRoutes } from './document-routes';
import { syncAuthorizer } from './sync-authorizer';

export type { ApiDeps, ApiEvent, Repositories } from './context';

/** Request bodies larger than this are refused with 413 before anything reads them. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface Api {
  /** Mount at '/': every route is under /api. */
  routes: Hono<ApiEnv>;
  /**
   * Adds another /api route module (comments, presence, events) behind the same body limit,
   * CSRF check, authentication (`signedIn(c)`) and error shape. Call before mounting `routes`:
   * Hono copies routes when mounting.
   */
  use(routes: Hono<ApiEnv>): void;
  authorizeSync: SyncAuthorizer;
  /** For other route modules (comments, presence, events) that check the same memberships. */
  repos: Repositories;
  close(): Promise<void>;
}

/** The REST API of CONTRACT §2 (accounts, workspaces, members, invites, documents) and the sync socket's authorisation. */
export function createApi(deps: ApiDeps): Api {
  const repos = createRepositories(deps.db);
  const limiter = createLoginLimiter({
    redisUrl: deps.config.redisUrl,
    log: deps.log,
    failuresPerEmail: deps.config.loginFailuresPerEmail,
    failuresPerAddress: deps.config.loginFailuresPerAddress,
  });
  const ctx: RouteContext = { deps, repos, limiter };
  // Read on every request: with PORT=0 the server learns its own origin only once it listens.
  const origin = () => deps.config.publicOrigin;

  const app = new Hono<ApiEnv>();
  const jsonLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      // The rest of the body is never read: the connection cannot be reused for another request.
      throw new HttpError(413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`, undefined, {
        Connection: 'close',
      });
    },
  });
  // Upload routes set their own, larger limit (server/http/upload.ts).
  app.use('/api/*', (c, next) => (isUploadPath(c.req.path) ? next() : jsonLimit(c, next)));
  app.use('/api/*', csrfGuard(origin));
  app.use('/api/*', authenticate(repos.sessions, origin));
  app.route('/', authRoutes(ctx));
  app.route('/', workspaceRoutes(ctx));
  app.route('/', inviteRoutes(ctx));
  app.route('/', documentRoutes(ctx));
  app.onError((err, c) => {
    if (err instanceof HttpError) return sendError(c, err);
    deps.log.error({ event: 'http.unhandled', err, path: c.req.path, method: c.req.method }, 'unhandled error');
    return c.json({ error: { code: 'internal_error', message: 'Something went wrong on our side.' } }, 500);
  });

  return {
    routes: app,
    use: (routes) => void app.route('/', routes),
    authorizeSync: syncAuthorizer(repos, origin),
    repos,
    close: () => limiter.close(),
  };
}
