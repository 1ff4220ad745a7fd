/** Members and invites beyond CONTRACT §2's first wave: listing and revoking invites, leaving, transferring ownership. */
import { z } from 'zod';
import { InviteRole, Role } from './api';

/** An open invite as its workspace's owners see it (never the link itself: only its creator had that). */
export const OpenInvite = z.object({
  id: z.string(),
  role: InviteRole,
  email: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  uses: z.number(),
  maxUses: z.number().nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
});
export type OpenInvite = z.infer<typeof OpenInvite>;
export const InviteListAnswer = z.object({ invites: z.array(OpenInvite), nextCursor: z.string().nullable() });
export type InviteListAnswer = z.infer<typeof InviteListAnswer>;

/** What an invite link leads to, shown before joining ("Deelnemen aan … als …?"). */
export const InvitePreview = z.object({
  workspace: z.object({ id: z.string(), name: z.string() }),
  role: InviteRole,
  invitedBy: z.object({ name: z.string(), organization: z.string() }),
  expiresAt: z.string(),
  /** The caller's role when they belong already (accepting then changes nothing). */
  currentRole: Role.nullable(),
});
export type InvitePreview = z.infer<typeof InvitePreview>;
export const InvitePreviewAnswer = z.object({ invite: InvitePreview });

export const TransferOwnershipBody = z.object({ userId: z.string().min(1).max(100) });
export type TransferOwnershipBody = z.input<typeof TransferOwnershipBody>;

export const MAX_PAGE = 100;
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, 'must be a cursor from a previous page')
    .transform(Number)
    .optional(),
});
