import type { Generated } from 'kysely';

/*
 * The relational schema as kysely sees it: one interface per table, shared by the SQLite
 * and PostgreSQL dialects. Conventions that keep one set of queries valid on both:
 * creation times are ISO text (as the API shows them), expiry times are ms since the epoch
 * (numbers, so comparisons stay numeric), flags are 0/1 integers, lists are JSON text.
 * Document content (doc_updates) is not here: each DocumentStore owns its own table.
 */

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  name: string;
  organization: string;
  created_at: string;
  language: Generated<string>;
  notify_mail: Generated<string>;
  unsubscribe_token: string | null;
  deleted_at: string | null;
  last_digest_at: number | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: number;
  user_agent: string | null;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  description: string;
  created_by: string;
  created_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
}

export interface DocumentsTable {
  id: string;
  workspace_id: string;
  kind: string;
  title: string;
  tags: Generated<string>;
  status: Generated<string>;
  created_by: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
  archived_at: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  workspace_id: string;
  type: string;
  actor: string;
  subject: string;
  data: string;
  at: string;
}

/** Taken by each event's transaction: a workspace's events commit in id order (0300-event-locks). */
export interface EventLocksTable {
  workspace_id: string;
  recorded: Generated<number>;
}

export interface CommentThreadsTable {
  id: string;
  document_id: string;
  anchor_start: string;
  anchor_end: string;
  quote: string;
  author_id: string;
  body: string;
  mentions: Generated<string>;
  created_at: string;
  edited_at: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
}

export interface CommentRepliesTable {
  id: string;
  thread_id: string;
  author_id: string;
  body: string;
  mentions: Generated<string>;
  created_at: string;
  edited_at: string | null;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  /** Null for a notification about a document, not a thread (a suggestion decided). */
  thread_id: string | null;
  actor_id: string;
  excerpt: string;
  created_at: string;
  read_at: string | null;
  kind: Generated<string>;
  mailed_at: string | null;
  document_id: Generated<string | null>;
}

export interface MembersTable {
  workspace_id: string;
  user_id: string;
  role: string;
  joined_at: string;
}

export interface InvitesTable {
  token_hash: string;
  workspace_id: string;
  role: string;
  created_by: string;
  created_at: string;
  expires_at: number;
  id: string | null;
  email: string | null;
  max_uses: number | null;
  uses: Generated<number>;
  revoked_at: string | null;
  /** Insertion order within the workspace (migration 0200); the open-invite list's cursor. */
  seq: number;
}

export interface InviteUsesTable {
  invite_id: string;
  user_id: string;
  used_at: string;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  expires_at: number;
  used_at: string | null;
}

export interface JoinSessionsTable {
  id: string;
  code: string;
  workspace_id: string;
  document_id: string;
  require_email: Generated<number>;
  created_by: string;
  created_at: string;
  expires_at: number;
  ended_at: number | null;
}

export interface GuestAccountsTable {
  user_id: string;
  join_session_id: string;
  contact_email: string | null;
  created_at: string;
}

export interface BoardDraftsTable {
  board_id: string;
  draft_id: string;
  created_at: string;
  /** Insertion order within the board (migration 0200). */
  seq: number;
}

export interface ImagesTable {
  id: string;
  workspace_id: string;
  document_id: string;
  content_type: string;
  width: number;
  height: number;
  bytes: Uint8Array;
  created_by: string;
  created_at: string;
}

export interface SearchEntriesTable {
  rowid: Generated<number>;
  key: string;
  type: string;
  workspace_id: string;
  document_id: string;
  thread_id: string | null;
  title: string;
  body: string;
  tags: string;
  kind: string;
  status: string;
  organizations: string;
  updated_at: string;
}

export interface TemplatesTable {
  id: string;
  workspace_id: string;
  kind: string;
  name: string;
  state: Uint8Array;
  created_by: string;
  created_at: string;
}

export interface SsoLoginsTable {
  state_hash: string;
  nonce: string;
  verifier: string;
  next: string;
  expires_at: number;
}

export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: string;
}

export interface DocumentVersionsTable {
  id: string;
  document_id: string;
  created_at: string;
  created_by: string | null;
  name: string | null;
  reason: string;
  restored_from: string | null;
  contributors: Generated<string>;
  state: Uint8Array;
  size: number;
}

export interface AuthorshipTable {
  id: Generated<number>;
  document_id: string;
  kind: string;
  client_id: number;
  clock_start: number;
  clock_end: number;
  user_id: string;
  last_at: number;
}

export interface SuggestionsTable {
  id: string;
  document_id: string;
  author_id: string;
  anchor_start: string;
  anchor_end: string;
  deleted_text: string;
  insert_text: string;
  status: string;
  created_at: string;
  updated_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export interface Tables {
  users: UsersTable;
  sessions: SessionsTable;
  workspaces: WorkspacesTable;
  documents: DocumentsTable;
  events: EventsTable;
  event_locks: EventLocksTable;
  comment_threads: CommentThreadsTable;
  comment_replies: CommentRepliesTable;
  notifications: NotificationsTable;
  members: MembersTable;
  invites: InvitesTable;
  invite_uses: InviteUsesTable;
  password_resets: PasswordResetsTable;
  join_sessions: JoinSessionsTable;
  guest_accounts: GuestAccountsTable;
  board_drafts: BoardDraftsTable;
  images: ImagesTable;
  search_entries: SearchEntriesTable;
  templates: TemplatesTable;
  sso_logins: SsoLoginsTable;
  user_identities: UserIdentitiesTable;
  document_versions: DocumentVersionsTable;
  authorship: AuthorshipTable;
  suggestions: SuggestionsTable;
}
