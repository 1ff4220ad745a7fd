import type { Config } from '../config';
import type { Logger } from '../log';
import type { Database } from '../storage/db';
import type { DocumentStore } from '../storage/document-store';
import type { RoomRegistry } from '../sync/rooms';
import type { Role } from '../../shared/roles';
import type { AuthEnv } from '../auth/middleware';
import type { LoginLimiter } from '../auth/login-limiter';
import { SessionRepository } from '../auth/sessions';
import { UserRepository } from '../auth/users';
import { DocumentRepository } from '../workspaces/documents';
import { InviteRepository } from '../workspaces/invites';
import { MemberRepository } from '../workspaces/members';
import { WorkspaceRepository } from '../workspaces/workspaces';

/** A change the API made that others may want to hear of (event log, SSE, other instances). */
export type ApiEvent =
  | { type: 'document.created'; workspaceId: string; actorId: string; documentId: string }
  | { type: 'document.updated'; workspaceId: string; actorId: string; documentId: string; fields: string[] }
  | { type: 'document.status_changed'; workspaceId: string; actorId: string; documentId: string; from: string; to: string }
  | { type: 'member.joined'; workspaceId: string; actorId: string; userId: string; role: Role }
  | { type: 'member.role_changed'; workspaceId: string; actorId: string; userId: string; from: Role; to: Role }
  | { type: 'member.removed'; workspaceId: string; actorId: string; userId: string };

export interface ApiDeps {
  config: Config;
  log: Logger;
  db: Database;
  store: DocumentStore;
  rooms: RoomRegistry;
  /** A member's role changed (null: removed); open sockets must follow at once. */
  onMembershipChange?(workspaceId: string, userId: string, role: Role | null): void;
  onEvent?(event: ApiEvent): void;
  /** A session ended (logout); its open sockets and event streams must end everywhere. */
  onSessionEnded?(tokenHash: string): void;
}

export interface Repositories {
  users: UserRepository;
  sessions: SessionRepository;
  workspaces: WorkspaceRepository;
  members: MemberRepository;
  invites: InviteRepository;
  documents: DocumentRepository;
}

export function createRepositories(db: Database): Repositories {
  return {
    users: new UserRepository(db),
    sessions: new SessionRepository(db),
    workspaces: new WorkspaceRepository(db),
    members: new MemberRepository(db),
    invites: new InviteRepository(db),
    documents: new DocumentRepository(db),
  };
}

/** What every route module gets. */
export interface RouteContext {
  deps: ApiDeps;
  repos: Repositories;
  limiter: LoginLimiter;
}

export type ApiEnv = AuthEnv;
