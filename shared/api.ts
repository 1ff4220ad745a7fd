/**
 * Request bodies and answers of the HTTP API (CONTRACT §2), declared once as zod schemas
 * with their inferred types. The server validates with the body schemas; the client may
 * use both to check what it sends and to type what it gets.
 */
import { z } from 'zod';
import { INVITE_ROLES, ROLES } from './roles';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from './documents';

// ---------------------------------------------------------------------------------------
// Building blocks

// A lone surrogate cannot be stored as UTF-8 and would come back as U+FFFD: refuse it
// instead of silently changing what the person typed.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAKS = /[\n\r\u2028\u2029]/;
// Direction overrides, embeddings, isolates and marks reorder what others see ("Trojan
// Source"): a name could read as someone else's or hide text. Refused, not guessed at.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// Invisible characters make two names that look the same differ (or hide a name). Removed;
// a zero-width joiner survives only inside an emoji sequence, where it is visible glue.
const INVISIBLE = /[\u00AD\u180E\u200B\u200C\u2060-\u2064\uFEFF]/gu;
// The class lists skin-tone modifiers on their own, on purpose (a joiner may follow one).
// eslint-disable-next-line no-misleading-character-class
const STRAY_JOINER = /(?<![\p{Extended_Pictographic}\uFE0F\u{1F3FB}-\u{1F3FF}])\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

/** Removes invisible characters (see INVISIBLE) from a name or title. */
export function withoutInvisibles(s: string): string {
  return s.replace(INVISIBLE, '').replace(STRAY_JOINER, '');
}

/**
 * Text a person typed: NFC-normalised, without invisible characters, trimmed, without control
 * or text-direction characters.
 */
export function text(min: number, max: number, opts: { multiline?: boolean } = {}) {
  return z
    .string()
    .max(max * 4) // cheap guard before normalising huge input
    .refine((s) => !LONE_SURROGATE.test(s), 'contains an invalid character (unpaired surrogate)')
    .transform((s) => withoutInvisibles(s.normalize('NFC')).trim())
    .refine((s) => !CONTROL_CHARS.test(s), 'contains a control character')
    .refine((s) => !BIDI_CONTROLS.test(s), 'contains a text-direction control character')
    .refine((s) => opts.multiline || !LINE_BREAKS.test(s), 'must be a single line')
    .refine((s) => s.length >= min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .refine((s) => s.length <= max, `must be at most ${max} characters`);
}

export const Role = z.enum(ROLES);
export const InviteRole = z.enum(INVITE_ROLES);
export type InviteRole = z.infer<typeof InviteRole>;

export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const DocumentStatus = z.enum(DOCUMENT_STATUSES);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

export const EXPORT_FORMATS = ['markdown', 'html', 'json', 'docx', 'pdf'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const MIN_PASSWORD_LENGTH = 10;
// scrypt's cost grows with the input; nobody needs a longer passphrase than this.
export const MAX_PASSWORD_LENGTH = 1024;

export const Email = z
  .string()
  .max(254)
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.email('must be an e-mail address'));

const Tags = z
  .array(text(1, 60))
  .max(30)
  // Same tag twice is a slip, not a meaning: keep the first.
  .transform((tags) => [...new Set(tags)]);

// ---------------------------------------------------------------------------------------
// Request bodies

export const RegisterBody = z.object({
  email: Email,
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
  name: text(1, 100),
  organization: text(1, 200),
});
export type RegisterBody = z.input<typeof RegisterBody>;

export const LoginBody = z.object({
  email: Email,
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});
export type LoginBody = z.input<typeof LoginBody>;

export const CreateWorkspaceBody = z.object({
  name: text(1, 200),
  description: text(0, 2000, { multiline: true }).optional(),
});
export type CreateWorkspaceBody = z.input<typeof CreateWorkspaceBody>;

export const MAX_INVITE_HOURS = 24 * 90;
export const CreateInviteBody = z.object({
  role: InviteRole,
  expiresInHours: z.number().positive().max(MAX_INVITE_HOURS).optional(),
  /** The link admits one person only (e-mail invites always do). */
  singleUse: z.boolean().optional(),
  /** Mails the link to this address. */
  email: Email.optional(),
});
export type CreateInviteBody = z.input<typeof CreateInviteBody>;

export const ChangeRoleBody = z.object({ role: Role });
export type ChangeRoleBody = z.input<typeof ChangeRoleBody>;

export const CreateDocumentBody = z.object({
  title: text(1, 300),
  kind: DocumentKind,
  tags: Tags.optional(),
  /** Start from a template (`builtin:…` or a saved template of the same workspace). */
  templateId: z.string().min(1).max(64).optional(),
});
export type CreateDocumentBody = z.input<typeof CreateDocumentBody>;

export const UpdateDocumentBody = z
  .object({
    title: text(1, 300).optional(),
    tags: Tags.optional(),
    status: DocumentStatus.optional(),
  })
  .refine((b) => b.title !== undefined || b.tags !== undefined || b.status !== undefined, {
    message: 'name at least one of title, tags, status',
  });
export type UpdateDocumentBody = z.input<typeof UpdateDocumentBody>;

export const ListDocumentsQuery = z.object({ kind: DocumentKind.optional() });
export const ExportQuery = z
  .object({
    format: ExportFormat.default('markdown'),
    /** `open`: the open comment threads go into a Word export as Word comments. */
    comments: z.literal('open').optional(),
    /** `pending`: the pending suggestions go into a Word export as tracked changes. */
    suggestions: z.literal('pending').optional(),
  })
  .refine((q) => q.comments === undefined || q.format === 'docx', { message: 'only the Word export (format=docx) carries comments', path: ['comments'] })
  .refine((q) => q.suggestions === undefined || q.format === 'docx', { message: 'only the Word export (format=docx) carries suggestions', path: ['suggestions'] });

// ---------------------------------------------------------------------------------------
// Answers

/** The signed-in person, as /api/me shows them. `color` is their stable cursor colour. */
export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  organization: z.string(),
  color: z.string(),
  /** The signed-in person's own settings (only in /api/me and sign-in answers). */
  language: z.enum(['nl', 'en']).optional(),
  notifyMail: z.enum(['instant', 'daily', 'off']).optional(),
});
export type User = z.infer<typeof User>;

