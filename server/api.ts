import { Hono, type Context, type Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Config } from './config';
import type { Logger } from './log';
import type { Sql } from './storage/sql/open-sql';
import type { DocumentStore } from './storage/document-store';
import type { RoomRegistry } from './sync/rooms';
import type { SyncAuthorizer } from './sync/socket-route';
import type { Role } from '../shared/roles';
import { AppError } from './http/errors';
import { createAccess, type Access, type AppEnv } from './http/access';
import { syncAuthorizer } from './http/sync-access';
import type { DomainEvents } from './events/emit';
import { authenticate, csrfGuard } from './auth/middleware';
import { createLoginLimiter } from './auth/login-limiter';
import { authRoutes } from './auth/routes';
import { createSso } from './auth/sso/sso-feature';
import { passwordLoginGuard } from './auth/sso/password-login-guard';
import { SessionRepository } from './auth/sessions';
import { UserRepository } from './auth/users';
import { workspaceRoutes } from './workspaces/routes';
import { inviteRoutes } from './members/invite-routes';
import { InviteRepository } from './members/invite-repository';
import { memberRoutes } from './members/routes';
import { accountRoutes } from './accounts/routes';
import { notificationMail } from './notifications';
import type { Mailer } from './mail/mailer';
import { MemberRepository } from './workspaces/members';
import { WorkspaceRepository } from './workspaces/workspaces';
import { documentRoutes } from './documents/routes';
import { TemplateRepository } from './templates/template-repository';
import { templateContent, templateRoutes } from './templates/routes';
import { DocumentRepository } from './documents/document-repository';
import { currentDocReader } from './documents/current-doc';
import { commentRoutes } from './comments/routes';
import { boardRoutes } from './boards/routes';
import { BoardDraftRepository } from './boards/board-drafts';
import { BallotBox, parseBallotRoomId, type OwnerBoardView } from './boards/ballot-box';
import { boardVoterIds } from './boards/voters';
import { voteRoutes } from './boards/votes-routes';
import { joinRoutes } from './join/routes';
import { JoinRepository } from './join/join-repository';
import { JoinLimiter } from './join/join-limiter';
import { createLimiterStore } from './http/limiter-store';
import { isUploadPath } from './http/upload';
import { SqlImageStore } from './images/image-store';
import { imageRoutes } from './images/routes';
import { downloadRoutes } from './downloads/routes';
import { OfficeDownloads } from './downloads/office-download';
import { versionExportRoutes } from './downloads/version-export';
import { importRoutes } from './imports/routes';
import { ExportService } from './export/export-service';
import { CommentRepository } from './comments/comment-repository';
import { createSearch, type SearchFeature } from './search/search-feature';
import { peopleRoutes } from './people/routes';
import { LifecycleRepository } from './documents/lifecycle-repository';
import { documentLifecycleRoutes } from './documents/lifecycle-routes';
import { startPurging } from './documents/purge';
import { workspaceLifecycleRoutes } from './workspaces/lifecycle-routes';
import { CloseCode } from '../shared/protocol';
import { createVersions, type VersionsFeature } from './versions';
import { createSuggestions } from './suggestions';
import { SuggestionRepository } from './suggestions/suggestion-repository';
import { NotificationRepository } from './comments/notification-repository';

/** Request bodies larger than this are refused with 413 before anything reads them. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface ApiDeps {
  /** Read per request: with PORT=0 the server learns its own origin only once it listens. */
  config: Config;
  log: Logger;
  /** The relational store (kysely over SQLite or PostgreSQL) every repository should use. */
  sql: Sql;
  store: DocumentStore;
  rooms: RoomRegistry;
  mailer: Mailer;
  /** Features emit here; listeners (notifications, the event log) subscribe. */
  events: DomainEvents;
  /** A member's role changed (null: removed); open sockets must follow at once. */
  onMembershipChange?(workspaceId: string, userId: string, role: Role | null): void;
  /** A session ended (logout); its open sockets and event streams must end everywhere. */
  onSessionEnded?(tokenHash: string): void;
}

