/** Account self-service: password reset, profile, sessions, deletion (issue #15). */
import { z } from 'zod';
import { Email, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, text } from './api';

const NewPassword = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);

export const ResetRequestBody = z.object({ email: Email });
export type ResetRequestBody = z.input<typeof ResetRequestBody>;

export const ResetConfirmBody = z.object({ token: z.string().min(10).max(200), password: NewPassword });
export type ResetConfirmBody = z.input<typeof ResetConfirmBody>;

export const LANGUAGES = ['nl', 'en'] as const;
export const NOTIFY_MAIL = ['instant', 'daily', 'off'] as const;

export const UpdateProfileBody = z
  .object({
    name: text(1, 100).optional(),
    organization: text(1, 200).optional(),
    language: z.enum(LANGUAGES).optional(),
    /** Notification mail: each at once, one digest a day, or none. */
    notifyMail: z.enum(NOTIFY_MAIL).optional(),
    currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH).optional(),
    newPassword: NewPassword.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'name at least one field to change' })
  .refine((b) => b.newPassword === undefined || b.currentPassword !== undefined, {
    message: 'is needed to choose a new password',
    path: ['currentPassword'],
  });
export type UpdateProfileBody = z.input<typeof UpdateProfileBody>;

export const DeleteAccountBody = z.object({ password: z.string().min(1).max(MAX_PASSWORD_LENGTH) });

export const SessionEntry = z.object({
  id: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionEntry = z.infer<typeof SessionEntry>;
export const SessionListAnswer = z.object({ sessions: z.array(SessionEntry) });