/** Another person, as fellow members see them (no e-mail address). */
export const PublicUser = User.omit({ email: true, language: true, notifyMail: true });
export type PublicUser = z.infer<typeof PublicUser>;

export const AuthAnswer = z.object({ user: User, token: z.string() });
export type AuthAnswer = z.infer<typeof AuthAnswer>;

export const MeAnswer = z.object({ user: User });
export type MeAnswer = z.infer<typeof MeAnswer>;

/** A workspace as one member sees it: `role` is that member's own role. */
export const Workspace = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  role: Role,
  createdAt: z.string(),
});
export type Workspace = z.infer<typeof Workspace>;

export const Member = z.object({ user: PublicUser, role: Role });
export type Member = z.infer<typeof Member>;

export const WorkspaceAnswer = z.object({ workspace: Workspace });
/** Every list answer also carries `nextCursor` (shared/pagination.ts): null on the last page. */
const NextCursor = z.string().nullable();

export const WorkspaceListAnswer = z.object({ workspaces: z.array(Workspace), nextCursor: NextCursor });
export const WorkspaceDetailAnswer = z.object({ workspace: Workspace, members: z.array(Member), nextCursor: NextCursor });
export type WorkspaceDetailAnswer = z.infer<typeof WorkspaceDetailAnswer>;
export const MemberAnswer = z.object({ member: Member });

export const Invite = z.object({
  id: z.string(),
  token: z.string(),
  url: z.string(),
  role: InviteRole,
  expiresAt: z.string(),
  singleUse: z.boolean(),
  email: z.string().nullable(),
  /** For e-mail invites: whether the mail went out. */
  mailed: z.boolean().optional(),
});
export type Invite = z.infer<typeof Invite>;
export const InviteAnswer = z.object({ invite: Invite });
export const AcceptInviteAnswer = z.object({ workspace: Workspace, role: Role });
export type AcceptInviteAnswer = z.infer<typeof AcceptInviteAnswer>;

export const DocumentMeta = z.object({
  id: z.string(),
  workspaceId: z.string(),
  kind: DocumentKind,
  title: z.string(),
  tags: z.array(z.string()),
  status: DocumentStatus,
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set while archived: hidden from lists, still searchable, read-only. */
  archivedAt: z.string().nullable(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;
export const DocumentAnswer = z.object({ document: DocumentMeta });
export const DocumentListAnswer = z.object({ documents: z.array(DocumentMeta), nextCursor: NextCursor });

/** Name of the cookie that carries the session token in browsers. */
export const SESSION_COOKIE = 'stadskamer_session';
