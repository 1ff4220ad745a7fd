/** Workspace roles, strongest first (CONTRACT §2). */
export const ROLES = ['owner', 'editor', 'participant', 'commenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an invite or a join code may grant (ownership is transferred, never invited). */
export const INVITE_ROLES = ['editor', 'participant', 'commenter', 'viewer'] as const;

const RANK: Record<Role, number> = { owner: 4, editor: 3, participant: 2, commenter: 1, viewer: 0 };

/** True when `role` is at least as strong as `minimum`. */
export function hasRole(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/**
 * Only editors and owners may change a text document's content. A participant, though
 * ranked above a commenter, never edits a draft: they comment (and suggest) like commenters.
 */
export function canWriteContent(role: Role): boolean {
  return hasRole(role, 'editor');
}

/** Who may write a board at all (cards, own votes); the board rules narrow what they may change. */
export function canWriteBoard(role: Role): boolean {
  return hasRole(role, 'participant');
}

/** Who may start threads and reply. */
export function canComment(role: Role): boolean {
  return hasRole(role, 'commenter');
}
