/** Who is online where, across every instance (CONTRACT §2 presence). */
export interface PresenceUser {
  id: string;
  name: string;
  organization: string;
}

export interface PresenceEntry {
  user: PresenceUser;
  documentId: string;
  since: string;
}

/**
 * Entries live for `ttlMs` unless renewed, so the users of an instance that crashed
 * disappear by themselves. Keys are unique per connection (instance id + connection id).
 */
export interface PresenceStore {
  put(workspaceId: string, key: string, entry: PresenceEntry, ttlMs: number): Promise<void>;
  remove(workspaceId: string, key: string): Promise<void>;
  list(workspaceId: string): Promise<PresenceEntry[]>;
}

/** One line per person per document, the earliest arrival first. */
export function collapsePresence(entries: PresenceEntry[]): PresenceEntry[] {
  const byKey = new Map<string, PresenceEntry>();
  for (const e of entries) {
    const k = `${e.user.id}\u0000${e.documentId}`;
    const seen = byKey.get(k);
    if (!seen || e.since < seen.since) byKey.set(k, e);
  }
  return [...byKey.values()].sort((a, b) => a.since.localeCompare(b.since));
}
