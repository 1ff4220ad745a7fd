/**
 * Quick join for a workshop session (issue 16): the facilitator starts a session on a
 * board, people open `/join/CODE` on a phone, give a name and organisation, and land on
 * the board as participants of that one workspace (a guest account).
 */
import { z } from 'zod';
import { Email, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, text } from './api';

/** Letters and digits that cannot be mistaken for each other when read off a projector. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
export const DEFAULT_SESSION_HOURS = 4;
export const MAX_SESSION_HOURS = 12;

/** Codes are typed on phones: case and spaces do not matter. */
export function normalizeJoinCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

export const StartSessionBody = z.object({
  hours: z.number().positive().max(MAX_SESSION_HOURS).optional(),
  requireEmail: z.boolean().optional(),
});
export type StartSessionBody = z.input<typeof StartSessionBody>;

export const JoinBody = z.object({
  name: text(1, 100),
  organization: text(1, 200),
  email: Email.optional(),
});
export type JoinBody = z.input<typeof JoinBody>;

export const UpgradeGuestBody = z.object({
  email: Email,
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
});
export type UpgradeGuestBody = z.input<typeof UpgradeGuestBody>;

/** What the facilitator sees (and the projector shows). */
export interface JoinSession {
  code: string;
  /** `/join/CODE` on the public origin, for the QR code. */
  url: string;
  documentId: string;
  requireEmail: boolean;
  expiresAt: string;
}

/** What anyone with the code learns before joining: just enough to know they are right. */
export interface JoinPreview {
  workspaceName: string;
  boardTitle: string;
  requireEmail: boolean;
}

export interface JoinAnswer {
  user: { id: string; email: string; name: string; organization: string; color: string };
  token: string | null;
  documentId: string;
  guest: boolean;
}

/** A guest is limited to the workspace they joined; `null` for full accounts. */
export interface GuestStatus {
  guest: { workspaceId: string; documentId: string } | null;
}
