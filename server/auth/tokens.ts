import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret token: 32 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of a token: finding a row needs the token, the row does not give it. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Random ids that match DOCUMENT_ID_PATTERN (shared/protocol.ts) and reveal nothing. */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}
