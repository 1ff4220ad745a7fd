/**
 * The API's types, declared once in shared/api.ts (zod schemas with inferred types).
 * Only types cross over: the schemas stay on the server, so zod is not in the bundle.
 */
import type { DocumentKind, DocumentStatus } from '../../../shared/api';

export type {
  AcceptInviteAnswer,
  AuthAnswer,
  DocumentKind,
  DocumentMeta,
  DocumentStatus,
  Invite,
  InviteRole,
  Member,
  PublicUser,
  User,
  Workspace,
  WorkspaceDetailAnswer,
} from '../../../shared/api';
export type { Role } from '../../../shared/roles';

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['recommendation', 'note', 'board'];
export const DOCUMENT_STATUSES: readonly DocumentStatus[] = ['draft', 'review', 'final'];