export interface Api {
  /** Mount at '/': every route is under /api. Add route modules with `routes.route('/', …)` before mounting. */
  routes: Hono<AppEnv>;
  authorizeSync: SyncAuthorizer;
  /** The access rules, for route modules mounted from outside (events, presence). */
  access: Access;
  documents: DocumentRepository;
  /** For revocation: sessions and memberships of open connections are re-checked. */
  sessions: SessionRepository;
  members: MemberRepository;
  /** Full-text search; the sync path tells it about content edits. */
  search: SearchFeature;
  /** Hidden votes (the sync path reveals them). */
  ballots: BallotBox;
  /** Version history; its sync extension records who made each change. */
  versions: VersionsFeature;
  close(): Promise<void>;
}

/**
 * The REST API of CONTRACT §2: body limit, CSRF check and authentication for every /api
 * route, then each feature's routes mounted with one line. Each feature module gets the
 * repositories it needs, the access middleware and `emit`.
 */
export function createApi(deps: ApiDeps): Api {
  const { config, log, store, rooms, events, mailer } = deps;
  const { emit } = events;
  const users = new UserRepository(deps.sql.db);
  const sessions = new SessionRepository(deps.sql.db);
  const workspaces = new WorkspaceRepository(deps.sql.db);
  const members = new MemberRepository(deps.sql.db);
  const invites = new InviteRepository(deps.sql.db);
  const documents = new DocumentRepository(deps.sql.db);
  const access = createAccess({ workspaces, members, documents });
  const withCurrentDoc = currentDocReader(rooms, store);
  const votersOf = (workspaceId: string) => boardVoterIds(members, workspaceId);
  const ballots = new BallotBox(rooms, store, votersOf, log);
  const ownerBoardView: OwnerBoardView = (board) => ballots.ownerView(board.id, board.workspaceId, withCurrentDoc);
  const limiter = createLoginLimiter({
    redisUrl: config.redisUrl,
    log,
    failuresPerEmail: config.loginFailuresPerEmail,
    failuresPerAddress: config.loginFailuresPerAddress,
  });
  // Join-code guesses are counted where every instance sees them (Redis when configured).
  // Join-code guesses, registrations and reset requests count here: Redis when configured.
  const limits = createLimiterStore({ redisUrl: config.redisUrl, log, clientName: 'stadskamer-join-limiter' });
  const origin = () => config.publicOrigin;

  const app = new Hono<AppEnv>();
  const jsonLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      // The rest of the body is never read: the connection cannot be reused for another request.
      throw new AppError(413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`, undefined, {
        Connection: 'close',
      });
    },
  });
  // Upload routes (images, Word import) set their own, larger limit (server/http/upload.ts).
  app.use('/api/*', (c: Context<AppEnv, string>, next: Next) => (isUploadPath(c.req.path) ? next() : jsonLimit(c, next)));
  // A change is answered once the events it caused are stored and handled (server/events/emit.ts).
  app.use('/api/*', (_c, next) => events.settle(next));
  app.use('/api/*', csrfGuard(origin));
  app.use('/api/*', authenticate(sessions, origin));
  app.use('/api/auth/*', passwordLoginGuard(config.sso.passwordLogin));
  app.route('/', authRoutes({ config, log, users, sessions, limiter, limits: limits, onSessionEnded: deps.onSessionEnded }));
  app.route('/', createSso({ config, log, db: deps.sql.db, users, sessions }));
  const onMembershipChange = deps.onMembershipChange;
  app.route('/', accountRoutes({ config, log, db: deps.sql.db, users, mailer, access, emit, onMembershipChange, limits: limits }));
  app.route('/', workspaceRoutes({ log, workspaces, members, access }));
  app.route('/', memberRoutes({ log, members, access, emit, onMembershipChange }));
  app.route('/', inviteRoutes({ config, log, invites, members, workspaces, users, mailer, access, emit }));
  const exports = new ExportService(store, config.limits, log);
  const images = new SqlImageStore(deps.sql.db);
  // Word and PDF first; Markdown, HTML and JSON fall through to the document routes' worker pool.
  const office = new OfficeDownloads({ members, workspaces, exports, images, log });
  app.route('/', downloadRoutes({ access, office, threads: new CommentRepository(deps.sql.db), suggestions: new SuggestionRepository(deps.sql.db), ownerBoardView }));
  const templates = new TemplateRepository(deps.sql.db);
  app.route('/', documentRoutes({
    documents,
    members,
    access,
    emit,
    exports,
    maxDocumentsPerWorkspace: config.limits.maxDocumentsPerWorkspace,
    store,
    templateContent: (workspaceId, templateId, kind) => templateContent(templates, workspaceId, templateId, kind),
    ownerBoardView,
  }));
  app.route('/', templateRoutes({ templates, workspaces, access, withCurrentDoc }));
  app.route('/', commentRoutes({ db: deps.sql.db, members, access, events }));
  const suggestions = createSuggestions({
    db: deps.sql.db,
    rooms,
    withCurrentDoc,
    access,
    events,
    notifications: new NotificationRepository(deps.sql.db),
    // An accepted suggestion is credited to its author in who-changed-what (versions, below).
    credit: (documentId, userId, update) => versions.credit(documentId, userId, update),
    limits,
  });
  app.route('/', suggestions.routes);
  // After the comment and suggestion routes: their listeners write the in-app notifications this mails.
  const mail = notificationMail({ db: deps.sql.db, mailer, events, origin, log, digestHourUtc: config.digestHourUtc });
  app.route('/', mail.routes);
  app.route('/', boardRoutes({ documents, members, drafts: new BoardDraftRepository(deps.sql.db), store, rooms, access, emit, withCurrentDoc, log, maxDocumentsPerWorkspace: config.limits.maxDocumentsPerWorkspace }));
  app.route('/', voteRoutes({ access, ballots, votersOf, withCurrentDoc, log }));
  app.route('/', joinRoutes({ users, sessions, members, joins: new JoinRepository(deps.sql.db), limiter: new JoinLimiter(limits), access, emit, config, log }));
  app.route('/', imageRoutes({ members, access, images, log }));
  app.route('/', importRoutes({
    documents,
    access,
    store,
    images,
    emit,
    log,
    // `versions` is made below; an import only runs once the server is up.
    firstVersion: (documentId, userId) => versions.service.save(documentId, { reason: 'import', by: userId }),
  }));
  const search = createSearch({
    sql: deps.sql,
    withCurrentDoc,
    documents,
    users,
    comments: new CommentRepository(deps.sql.db),
    events,
    log,
    delayMs: config.searchIndexDelayMs,
  });
  app.route('/', search.routes);
  const lifecycle = new LifecycleRepository(deps.sql.db, deps.sql.dialect);
  // Sockets of a trashed, archived or moved document reconnect and are authorised afresh.
  const disconnect = (documentId: string, reason: string) => {
    for (const room of rooms.all()) {
      // A board's ballots go with it.
      if (room.id !== documentId && parseBallotRoomId(room.id)?.boardId !== documentId) continue;
      for (const conn of room.connections) conn.close(CloseCode.forbidden, reason);
    }
  };
  app.route('/', documentLifecycleRoutes({ documents, lifecycle, members, workspaces, store, access, emit, withCurrentDoc, disconnect, maxDocumentsPerWorkspace: config.limits.maxDocumentsPerWorkspace }));
  app.route('/', workspaceLifecycleRoutes({
    workspaces,
    lifecycle,
    access,
    disconnectWorkspace: (workspaceId, reason) => {
      for (const room of rooms.all()) {
        for (const conn of room.connections) if (conn.identity.workspaceId === workspaceId) conn.close(CloseCode.forbidden, reason);
      }
    },
  }));
  const stopPurging = startPurging(lifecycle, log);
  app.route('/', peopleRoutes(deps.sql));
  const versions = createVersions({
    sql: deps.sql,
    rooms,
    withCurrentDoc,
    access,
    events,
    findDocument: (id) => documents.find(id),
    findUser: (id) => users.findById(id),
    log,
    quietMs: config.versionQuietMs,
    maxWaitMs: config.versionMaxWaitMs,
  });
  app.route('/', versions.routes);
  app.route('/', versionExportRoutes({ access, requireVersion: versions.requireVersion, state: versions.state, exports, office }));

  return {
    routes: app,
    authorizeSync: syncAuthorizer(sessions, access, origin),
    access,
    documents,
    sessions,
    members,
    search,
    ballots,
    versions,
    close: async () => {
      await versions.close();
      mail.close();
      stopPurging();
      search.close();
      await Promise.all([limiter.close(), limits.close(), exports.close()]);
    },
  };
}
