/** Workspace roles, strongest first (CONTRACT §2). */
export const ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { owner: 3, editor: 2, commenter: 1, viewer: 0 };

/** True when `role` is at least as strong as `minimum`. */
export function hasRole(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/** Only editors and owners may change a document's content. */
export function canWriteContent(role: Role): boolean {
  return hasRole(role, 'editor');
}
